package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.press;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;
import supportbot.safety.SecretDetector;
import supportbot.safety.TestPhrases;

/**
 * A phrase sent as 4+4+4 while a ticket is open, with the real telegrambots connector against {@link FakeBotApi}:
 * the pieces already relayed to the staff forum topic are edited to the redaction marker, the user's pieces are
 * deleted from the private chat, the user is warned, and no piece is left in the desk's view or the data files.
 */
class SplitPhraseTelegramTest {
    private static final long USER = 4343;
    private static final List<String> WORDS = TestPhrases.words("english", 12, 301);
    private static final List<String> PIECES = List.of(String.join(" ", WORDS.subList(0, 4)),
            String.join(" ", WORDS.subList(4, 8)), String.join(" ", WORDS.subList(8, 12)));

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void piecesRelayedToStaffAreEditedAndTheUsersPiecesDeleted() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "My withdrawal to the exchange has been pending for hours");
        var offer = t.fake.awaitSent(s -> s.chatId() == USER && callbacks(s).contains("faq:no"), WAIT);
        press(t.fake, USER, offer, "faq:no");
        t.fake.awaitSent(to(USER, "When did it happen"), WAIT);
        t.fake.userText(USER, "/human");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).orElseThrow().phase() == Phase.WITH_TICKET, WAIT, "ticket");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number), WAIT);

        var relayed = new ArrayList<FakeBotApi.Sent>();
        for (int i = 0; i < 2; i++) {
            String piece = PIECES.get(i);
            t.fake.userText(USER, piece);
            relayed.add(t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text() != null
                    && s.text().contains(piece), WAIT));
        }
        assertTrue(t.fake.deletions().stream().noneMatch(d -> d.chatId() == USER), "nothing deleted yet");

        t.fake.userText(USER, PIECES.get(2));
        t.fake.awaitSent(to(USER, "together looked like a recovery phrase"), WAIT);
        t.fake.awaitSent(to(USER, "deleting those messages from this chat"), WAIT);
        for (var copy : relayed) {
            t.fake.awaitCondition(() -> t.fake.edits().stream().anyMatch(e -> e.chatId() == TelegramTestBot.STAFF
                    && e.messageId() == copy.messageId() && e.text().contains(SecretDetector.REDACTION)), WAIT,
                    "the staff copy " + copy.messageId() + " edited");
        }
        t.fake.awaitCondition(() -> t.fake.deletions().stream().filter(d -> d.chatId() == USER).count() == 3, WAIT,
                "all three pieces deleted from the user's chat");
        assertEquals(3, t.fake.deletions().stream().filter(d -> d.chatId() == USER).map(FakeBotApi.Deleted::messageId)
                .distinct().count());

        // What the web desk shows: the ticket and the conversation's transcript (DeskApi.get reads exactly these).
        var alice = t.bot.agents.byName("alice").orElseThrow();
        var ticket = t.bot.desk.get(alice, number);
        var deskView = ticket.toString() + t.bot.store.transcript(key, 0);
        assertNoPiece("the desk view", deskView);
        t.fake.awaitCondition(() -> t.bot.store.pendingOutbox(5).isEmpty(), WAIT, "everything delivered");

        t.stop();
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertNoPiece(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        t = new TelegramTestBot(dir, "").start(); // reopen for close()
    }

    private static void assertNoPiece(String where, String content) {
        for (int i = 0; i + 3 <= WORDS.size(); i++) {
            String three = String.join(" ", WORDS.subList(i, i + 3));
            assertFalse(content.contains(three) || content.contains(three.replace(" ", "\\n")),
                    "three phrase words in " + where);
        }
    }
}
