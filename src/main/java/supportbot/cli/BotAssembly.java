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
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Wires store, engine, inbox, outbox and the web chat from config: the bot minus its transports. */
final class BotAssembly implements AutoCloseable {
    final Store store;
    final GroupCommitter committer;
    final DialogueEngine engine;
    final Inbox inbox;
    final Outbox outbox;
    final ConversationSignals signals = new ConversationSignals();
    final WebChat webChat;
    final DeskService desk;
    final AgentDirectory agents;
    final DeskSettings deskSettings;
    final DeskQueue queue;
    final DeskScheduler scheduler;

    BotAssembly(AppConfig config, FaqService faq, Set<String> pushChannels) {
        var configuredAgents = config.agents(); // fail on bad desk config before opening the store
        try {
            this.deskSettings = new DeskSettingsLoader().load(config.dialogueDir().resolve("desk.yaml"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        DialogueData data = DialogueData.load(config.dialogueDir());
        data.categories().requireFaqTopics(id -> faq.catalog().get(id).isPresent(),
                config.dialogueDir().resolve("categories.yaml"));
        Lang defaultLang = Lang.parse(config.dialogue().defaultLanguage()).orElseThrow(() -> new ConfigException(
                "dialogue.defaultLanguage: use zh or en, not '" + config.dialogue().defaultLanguage() + "'"));
        Clock clock = Clock.systemUTC();
        this.store = Store.open(config.dataDir());
        this.committer = new GroupCommitter(store);
        this.queue = new DeskQueue(store, deskSettings, clock);
        var tickets = new StoreTickets(store, queue);
        this.engine = new DialogueEngine(data, FaqLookup.of(faq), new DetailParsers(data.details(), clock), tickets, clock,
                defaultLang);
        this.inbox = new Inbox(store, committer, engine, data.messages(), config.dialogue().workers(), pushChannels);
        this.outbox = new Outbox(store, committer);
        inbox.onCommitted(signals::signal);
        inbox.onCommitted(key -> outbox.wake());
        this.webChat = new WebChat(store, committer, inbox, signals, config.dataDir().resolve("attachments"), clock);
        this.agents = new AgentDirectory(configuredAgents);
        this.desk = new DeskService(store, committer, inbox, agents, clock);
        this.scheduler = new DeskScheduler(store, committer, inbox, deskSettings, queue, clock);
        var auto = config.desk().autoAssign();
        if (auto != null && Boolean.TRUE.equals(auto.enabled())) {
            scheduler.autoAssign(new AutoAssigner(configuredAgents, auto.capacity()));
        }
    }

    @Override
    public void close() {
        scheduler.close();
        inbox.close();
        outbox.close();
        committer.close();
        store.close();
    }

}
