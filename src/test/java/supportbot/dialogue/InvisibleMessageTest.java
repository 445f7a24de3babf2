package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A message of nothing but invisible chars is an empty message: answered kindly, never an internal error. */
class InvisibleMessageTest {

    @Test
    void invisibleOnlyMessagesGetTheEmptyMessageReply() {
        for (String invisible : List.of("\u00A0", "\u200B", "\uFEFF", "\u0000\u0000", "\u00A0\u200B\uFEFF\u0000")) {
            var h = new EngineHarness().say(invisible);
            assertEquals(EngineHarness.DATA.messages().get(h.state.lang(), "empty"), h.reply(), () -> "for "
                    + invisible.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void theReplyIsInTheConversationsLanguage() {
        var h = new EngineHarness().say("我的转账一直没到账");
        h.say("\u200B\u00A0");
        assertEquals("没有收到内容，请输入您的问题。", h.reply());
    }
}
