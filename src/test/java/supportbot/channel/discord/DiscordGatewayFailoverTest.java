package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.cli.BotAssembly;
import supportbot.cluster.Leadership;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.store.postgres.AdvisoryLeadership;
import supportbot.store.postgres.TestSchema;

/**
 * Two bots on one PostgreSQL schema and one (fake) Discord, with the real JDA: one gateway session, on the instance
 * that holds the role; when that instance's database session dies, the other connects and answers.
 */
class DiscordGatewayFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = FakeDiscord.CUSTOMER_ID;

    @TempDir
    Path dir;
    private TestSchema schema;
    private FakeDiscord fake;
    private FaqService faq;
    private Instance a;
    private Instance b;

    /** One instance: the bot, competing for the gateway role. */
    private final class Instance implements AutoCloseable {
        final String name = "dc-" + UUID.randomUUID();
        final BotAssembly bot;
        final Leadership.Role gateway;
        /** Gateway connections this instance opened. */
        final java.util.concurrent.atomic.AtomicInteger connects = new java.util.concurrent.atomic.AtomicInteger();

        Instance() throws Exception {
            Path home = Files.createDirectories(dir.resolve(name));
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
                    discord:
                      enabled: "on"
                      guildId: %d
                      supportChannelId: %d
                      staffChannelId: %d
                      agentRoleId: %d
                      supervisorRoleId: %d
                    """.formatted(home.resolve("data"), schema.url(), FakeDiscord.GUILD_ID, FakeDiscord.SUPPORT_CHANNEL_ID,
                    FakeDiscord.STAFF_CHANNEL_ID, FakeDiscord.AGENT_ROLE_ID, FakeDiscord.SUPERVISOR_ROLE_ID));
            var config = new ConfigLoader().load(file);
            bot = new BotAssembly(config, faq, Set.of(DiscordKeys.CHANNEL), null, name);
            var settings = DiscordSettings.from(config.discord(), Map.of(DiscordSettings.TOKEN_ENV, DiscordTestBot.TOKEN))
                    .orElseThrow();
            gateway = bot.leadership.hold(DiscordConnector.GATEWAY_ROLE,
                    lease -> {
                        connects.incrementAndGet();
                        return DiscordConnector.connect(settings, bot.connectorParts(), fake::configure).takingOver();
                    });
            bot.outbox.start();
        }

        @Override
        public void close() {
            gateway.release();
            bot.close();
        }
    }

    @BeforeEach
    void start() {
        schema = TestSchema.create("dc_failover");
        fake = FakeDiscord.start();
        faq = new FaqService(Path.of("faq-data"), null, new ConfigLoader().defaults().searchSettings().withSemantic(false),
                FaqIndexer.Progress.SILENT);
    }

    @AfterEach
    void stop() {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.close();
            }
        }
        fake.close();
        schema.close();
    }

    private long identifies() {
        return fake.gatewayReceived().stream().filter(f -> f.path("op").asInt() == 2).count();
    }

    private int turnsOf(Instance reader) {
        return reader.bot.store.conversation(DiscordKeys.dm(USER)).map(c -> (int) c.turns()).orElse(0);
    }

    @Test
    void oneGatewaySessionAndTheOtherInstanceConnectsWhenTheHoldersDatabaseSessionDies() throws Exception {
        a = new Instance();
        b = new Instance();
        assertTrue(a.gateway.held(), "the first instance connected");
        assertFalse(b.gateway.held(), "the second waits");
        assertEquals(1, a.connects.get() + b.connects.get(), "one gateway connection for the bot");
        long identifiesBefore = identifies();
        assertTrue(a.bot.outbox.sends(DiscordKeys.CHANNEL) && !b.bot.outbox.sends(DiscordKeys.CHANNEL),
                "only the gateway's holder can send on Discord");

        fake.directMessage(USER, "hello");
        long dm = fake.dmChannelId(USER);
        fake.awaitSent(s -> s.channelId() == dm, WAIT);
        fake.awaitCondition(() -> turnsOf(b) == 1, WAIT, "the first message's turn committed");
        int sentBefore = fake.sent().size();

        assertEquals(1, TestSchema.terminate(AdvisoryLeadership.sessionName(a.name)));
        fake.awaitCondition(() -> b.gateway.held() && !a.gateway.held(), WAIT, "B holds the gateway, A let go");
        assertEquals(1, b.connects.get(), "B connected once");
        assertEquals(1, a.connects.get(), "A did not come back");
        assertTrue(identifies() > identifiesBefore, "B identified on the gateway");
        assertFalse(a.bot.outbox.sends(DiscordKeys.CHANNEL), "A's sender went with its gateway");
        assertTrue(b.bot.outbox.sends(DiscordKeys.CHANNEL));

        fake.directMessage(USER, "hello again");
        fake.awaitCondition(() -> fake.sent().stream().skip(sentBefore).anyMatch(s -> s.channelId() == dm), WAIT,
                "B answered the second message");
        fake.awaitCondition(() -> turnsOf(a) == 2, WAIT, "the second message's turn committed");
        assertEquals(2, turnsOf(b), "each message handled once");
    }

    @Test
    void whatAUserWroteWhileNoInstanceHeldTheGatewayIsAnsweredByTheNextHolder() throws Exception {
        a = new Instance();
        fake.directMessage(USER, "hello");
        long dm = fake.dmChannelId(USER);
        fake.awaitSent(s -> s.channelId() == dm, WAIT);
        fake.awaitCondition(() -> a.bot.store.surfaceState(DiscordUsers.SEEN_MARKS, DiscordUsers.SeenMarks.class)
                .map(m -> !m.marks().isEmpty()).orElse(false), WAIT, "the newest message seen is stored");
        a.gateway.release();
        assertFalse(a.bot.outbox.sends(DiscordKeys.CHANNEL), "no gateway anywhere");
        int sentBefore = fake.sent().size();
        fake.lostMessage(dm, USER, "/help"); // Discord keeps it in the channel; no session hears of it

        b = new Instance();
        assertTrue(b.gateway.held());
        fake.awaitCondition(() -> fake.sent().stream().skip(sentBefore).anyMatch(s -> s.channelId() == dm), WAIT,
                "the new holder read the message back and answered it");
        fake.awaitCondition(() -> turnsOf(b) == 2, WAIT, "the missed message's turn committed");
        assertEquals(2, turnsOf(b), "the first message was not taken again");
    }
}
