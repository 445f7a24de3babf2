package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.desk.Agent;
import supportbot.desk.DeskAction;
import supportbot.desk.Role;
import supportbot.dialogue.Phase;
import supportbot.safety.TestPhrases;

/**
 * Transcripts on Telegram: on resolve the staff topic keeps one and the user is offered one (a button beside the
 * stars, and /transcript), in the user's language, with a phrase the user sent redacted, never in the file.
 */
class TelegramTranscriptTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = 4242;
    private static final String PHRASE = String.join(" ", TestPhrases.words("english", 12, 91));

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private String text(FakeBotApi.Upload u) {
        return new String(u.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void resolvedTicketsTranscriptGoesToTheStaffTopicAndToTheUserOnRequestInTheirLanguage() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "/lang zh");
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        t.fake.userText(USER, "my wallet shows zero since Monday");
        t.fake.userText(USER, PHRASE);
        t.fake.awaitCondition(() -> t.bot.store.ticket(number).map(tk -> tk.events().stream()
                .anyMatch(e -> e.text() != null && e.text().contains("since Monday"))).orElse(false), WAIT, "the message in the ticket");
        t.awaitQuiet();

        t.bot.desk.attempt(new Agent("sue", Role.SUPERVISOR, null), number, new DeskAction.Resolve()).ifPresent(e -> {
            throw new AssertionError(e);
        });
        t.fake.awaitCondition(() -> t.fake.uploads().stream().anyMatch(u -> u.chatId() == TelegramTestBot.STAFF
                && ("transcript-" + number + ".txt").equals(u.fileName())), WAIT, "the staff topic's transcript");
        var staffCopy = t.fake.uploads().stream().filter(u -> u.chatId() == TelegramTestBot.STAFF
                && u.fileName().startsWith("transcript-")).findFirst().orElseThrow();
        assertTrue(text(staffCopy).contains("my wallet shows zero since Monday"), text(staffCopy));
        assertFalse(text(staffCopy).contains(PHRASE.split(" ")[3] + " " + PHRASE.split(" ")[4]), "no phrase in the file");

        var stars = t.fake.awaitSent(s -> s.chatId() == USER && FakeBotApi.payloads(s).contains("transcript")
                && FakeBotApi.payloads(s).contains("rate:5"), WAIT);
        String data = FakeBotApi.callbackData(stars).stream().filter(d -> d.startsWith("transcript~")).findFirst().orElseThrow();
        t.fake.callback(USER, USER, stars.messageId(), data);
        t.fake.awaitCondition(() -> t.fake.uploads().stream().anyMatch(u -> u.chatId() == USER
                && "transcript.txt".equals(u.fileName())), WAIT, "the user's transcript");
        var mine = t.fake.uploads().stream().filter(u -> u.chatId() == USER && "transcript.txt".equals(u.fileName()))
                .findFirst().orElseThrow();
        assertTrue(text(mine).startsWith("您与客服的对话记录"), text(mine));
        assertTrue(text(mine).contains("my wallet shows zero since Monday"));
        assertFalse(text(mine).contains(PHRASE.split(" ")[3] + " " + PHRASE.split(" ")[4]), "no phrase in the file");

        // The stars beside it still work after the transcript was sent.
        String five = FakeBotApi.callbackData(stars).stream().filter(d -> d.startsWith("rate:5~")).findFirst().orElseThrow();
        t.fake.callback(USER, USER, stars.messageId(), five);
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.rating() != null && Integer.valueOf(5)
                .equals(c.rating().stars())).orElse(false), WAIT, "the stars taken after the transcript");

        t.fake.userText(USER, "/transcript");
        t.fake.awaitCondition(() -> t.fake.uploads().stream().filter(u -> u.chatId() == USER
                && "transcript.txt".equals(u.fileName())).count() == 2, WAIT, "a second transcript on /transcript");
    }
}
