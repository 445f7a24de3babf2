package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.cli.BotAssembly;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.store.postgres.AdvisoryLeadership;
import supportbot.store.postgres.TestSchema;

/**
 * Two bots in long-polling mode on one PostgreSQL schema and one (fake) Telegram, with the real telegrambots
 * library: one polls; when its database session dies the other polls, from the offset the first confirmed.
 */
class TelegramPollerFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long STAFF = -1001234567890L;

    @TempDir
    Path dir;
    private TestSchema schema;
    private FakeBotApi fake;
    private FaqService faq;
    private final List<Stack> stacks = new ArrayList<>();

    /** One instance: the whole bot with its Telegram connector. */
    private final class Stack implements AutoCloseable {
        final String instance = "tg-" + UUID.randomUUID();
        final BotAssembly bot;
        final TelegramConnector connector;

        Stack() throws Exception {
            Path home = Files.createDirectories(dir.resolve(instance));
            Path file = home.resolve("application.yaml");
            Files.writeString(file, """
                    data:
                      dir: %s
                    faq:
                      semantic: false
                      watch: false
                    safety:
                      floodMessages: 1000
                    store:
                      kind: postgres
                      url: "%s"
                      poolSize: 3
                      electionCheckMillis: 200
                    telegram:
                      enabled: "on"
                      apiUrl: %s
                      pollTimeoutSeconds: 1
                      staffChatId: %d
                    """.formatted(home.resolve("data"), schema.url(), fake.baseUrl(), STAFF));
            var config = new ConfigLoader().load(file);
            bot = new BotAssembly(config, faq, Set.of(TelegramKeys.CHANNEL), null, instance);
            connector = TelegramConnector.connect(TelegramSettings.from(config.telegram(),
                    Map.of(TelegramSettings.TOKEN_ENV, TelegramTestBot.TOKEN)).orElseThrow(), bot.connectorParts());
            bot.outbox.start();
            connector.start(bot.leadership);
        }

        @Override
        public void close() {
            connector.close();
            bot.close();
        }
    }

    @BeforeEach
    void start() {
        schema = TestSchema.create("tg_failover");
        fake = FakeBotApi.start(TelegramTestBot.TOKEN);
        fake.registerForum(STAFF);
        faq = new FaqService(Path.of("faq-data"), null, new ConfigLoader().defaults().searchSettings().withSemantic(false),
                FaqIndexer.Progress.SILENT);
    }

    @AfterEach
    void stop() {
        stacks.forEach(Stack::close);
        fake.close();
        schema.close();
    }

    private Stack stack() throws Exception {
        var s = new Stack();
        stacks.add(s);
        return s;
    }

    /** Each user says hello once; waits until every update is confirmed and each conversation has its turn. */
    private void usersSayHello(Stack reader, long... users) {
        for (long u : users) {
            fake.userText(u, "hello");
        }
        fake.awaitCondition(() -> fake.pendingUpdates() == 0, WAIT, "every update confirmed");
        for (long u : users) {
            fake.awaitCondition(() -> reader.bot.store.conversation(TelegramKeys.privateChat(u)).isPresent(), WAIT,
                    "the turn of " + u + " committed");
            fake.awaitSent(s -> s.chatId() == u, WAIT);
        }
    }

    @Test
    void onlyTheElectedInstancePollsAndTheOtherResumesFromTheStoredOffsetWhenItsSessionDies() throws Exception {
        Stack a = stack();
        Stack b = stack();
        assertTrue(a.connector.holdsPollerRole(), "the first instance won");
        assertFalse(b.connector.holdsPollerRole(), "the second waits");

        usersSayHello(a, 1001, 1002, 1003, 1004);
        assertTrue(a.connector.pollsMade() > 0);
        assertEquals(0, b.connector.pollsMade(), "only the elected instance asked Telegram for updates");
        long confirmedByA = b.bot.store.counter(TelegramConnector.OFFSET);
        assertTrue(confirmedByA > 0, "the offset is in the shared store");

        assertEquals(1, TestSchema.terminate(AdvisoryLeadership.sessionName(a.instance)), "A's election session killed");
        fake.awaitCondition(() -> b.connector.holdsPollerRole() && !a.connector.holdsPollerRole(), WAIT,
                "B holds the poller role and A has let go");
        long pollsOfA = a.connector.pollsMade();

        usersSayHello(b, 1005, 1006, 1007, 1008);
        assertTrue(b.connector.pollsMade() > 0);
        assertEquals(pollsOfA, a.connector.pollsMade(), "A stopped polling once it lost the role");
        List<Long> offsets = fake.getUpdatesOffsets();
        for (int i = 1; i < offsets.size(); i++) {
            assertTrue(offsets.get(i) >= offsets.get(i - 1) || offsets.get(i) == 0, "the offset never went back: " + offsets);
        }
        assertTrue(offsets.contains(confirmedByA + 1), "B asked from the offset A confirmed: " + offsets);
        for (long u = 1001; u <= 1008; u++) {
            assertEquals(1, b.bot.store.conversation(TelegramKeys.privateChat(u)).orElseThrow().turns(),
                    "the hello of " + u + " handled once");
        }
    }

    @Test
    void aTicketOpenedOnTheInstanceThatDoesNotMirrorReachesTheStaffForum() throws Exception {
        Stack a = stack();
        Stack b = stack();
        assertTrue(a.connector.holdsPollerRole(), "A mirrors the staff forum");
        // A turn taken by B (as a webhook call or a web chat message reaching B would be).
        String chat = TelegramKeys.privateChat(1101);
        b.bot.inbox.submit(supportbot.dialogue.Inbound.text(TelegramKeys.CHANNEL, chat, "1101", "talk to a human",
                "m1", java.time.Instant.now())).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        long number = b.bot.store.conversation(chat).orElseThrow().ticketNumber();
        assertTrue(number > 0, "B opened a ticket");
        fake.awaitCondition(() -> fake.topics().stream().anyMatch(t -> t.name().startsWith("#" + number + " ")), WAIT,
                "a staff topic for ticket " + number + " made by A");
    }
}
