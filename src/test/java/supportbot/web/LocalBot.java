package supportbot.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import supportbot.channel.ConversationSignals;
import supportbot.channel.Inbox;
import supportbot.channel.webchat.WebChat;
import supportbot.config.ConfigLoader;
import supportbot.desk.Agent;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskService;
import supportbot.desk.Role;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** The whole bot behind its HTTP server on 127.0.0.1 (random port), with a small FAQ and a fixed clock. */
final class LocalBot implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ALICE = "alice-token-0001";
    static final String BOB = "bob-token-0002";
    static final String SUE = "sue-supervisor-token-0003";

    final Store store;
    final Javalin server;
    final GroupCommitter committer;
    final DeskService desk;
    private final Inbox inbox;

    LocalBot(Path dir) throws IOException {
        this(dir, List.of());
    }

    /** @param moreAgents besides alice, bob and sue */
    LocalBot(Path dir, List<Agent> moreAgents) throws IOException {
        this(dir, moreAgents, WebSettings.defaults(), supportbot.safety.InboundGuard.Settings.defaults(), System::nanoTime);
    }

    LocalBot(Path dir, WebSettings web, supportbot.safety.InboundGuard.Settings flood,
             java.util.function.LongSupplier nanoTime) throws IOException {
        this(dir, List.of(), web, flood, nanoTime);
    }

    /** @param nanoTime the flood limit's clock, so tests decide when a user has slowed down */
    LocalBot(Path dir, List<Agent> moreAgents, WebSettings web, supportbot.safety.InboundGuard.Settings flood,
             java.util.function.LongSupplier nanoTime) throws IOException {
        this(dir, moreAgents, web, flood, nanoTime, Store.open(dir.resolve("data")));
    }

    /** Over a store of the caller's (one PostgreSQL schema shared by two bots is two instances); closing closes it. */
    LocalBot(Path dir, Store store) throws IOException {
        this(dir, List.of(), WebSettings.defaults(), supportbot.safety.InboundGuard.Settings.defaults(), System::nanoTime,
                store);
    }

    private LocalBot(Path dir, List<Agent> moreAgents, WebSettings web, supportbot.safety.InboundGuard.Settings flood,
                     java.util.function.LongSupplier nanoTime, Store store) throws IOException {
        Files.writeString(dir.resolve("faq.jsonl"), """
                {"id":"pin","question":"How do I reset my PIN code?","answer":"Settings, Security, Reset PIN."}
                {"id":"fees","question":"为什么手续费这么高","answer":"手续费由网络收取。"}
                """);
        var settings = new ConfigLoader().defaults().searchSettings().withSemantic(false);
        var faq = new FaqService(dir.resolve("faq.jsonl"), null, settings, FaqIndexer.Progress.SILENT);
        Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        this.store = store;
        committer = new GroupCommitter(store);
        var all = new java.util.ArrayList<>(List.of(
                new Agent("alice", Role.AGENT, AgentDirectory.sha256(ALICE)),
                new Agent("bob", Role.AGENT, AgentDirectory.sha256(BOB)),
                new Agent("sue", Role.SUPERVISOR, AgentDirectory.sha256(SUE))));
        all.addAll(moreAgents);
        var agents = new AgentDirectory(all);
        var codes = new supportbot.desk.AgentCodes(agents,
                new supportbot.safety.Signer(supportbot.safety.BotSecret.of(new byte[32])));
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN, codes);
        inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of(),
                new supportbot.safety.InboundGuard(flood, supportbot.safety.Secrets::redact, store::isBanned, nanoTime));
        var signals = new ConversationSignals();
        inbox.onCommitted(signals::signal);
        var chat = new WebChat(store, committer, inbox, signals, dir.resolve("data/attachments"), clock);
        desk = new DeskService(store, committer, inbox, agents, clock, supportbot.desk.SavedReplies.shipped(store, committer, clock));
        var sla = new supportbot.desk.DeskSettingsLoader().load(Path.of("config", "desk.yaml")).sla();
        server = WebServer.start("127.0.0.1", 0, faq, chat, new WebServer.DeskApiParts(desk, agents, store, sla, clock,
                committer, java.time.ZoneId.of("Asia/Shanghai"), EngineHarness.DATA.categories()), List.of(), supportbot.metrics.BotMetrics.none(), web);
    }

    /** One JSON call to the bot's HTTP API as the desk or the widget makes it; {@code token} and {@code body} may be null. */
    HttpResponse<String> call(String method, String path, String token, String body) throws IOException, InterruptedException {
        var req = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop();
        inbox.close();
        committer.close();
        store.close();
    }
}
