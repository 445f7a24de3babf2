package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.channel.DeadLetters;
import supportbot.safety.TestPhrases;

/**
 * One update that keeps failing (Telegram will not serve its file) is tried a bounded number of times, kept as
 * a dead letter without secrets, and skipped: everyone else is answered, the polling offset moves past it, and
 * once the fault is fixed a replay handles it exactly once.
 */
class TelegramDeadLettersTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final long ALICE = 42;
    static final long BOB = 43;

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private DeadLetters deadLetters() {
        return new DeadLetters(t.bot.store, t.bot.committer, Clock.systemUTC());
    }

    private boolean answered(long user, String part) {
        return t.fake.sentTo(user).stream().anyMatch(s -> s.text() != null && s.text().contains(part));
    }

    @Test
    void aFileThatCannotBeFetchedBecomesADeadLetterAndIntakeGoesOn() throws Exception {
        t = new TelegramTestBot(dir, """
                  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}
                  retry: {attempts: 3, firstBackoffMs: 20, maxBackoffMs: 50}
                """).start();
        String phrase = String.join(" ", TestPhrases.words("english", 12, 21));
        t.fake.breakFile("broken-photo");
        long bad = t.fake.userPhoto(ALICE, "broken-photo", "png-bytes".getBytes(), "my seed is " + phrase);

        // The dead letter is the sentinel: it exists only once the retries are spent.
        t.fake.awaitCondition(() -> !deadLetters().list().isEmpty(), WAIT, "a dead letter");
        DeadLetters.DeadLetter letter = deadLetters().list().get(0);
        assertEquals("telegram-" + bad, letter.id());
        assertEquals(DeadLetters.WAITING, letter.status());
        assertEquals(3, letter.attempts());
        assertTrue(letter.reason().contains("500"), letter.reason());
        assertFalse(letter.reason().contains(TelegramTestBot.TOKEN), "no token in the reason");
        assertFalse(letter.payload().contains(TelegramTestBot.TOKEN), "no token in the payload");
        String words = phrase.split(" ")[4] + " " + phrase.split(" ")[5];
        assertFalse(letter.payload().contains(words), "the phrase is cut out of the kept update: " + letter.payload());
        assertTrue(letter.payload().contains("broken-photo"), "what a replay needs is kept");
        // Counted right after the record is committed, so wait for it rather than race it.
        t.fake.awaitCondition(() -> t.bot.metrics.scrape()
                .contains("supportbot_dead_letters_total{channel=\"telegram\",reason=\"retries\"} 1.0"), WAIT,
                "counted for the dashboard");
        assertEquals(3, t.fake.calls("getFile").stream().filter(c -> c.toString().contains("broken-photo")).count(),
                "tried exactly as often as configured");

        // Intake goes on: later updates from others are fetched and answered, and the offset has moved past it.
        t.fake.userText(BOB, "/start");
        t.fake.awaitCondition(() -> answered(BOB, "Hi"), WAIT, "Bob answered");
        t.fake.awaitCondition(() -> t.fake.getUpdatesOffsets().stream().anyMatch(o -> o > bad), WAIT, "offset past it");
        t.fake.awaitCondition(() -> t.bot.store.counter(TelegramConnector.OFFSET) >= bad, WAIT, "the offset persisted");
        assertTrue(t.bot.store.transcript(TelegramKeys.privateChat(ALICE), 0).isEmpty(), "nothing of Alice's yet");

        // Fixed: a replay handles it once.
        t.fake.repairFile("broken-photo");
        deadLetters().requestReplay(letter.id());
        t.fake.awaitCondition(() -> deadLetters().get(letter.id()).orElseThrow().status().equals(DeadLetters.REPLAYED), WAIT,
                "replayed");
        var lines = t.bot.store.transcript(TelegramKeys.privateChat(ALICE), 0);
        List<?> fromAlice = lines.stream().filter(l -> l.from().equals("user")).toList();
        assertEquals(1, fromAlice.size(), "handled once: " + lines);
        assertEquals(1, lines.stream().filter(l -> l.from().equals("user")).findFirst().orElseThrow().attachments().size());
        assertFalse(lines.toString().contains(words), "the phrase is not kept on replay either");
        t.fake.awaitCondition(() -> !t.fake.sentTo(ALICE).isEmpty(), WAIT, "Alice answered");

        var again = assertThrows(DeadLetters.Refused.class, () -> deadLetters().requestReplay(letter.id()));
        assertEquals(409, again.status());
        assertEquals(404, assertThrows(DeadLetters.Refused.class, () -> deadLetters().requestReplay("telegram-0")).status());
    }
}
