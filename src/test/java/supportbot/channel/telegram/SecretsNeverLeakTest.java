package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.press;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import supportbot.desk.DeskAction;
import supportbot.desk.DeskException;
import supportbot.dialogue.Phase;
import supportbot.safety.TestPhrases;

/**
 * A recovery phrase or key sent during detail collection, while talking to an agent, and by an agent: it is
 * deleted from the chat, never relayed, and afterwards found nowhere in the data directory or the log.
 */
class SecretsNeverLeakTest {
    private static final long USER = 4242;
    private static final String ENGLISH = String.join(" ", TestPhrases.words("english", 12, 7));
    private static final String CHINESE = String.join(" ", TestPhrases.words("chinese-simplified", 12, 8));
    private static final String KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    @TempDir
    Path dir;
    private TelegramTestBot t;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void close() {
        root.detachAppender(logs);
        if (t != null) {
            t.close();
        }
    }

    @Test
    void aPhraseOrKeyIsDeletedWarnedAboutAndStoredLoggedOrRelayedNowhere() throws Exception {
        logs.start();
        root.addAppender(logs);
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);

        // 1. During detail collection.
        t.fake.userText(USER, "My withdrawal to the exchange has been pending for hours");
        var offer = t.fake.awaitSent(s -> s.chatId() == USER && callbacks(s).contains("faq:no"), WAIT);
        press(t.fake, USER, offer, "faq:no");
        t.fake.awaitSent(to(USER, "When did it happen"), WAIT);
        t.fake.userText(USER, "support asked me for this, my recovery phrase is " + ENGLISH);
        t.fake.awaitSent(to(USER, "looked like a recovery phrase or private key"), WAIT);
        t.fake.awaitCondition(() -> t.fake.deletions().stream().anyMatch(d -> d.chatId() == USER), WAIT,
                "the message deleted from the chat");
        var collecting = t.bot.store.conversation(key).orElseThrow();
        assertEquals(Phase.COLLECTING, collecting.phase(), "the report goes on");

        // 2. While talking to an agent.
        t.fake.userText(USER, "/human");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).orElseThrow().phase() == Phase.WITH_TICKET, WAIT, "ticket");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number),
                WAIT);
        press(t.fake, TelegramTestBot.ALICE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> "alice".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");
        t.fake.userText(USER, CHINESE.replace(" ", "\n"));
        t.fake.awaitCondition(() -> t.fake.deletions().stream().filter(d -> d.chatId() == USER).count() == 2, WAIT,
                "the second message deleted");
        t.fake.userText(USER, "私钥: " + KEY);
        t.fake.awaitCondition(() -> t.fake.deletions().stream().filter(d -> d.chatId() == USER).count() == 3, WAIT,
                "the key deleted");

        // 3. An agent pastes one, in the staff topic and through the desk API.
        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "is this yours? " + ENGLISH);
        t.fake.awaitCondition(() -> t.fake.deletions().stream().anyMatch(d -> d.chatId() == TelegramTestBot.STAFF), WAIT,
                "the agent's message deleted");
        var alice = t.bot.agents.byName("alice").orElseThrow();
        var refused = assertThrows(DeskException.class, () -> t.bot.desk.act(alice, number, new DeskAction.Reply(CHINESE)));
        assertEquals(400, refused.status());
        // Zero-width spaces inside the words (invisible in the desk) do not get it through either.
        String disguised = ENGLISH.replaceAll("(\\p{L}{2})(\\p{L})", "$1\u200B$2");
        assertEquals(400, assertThrows(DeskException.class,
                () -> t.bot.desk.act(alice, number, new DeskAction.Reply("please import: " + disguised))).status());
        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "Thanks, we are checking it.");
        t.fake.awaitSent(to(USER, "Thanks, we are checking it."), WAIT);
        t.awaitQuiet();

        var everythingSent = t.fake.sent().stream().map(s -> s.text() == null ? "" : s.text()).toList();
        assertNoSecret("what the bot sent to users and agents", String.join("\n", everythingSent));
        assertTrue(t.fake.sent().stream().noneMatch(s -> s.chatId() == USER && s.text().contains("is this yours")),
                "the agent's message never reached the user");

        t.stop();
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertNoSecret(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        var logged = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            logged.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logged.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        assertTrue(logged.toString().contains("removed a secret"), "the removal itself is logged");
        assertNoSecret("the log", logged.toString());
        t = new TelegramTestBot(dir, "").start(); // reopen for close(): the data survived the restart too
    }

    private static void assertNoSecret(String where, String content) {
        String english = ENGLISH.substring(0, ENGLISH.indexOf(' ', ENGLISH.indexOf(' ', ENGLISH.indexOf(' ') + 1) + 1));
        assertFalse(content.contains(english), "part of the English phrase in " + where);
        assertFalse(content.contains(CHINESE.substring(0, 5)), "part of the Chinese phrase in " + where);
        assertFalse(content.replace("\n", " ").contains(CHINESE.substring(0, 5)), where);
        assertFalse(content.contains(KEY.substring(0, 24)), "the private key in " + where);
    }
}
