import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import supportbot.channel.discord.DiscordConnector;
import supportbot.channel.discord.DiscordKeys;
import supportbot.channel.discord.DiscordSettings;
import supportbot.channel.discord.FakeDiscord;
import supportbot.channel.telegram.FakeBotApi;
import supportbot.channel.telegram.TelegramConnector;
import supportbot.channel.telegram.TelegramKeys;
import supportbot.channel.telegram.TelegramSettings;
import supportbot.cli.BotAssembly;
import supportbot.cluster.Leadership;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.AdvisoryLeadership;
import supportbot.store.postgres.TestSchema;

/**
 * Failover time of the elected roles: two bot instances on one PostgreSQL schema (in one JVM, each with its own
 * pool and election session), the role holder's election session killed with pg_terminate_backend. Per trial it
 * records when the other instance holds the role (the Telegram poller started, the Discord gateway READY) and, for
 * Discord, when a message sent at the kill is answered; percentiles over the trials, beside Telegram's calm reply
 * time. (A Telegram message sent at the kill would be taken by the old poller's long poll still in flight.)
 *
 * <p>Usage: java -cp target/support-bot.jar:target/test-classes bench/FailoverBench.java [trials] [checkMillis]
 */
public class FailoverBench {
    private static final String TG_TOKEN = "123456:TEST-token-for-the-fake-bot-api";
    private static final String DC_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-token-for-tests";
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        checkMillis = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("failover-bench");
        var faq = new FaqService(Path.of("faq-data"), null, new ConfigLoader().defaults().searchSettings().withSemantic(false),
                FaqIndexer.Progress.SILENT);
        var telegram = telegram(dir, faq, trials, checkMillis);
        var discord = discord(dir, faq, trials, checkMillis);
        System.out.printf(Locale.ROOT, "{\"trials\":%d,\"electionCheckMillis\":%d,\"telegram\":%s,\"discord\":%s}%n",
                trials, checkMillis, telegram, discord);
        System.exit(0);
    }

    private static String yaml(Path home, TestSchema schema, int checkMillis, String extra) {
        return """
                data:
                  dir: %s
                faq:
                  semantic: false
                  watch: false
                safety:
                  floodMessages: 100000
                store:
                  kind: postgres
                  url: "%s"
                  poolSize: 3
                  electionCheckMillis: %d
                %s
                """.formatted(home.resolve("data"), schema.url(), checkMillis, extra);
    }

    // ---------------------------------------------------------------------------------------------- Telegram

    private record TelegramInstance(String name, BotAssembly bot, TelegramConnector connector) {
    }

    private static String telegram(Path dir, FaqService faq, int trials, int checkMillis) throws Exception {
        try (var schema = TestSchema.make("failover_tg"); var fake = FakeBotApi.start(TG_TOKEN)) {
            var instances = new ArrayList<TelegramInstance>();
            for (int i = 0; i < 2; i++) {
                String name = "tg-" + i + "-" + UUID.randomUUID();
                Path home = Files.createDirectories(dir.resolve(name));
                Path file = home.resolve("application.yaml");
                Files.writeString(file, yaml(home, schema, checkMillis, """
                        telegram:
                          enabled: "on"
                          apiUrl: %s
                          pollTimeoutSeconds: 10
                        """.formatted(fake.baseUrl())));
                var config = new ConfigLoader().load(file);
                var bot = new BotAssembly(config, faq, Set.of(TelegramKeys.CHANNEL), null, name);
                var connector = TelegramConnector.connect(TelegramSettings.from(config.telegram(),
                        Map.of(TelegramSettings.TOKEN_ENV, TG_TOKEN)).orElseThrow(), bot.connectorParts());
                bot.outbox.start();
                connector.start(bot.leadership);
                instances.add(new TelegramInstance(name, bot, connector));
            }
            var calm = new ArrayList<Long>();
            var takeover = new ArrayList<Long>();
            long user = 50_000;
            for (int t = 0; t < trials; t++) {
                user++;
                long start = System.nanoTime();
                long calmUser = user;
                fake.userText(calmUser, "hello");
                fake.awaitSent(s -> s.chatId() == calmUser, WAIT);
                calm.add(System.nanoTime() - start);

                var holder = instances.stream().filter(i -> i.connector().holdsPollerRole()).findFirst().orElseThrow();
                var other = instances.stream().filter(i -> i != holder).findFirst().orElseThrow();
                start = System.nanoTime();
                if (TestSchema.terminate(AdvisoryLeadership.sessionName(holder.name())) != 1) {
                    throw new IllegalStateException("no election session of " + holder.name());
                }
                // Not a message sent now: the old poller's long poll still in flight would take it and hide the gap.
                fake.awaitCondition(() -> other.connector().holdsPollerRole(), WAIT, "the other instance polls");
                takeover.add(System.nanoTime() - start);
                fake.awaitCondition(() -> !holder.connector().holdsPollerRole(), WAIT, "the old poller stopped");
                // The next trial starts with both instances in the race again.
                awaitElectionSessions(instances.stream().map(TelegramInstance::name).toList());
            }
            for (var i : instances) {
                i.connector().close();
                i.bot().close();
            }
            return "{\"calmReplyMs\":" + percentiles(calm) + ",\"pollerTakeoverMs\":" + percentiles(takeover) + "}";
        }
    }

    // ---------------------------------------------------------------------------------------------- Discord

    private record DiscordInstance(String name, BotAssembly bot, Leadership.Role gateway) {
    }

    private static String discord(Path dir, FaqService faq, int trials, int checkMillis) throws Exception {
        try (var schema = TestSchema.make("failover_dc"); var fake = FakeDiscord.start()) {
            var instances = new ArrayList<DiscordInstance>();
            for (int i = 0; i < 2; i++) {
                String name = "dc-" + i + "-" + UUID.randomUUID();
                Path home = Files.createDirectories(dir.resolve(name));
                Path file = home.resolve("application.yaml");
                Files.writeString(file, yaml(home, schema, checkMillis, """
                        discord:
                          enabled: "on"
                          guildId: %d
                          supportChannelId: %d
                          staffChannelId: %d
                          agentRoleId: %d
                          supervisorRoleId: %d
                        """.formatted(FakeDiscord.GUILD_ID, FakeDiscord.SUPPORT_CHANNEL_ID, FakeDiscord.STAFF_CHANNEL_ID,
                        FakeDiscord.AGENT_ROLE_ID, FakeDiscord.SUPERVISOR_ROLE_ID)));
                var config = new ConfigLoader().load(file);
                var bot = new BotAssembly(config, faq, Set.of(DiscordKeys.CHANNEL), null, name);
                var settings = DiscordSettings.from(config.discord(), Map.of(DiscordSettings.TOKEN_ENV, DC_TOKEN)).orElseThrow();
                var role = bot.leadership.hold(DiscordConnector.GATEWAY_ROLE,
                        lease -> DiscordConnector.connect(settings, bot.connectorParts(), fake::configure));
                bot.outbox.start();
                instances.add(new DiscordInstance(name, bot, role));
            }
            var takeover = new ArrayList<Long>();
            var answered = new ArrayList<Long>();
            long userId = FakeDiscord.CUSTOMER_ID;
            fake.directMessage(userId, "hello");
            long dm = fake.dmChannelId(userId);
            fake.awaitSent(s -> s.channelId() == dm, WAIT);
            for (int t = 0; t < trials; t++) {
                var holder = instances.stream().filter(i -> i.gateway().held()).findFirst().orElseThrow();
                var other = instances.stream().filter(i -> i != holder).findFirst().orElseThrow();
                int sentBefore = fake.sent().size();
                long start = System.nanoTime();
                if (TestSchema.terminate(AdvisoryLeadership.sessionName(holder.name())) != 1) {
                    throw new IllegalStateException("no election session of " + holder.name());
                }
                fake.directMessage(userId, "hello " + t);
                fake.awaitCondition(() -> other.gateway().held(), WAIT, "the other instance connected");
                takeover.add(System.nanoTime() - start);
                fake.awaitCondition(() -> fake.sent().stream().skip(sentBefore).anyMatch(s -> s.channelId() == dm), WAIT,
                        "the message after the kill answered");
                answered.add(System.nanoTime() - start);
                awaitElectionSessions(instances.stream().map(DiscordInstance::name).toList());
            }
            for (var i : instances) {
                i.gateway().release();
                i.bot().close();
            }
            return "{\"gatewayTakeoverMs\":" + percentiles(takeover) + ",\"replyAfterKillMs\":" + percentiles(answered) + "}";
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** The instance whose election session holds an advisory lock now. */
    private static String holderAmong(List<String> names) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var s = Backends.settings(null);
            try (var c = DriverManager.getConnection(s.url(), s.user(), s.password()); var st = c.prepareStatement(
                    "select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                            + "where l.locktype = 'advisory' and l.granted")) {
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        for (String n : names) {
                            if (AdvisoryLeadership.sessionName(n).equals(rs.getString(1))) {
                                return n;
                            }
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("nobody holds the role");
    }

    /**
     * Waits until every instance has its election session again (the deposed one reconnects) and has sat out the
     * three intervals a deposed instance lets the others go first, so each trial starts from two ready instances.
     */
    private static void awaitElectionSessions(List<String> names) throws Exception {
        awaitSessions(names);
        Thread.sleep(3L * checkMillis + 200);
    }

    private static int checkMillis;

    private static void awaitSessions(List<String> names) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        var s = Backends.settings(null);
        while (System.nanoTime() < deadline) {
            int found = 0;
            try (var c = DriverManager.getConnection(s.url(), s.user(), s.password());
                 var st = c.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
                for (String n : names) {
                    st.setString(1, AdvisoryLeadership.sessionName(n));
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        found += rs.getInt(1) > 0 ? 1 : 0;
                    }
                }
            }
            if (found == names.size()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("an instance did not reconnect its election session");
    }

    private static String percentiles(List<Long> nanos) {
        var ms = new ArrayList<Long>();
        nanos.forEach(n -> ms.add(n / 1_000_000));
        Collections.sort(ms);
        return "{\"p50\":" + at(ms, 0.5) + ",\"p90\":" + at(ms, 0.9) + ",\"max\":" + ms.get(ms.size() - 1)
                + ",\"all\":" + ms + "}";
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
