package supportbot.cli;

import java.util.Set;
import supportbot.channel.telegram.TelegramConnector;
import supportbot.channel.telegram.TelegramKeys;
import supportbot.channel.telegram.TelegramSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import supportbot.desk.ConfiguredAgents;
import supportbot.faq.FaqWatcher;
import supportbot.web.WebServer;

@Command(name = "run", description = "Run the bot: web chat on http.host:http.port, FAQ hot reload.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    CommonOptions options = new CommonOptions();

    /** The desk's timed passes (service levels, auto-assignment), retention and chat session expiry: one instance. */
    static final String DESK_TIMERS_ROLE = "desk-timers";

    @Override
    public Integer call() {
        var bootstrap = new FaqBootstrap(options);
        var config = bootstrap.config();
        config.http().check();
        var faq = bootstrap.serviceLexicalFirst(System.out);
        FaqWatcher watcher = null;
        if (config.faq().watch() && java.nio.file.Files.isDirectory(bootstrap.faqLocation())) {
            try {
                watcher = new FaqWatcher(faq, 300).start();
            } catch (java.io.IOException e) {
                log.warn("FAQ hot reload is off: {}", e.getMessage());
            }
        }
        var telegramSettings = TelegramSettings.from(config.telegram(), System.getenv());
        var discordSettings = supportbot.channel.discord.DiscordSettings.from(config.discord(), System.getenv());
        var pushChannels = new java.util.HashSet<String>();
        telegramSettings.ifPresent(s -> pushChannels.add(TelegramKeys.CHANNEL));
        discordSettings.ifPresent(s -> pushChannels.add(supportbot.channel.discord.DiscordKeys.CHANNEL));
        var bot = new BotAssembly(config, faq, pushChannels, bootstrap.intentEmbedder());
        TelegramConnector telegram = telegramSettings.map(s -> TelegramConnector.connect(s, bot.connectorParts())).orElse(null);
        // One gateway session per bot: the instance that holds the role connects; the others take over if it dies,
        // reading back what users wrote since the newest messages its predecessor saw.
        boolean shared = config.storeConfig().checkedKind().equals(supportbot.config.AppConfig.StoreConfig.POSTGRES);
        discordSettings.ifPresent(s -> supportbot.channel.discord.DiscordConnector.keepStaffFeed(s, bot.store));
        var discord = discordSettings.map(s -> bot.leadership.hold(supportbot.channel.discord.DiscordConnector.GATEWAY_ROLE,
                lease -> {
                    var connector = supportbot.channel.discord.DiscordConnector.connect(s, bot.connectorParts(),
                            java.util.function.UnaryOperator.identity());
                    return shared ? connector.takingOver() : connector;
                })).orElse(null);
        bot.outbox.start();
        var sessionExpiry = new supportbot.channel.webchat.SessionExpiry(bot.store, bot.committer,
                new supportbot.channel.webchat.SessionExpiry.Settings(
                        java.time.Duration.ofMinutes(config.http().emptyChatSessionMinutes()),
                        java.time.Duration.ofDays(config.http().idleChatSessionDays())),
                java.time.Clock.systemUTC());
        // Timed passes decide from what they read, so two instances would both escalate the same late ticket.
        var timers = bot.leadership.hold(DESK_TIMERS_ROLE, lease -> {
            bot.scheduler.start(java.time.Duration.ofSeconds(15));
            if (bot.retention != null) {
                bot.retention.start(java.time.Duration.ofHours(6));
            }
            sessionExpiry.start(java.time.Duration.ofMinutes(10));
            return () -> {
                bot.scheduler.close();
                if (bot.retention != null) {
                    bot.retention.close();
                }
                sessionExpiry.close();
            };
        });
        var webhooks = new java.util.ArrayList<WebServer.PostRoute>();
        if (telegram != null && telegram.mode() == TelegramSettings.Mode.WEBHOOK) {
            webhooks.add(new WebServer.PostRoute(telegram.webhookPath(), ctx -> ctx.status(telegram.onWebhook(
                    ctx.header("X-Telegram-Bot-Api-Secret-Token"), ctx.bodyAsBytes()))));
        }
        var server = WebServer.start(config.http().host(), config.http().port(), faq, bot.webChat,
                new WebServer.DeskApiParts(bot.desk, bot.agents, bot.store, bot.deskSettings.sla(), java.time.Clock.systemUTC(),
                        bot.committer, bot.deskSettings.hours().zone(), bot.data.categories()),
                webhooks, bot.metrics, new supportbot.web.WebSettings(config.http().chatSessionsPerAddress(),
                        java.time.Duration.ofMinutes(config.http().chatSessionsWindowMinutes()), System.getenv("METRICS_TOKEN")));
        if (telegram != null) {
            telegram.start(bot.leadership);
        }
        faq.embedInBackground(); // after the web chat is up: start-up and embedding do not share the cores
        log.info("support-bot is up: web chat on http://{}:{}/  ({} FAQ topics, {} desk agents, data in {}, search {})",
                config.http().host(), server.port(), faq.catalog().size(), ConfiguredAgents.of(config).size(), config.dataDir(),
                faq.embeddings() == supportbot.faq.FaqService.Embeddings.BUILDING ? "BM25-only until the embeddings are ready"
                        : faq.embeddings() == supportbot.faq.FaqService.Embeddings.READY ? "hybrid" : "BM25-only");
        var stopped = new CountDownLatch(1);
        FaqWatcher watcherToClose = watcher;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (telegram != null) {
                telegram.close();
            }
            if (discord != null) {
                discord.release();
            }
            server.stop();
            timers.release();
            bot.close();
            if (watcherToClose != null) {
                watcherToClose.close();
            }
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
