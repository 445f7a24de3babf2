package supportbot.cli;

import java.time.Clock;
import java.util.Set;
import supportbot.channel.ConversationSignals;
import supportbot.channel.Inbox;
import supportbot.channel.Outbox;
import supportbot.channel.webchat.WebChat;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;
import supportbot.desk.AgentDirectory;
import supportbot.desk.AutoAssigner;
import supportbot.desk.ConfiguredAgents;
import supportbot.desk.DeskQueue;
import supportbot.desk.DeskScheduler;
import supportbot.desk.StoreTickets;
import supportbot.desk.DeskSettings;
import supportbot.desk.DeskSettingsLoader;
import supportbot.desk.DeskService;
import supportbot.dialogue.DialogueData;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.FaqLookup;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.FaqService;
import supportbot.faq.Lang;
import supportbot.safety.GuardSettings;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Wires store, engine, inbox, outbox and the web chat from config: the bot minus its transports. */
public final class BotAssembly implements AutoCloseable {
    public final Store store;
    /** Who runs what must run once (the Telegram poller, the Discord gateway) among the instances on the store. */
    public final supportbot.cluster.Leadership leadership;
    /** What this instance tells the others on the store, and hears from them. */
    public final supportbot.cluster.Broadcast broadcast;
    public final GroupCommitter committer;
    public final DialogueEngine engine;
    public final Inbox inbox;
    public final Outbox outbox;
    public final ConversationSignals signals = new ConversationSignals();
    public final WebChat webChat;
    public final DeskService desk;
    public final AgentDirectory agents;
    public final DeskSettings deskSettings;
    public final DeskQueue queue;
    public final DeskScheduler scheduler;
    public final DialogueData data;
    public final java.nio.file.Path attachmentsRoot;
    public final supportbot.safety.Signer signer;
    public final supportbot.desk.AgentCodes agentCodes;
    public final supportbot.safety.RetentionSweeper retention;
    public final supportbot.metrics.BotMetrics metrics = new supportbot.metrics.BotMetrics();
    private final supportbot.metrics.ProcessMeters processMeters = new supportbot.metrics.ProcessMeters(metrics.registry());

    public BotAssembly(AppConfig config, FaqService faq, Set<String> pushChannels) {
        this(config, faq, pushChannels, null);
    }

    /** @param intentEmbedder reads intents by their labelled examples too; null for the rules alone */
    public BotAssembly(AppConfig config, FaqService faq, Set<String> pushChannels,
                       supportbot.faq.Embedder intentEmbedder) {
        this(config, faq, pushChannels, intentEmbedder, StoreFactory.instanceName());
    }

    /** @param instance this instance's name among those sharing a database (in its session list and logs) */
    public BotAssembly(AppConfig config, FaqService faq, Set<String> pushChannels,
                       supportbot.faq.Embedder intentEmbedder, String instance) {
        var configuredAgents = ConfiguredAgents.of(config); // fail on bad desk config before opening the store
        try {
            this.deskSettings = new DeskSettingsLoader().load(config.dialogueDir().resolve("desk.yaml"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        DialogueData loaded = DialogueData.load(config.dialogueDir());
        this.data = intentEmbedder == null ? loaded : loaded.withEmbedder(intentEmbedder);
        data.categories().requireFaqTopics(id -> faq.catalog().get(id).isPresent(),
                config.dialogueDir().resolve("categories.yaml"));
        Lang defaultLang = Lang.parse(config.dialogue().defaultLanguage()).orElseThrow(() -> new ConfigException(
                "dialogue.defaultLanguage: use zh or en, not '" + config.dialogue().defaultLanguage() + "'"));
        Clock clock = Clock.systemUTC();
        var shared = StoreFactory.openShared(config, instance);
        this.store = shared.store();
        this.leadership = shared.leadership();
        this.broadcast = shared.broadcast();
        this.signer = new supportbot.safety.Signer(supportbot.safety.BotSecret.load(config.dataDir(), System.getenv()));
        // Conversation ids in the logs are keyed by the bot's secret, so they stay the same across restarts.
        supportbot.logging.LogContext.useKey(signer.sign("log-ids", "key").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.committer = new GroupCommitter(store, metrics);
        this.queue = new DeskQueue(store, deskSettings, clock);
        var tickets = new StoreTickets(store, queue);
        this.agents = new AgentDirectory(configuredAgents);
        this.agentCodes = new supportbot.desk.AgentCodes(agents, signer, config.teamVoice().orElse(null));
        this.engine = new DialogueEngine(data, FaqLookup.measured(FaqLookup.of(faq), metrics), new DetailParsers(data.details(), clock), tickets, clock,
                defaultLang, agentCodes, new supportbot.desk.StoreLinkCodes(store));
        var guard = new supportbot.safety.InboundGuard(GuardSettings.of(config.safety()), supportbot.safety.Secrets::redact,
                store::isBanned, System::nanoTime);
        this.inbox = new Inbox(store, committer, engine, data.messages(), config.dialogue().workerThreads(), pushChannels, guard,
                metrics);
        this.outbox = new Outbox(store, committer, 8, metrics);
        inbox.onCommitted(signals::signal);
        inbox.onCommitted(key -> outbox.wake());
        this.attachmentsRoot = config.dataDir().resolve("attachments");
        inbox.onForgotten(key -> supportbot.channel.AttachmentFiles.deleteAll(attachmentsRoot, key));
        this.webChat = new WebChat(store, committer, inbox, signals, attachmentsRoot, clock);
        // Every instance's commits move this one's long polls, outbox and mirrors; the desk's "agent is typing"
        // reaches Telegram and Discord users through whichever instance can send there.
        supportbot.channel.ClusterChanges.connect(broadcast, inbox, committer, signals, webChat.agentTyping(), outbox);
        this.desk = new DeskService(store, committer, inbox, agents, clock,
                supportbot.desk.SavedReplies.shipped(store, committer, clock));
        this.scheduler = new DeskScheduler(store, committer, inbox, deskSettings, queue, clock);
        int days = config.safety().retentionDays();
        this.retention = days == 0 ? null : new supportbot.safety.RetentionSweeper(store, committer, attachmentsRoot,
                java.time.Duration.ofDays(days), clock);
        var auto = config.desk().autoAssign();
        if (auto != null && Boolean.TRUE.equals(auto.enabled())) {
            scheduler.autoAssign(new AutoAssigner(configuredAgents, auto.capacity()));
        }
    }

    /** What a chat connector needs from the bot. */
    public supportbot.channel.ConnectorParts connectorParts() {
        return new supportbot.channel.ConnectorParts(inbox, outbox, store, committer, desk, agents,
                data.messages(), id -> data.categories().get(id).map(BotAssembly::staffCategoryName).orElse(id), attachmentsRoot,
                Clock.systemUTC(), signer, metrics, new supportbot.channel.SlaVerdict(deskSettings.sla(), Clock.systemUTC()),
                new supportbot.dialogue.CategoryForms(data, new DetailParsers(data.details(), Clock.systemUTC())));
    }

    /** Staff may read either language, so cards carry both names; one when they are the same or one is missing. */
    static String staffCategoryName(supportbot.dialogue.Category c) {
        String en = c.name(Lang.EN), zh = c.name(Lang.ZH);
        if (en == null || en.isBlank()) {
            return zh == null || zh.isBlank() ? c.id() : zh;
        }
        return zh == null || zh.isBlank() || zh.equals(en) ? en : en + " / " + zh;
    }

    @Override
    public void close() {
        leadership.close();
        if (retention != null) {
            retention.close();
        }
        scheduler.close();
        inbox.close();
        outbox.close();
        committer.close();
        broadcast.close();
        store.close();
        processMeters.close();
    }

}
