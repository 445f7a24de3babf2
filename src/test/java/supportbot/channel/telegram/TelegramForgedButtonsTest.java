package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.safety.TestPhrases;

/**
 * Telegram callback queries: the bot acts only on buttons it offered in this conversation, even when the
 * data carries a valid signature for the chat (a button from long ago, or one a leaked secret could sign).
 */
class TelegramForgedButtonsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = 42;
    static final String INVALID = "This button is no longer valid";

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private long invalidNotices() {
        return t.fake.sent().stream().filter(s -> s.chatId() == USER && s.text() != null && s.text().startsWith(INVALID))
                .count();
    }

    @Test
    void signedButNeverOfferedButtonsChangeNothingAndAreNotKept() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        var keyboards = new Keyboards(t.bot.signer);
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "/start");
        t.fake.awaitSent(s -> s.chatId() == USER && FakeBotApi.payloads(s).contains("report"), WAIT);

        // forget:yes, correctly signed for this chat, but this conversation was never asked /forget.
        t.fake.callback(USER, USER, 1, keyboards.callbackData(USER, "forget:yes"));
        t.fake.awaitCondition(() -> invalidNotices() == 1, WAIT, "the refusal");
        assertTrue(t.bot.store.conversation(key).isPresent(), "not erased");
        assertEquals("/start", t.bot.store.transcript(key, 0).get(0).text(), "what was said is still there");

        // A payload holding a recovery phrase: signed (hashed, it is long) and unsigned.
        String phrase = String.join(" ", TestPhrases.words("english", 12, 11));
        t.fake.callback(USER, USER, 1, keyboards.callbackData(USER, phrase));
        t.fake.callback(USER, USER, 1, "answer:" + phrase.substring(0, 40));
        t.fake.awaitCondition(() -> invalidNotices() == 3, WAIT, "both refused");
        t.fake.awaitCondition(() -> t.fake.answeredCallbacks().size() == 3, WAIT, "every press answered");
        String words = phrase.split(" ")[2] + " " + phrase.split(" ")[3];
        assertFalse(t.bot.store.transcript(key, 0).toString().contains(words), "the phrase is not in the transcript");
        assertFalse(t.bot.store.stored(key).orElseThrow().toString().contains(words), "nor in the state");

        // The offered button still works.
        var greeting = t.fake.sent().stream().filter(s -> s.chatId() == USER && FakeBotApi.payloads(s).contains("report"))
                .findFirst().orElseThrow();
        String data = FakeBotApi.callbackData(greeting).stream().filter(d -> d.startsWith("report~")).findFirst().orElseThrow();
        t.fake.callback(USER, USER, greeting.messageId(), data);
        t.fake.awaitSent(s -> s.chatId() == USER && FakeBotApi.payloads(s).stream().anyMatch(p -> p.startsWith("cat:")), WAIT);
        assertEquals(3, invalidNotices());
    }
}
