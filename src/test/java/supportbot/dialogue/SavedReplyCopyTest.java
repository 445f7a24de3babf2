package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import supportbot.desk.SavedReplies;

/** The shipped saved replies' Chinese copy follows the same punctuation rule as the bot's messages. */
class SavedReplyCopyTest {
    @Test
    void shippedChineseSavedRepliesUseFullWidthPunctuation() {
        var wrong = new ArrayList<String>();
        for (var r : SavedReplies.load(SavedReplies.DEFAULT_FILE)) {
            for (String text : List.of(r.texts().get("zh"), r.titles().get("zh"))) {
                ChinesePunctuationTest.mistakes(text).forEach(m -> wrong.add(r.name() + ": " + m));
            }
        }
        assertEquals(List.of(), wrong);
    }
}
