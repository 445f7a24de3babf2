package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShownKeyboardsTest {
    @Test
    void anOlderKeyboardThisProcessSentIsStale() {
        var shown = new ShownKeyboards();
        shown.shown(7, 10);
        shown.shown(7, 12);
        assertTrue(shown.isStale(7, 10), "the earlier answer's buttons");
        assertFalse(shown.isStale(7, 12), "the current buttons");
        assertFalse(shown.isStale(7, 13), "a later message whose send we have not seen yet");
        assertFalse(shown.isStale(8, 10), "another chat knows nothing of chat 7");
    }

    @Test
    void aMessageSentBeforeARestartIsLeftToTheEngine() {
        // After kill -9 the reply in flight is sent again (message 20); the user may press the first copy (19).
        var shown = new ShownKeyboards();
        shown.shown(7, 20);
        assertFalse(shown.isStale(7, 19), "the first copy of a repeated reply keeps working");
        shown.shown(7, 22);
        assertTrue(shown.isStale(7, 20), "but this process's own older keyboards are still stale");
    }
}
