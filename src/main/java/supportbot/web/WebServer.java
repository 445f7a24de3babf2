package supportbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.webchat.WebChat;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskAction;
import supportbot.desk.DeskException;
import supportbot.desk.DeskService;
import supportbot.desk.DeskStats;
import supportbot.desk.SlaPolicy;
import supportbot.faq.FaqService;
import supportbot.store.Store;

/** The embedded HTTP server. Thin: routes read like a table and every rule lives elsewhere. */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    public static Javalin start(String host, int port, FaqService faq, WebChat chat, DeskApiParts desk) {
        return start(host, port, faq, chat, desk, java.util.List.of());
    }

    /** A POST route a connector serves on this server (a webhook). */
    public record PostRoute(String path, io.javalin.http.Handler handler) {
    }

    public static Javalin start(String host, int port, FaqService faq, WebChat chat, DeskApiParts desk,
                                java.util.List<PostRoute> extra) {
        return start(host, port, faq, chat, desk, extra, supportbot.metrics.BotMetrics.none());
    }

    /** @param botMetrics the registry the bot's components count into; /metrics shows it with the desk gauges */
    public static Javalin start(String host, int port, FaqService faq, WebChat chat, DeskApiParts desk,
                                java.util.List<PostRoute> extra, supportbot.metrics.BotMetrics botMetrics) {
        var faqApi = new FaqApi(faq);
        var chatApi = new WebChatApi(chat);
        var changes = new DeskChanges();
        desk.committer().onCommit(changes::bump);
        var deskApi = new DeskApi(desk.service(), desk.agents(), desk.store(), desk.sla(), desk.clock(),
                new DeskSessions(desk.clock()), changes, desk.zone());
        var stats = new CachedStats(() -> DeskStats.of(desk.store()), java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(15));
        desk.committer().onCommit(stats::storeChanged);
        var metrics = new Metrics(botMetrics.registry(), stats);
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), false));
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = WebChat.MAX_ATTACHMENT_BYTES + 64 * 1024;
            cfg.routes.get("/api/faq/search", faqApi::search);
            cfg.routes.post("/api/chat/sessions", chatApi::createSession);
            cfg.routes.post("/api/chat/sessions/{id}/messages", chatApi::postMessage);
            cfg.routes.post("/api/chat/sessions/{id}/attachments", chatApi::postAttachment);
            cfg.routes.get("/api/chat/sessions/{id}/messages", chatApi::getMessages);
            cfg.routes.get("/api/chat/sessions/{id}/export", chatApi::export);
            cfg.routes.post("/api/desk/session", deskApi::signIn);
            cfg.routes.get("/api/desk/session", deskApi::session);
            cfg.routes.delete("/api/desk/session", deskApi::signOut);
            cfg.routes.get("/api/desk/changes", deskApi::changes);
            cfg.routes.get("/api/desk/dashboard", deskApi::dashboard);
            cfg.routes.get("/api/desk/export.csv", deskApi::exportCsv);
            cfg.routes.get("/api/desk/tickets/{id}/files/{seq}/{index}", deskApi::file);
            cfg.routes.get("/desk", ctx -> ctx.redirect("/desk/index.html"));
            cfg.routes.get("/desk/", ctx -> ctx.redirect("/desk/index.html"));
            cfg.routes.get("/api/desk/tickets", deskApi::list);
            cfg.routes.get("/api/desk/tickets/{id}", deskApi::get);
            cfg.routes.post("/api/desk/tickets/{id}/claim", ctx -> deskApi.act(ctx, b -> new DeskAction.Claim()));
            cfg.routes.post("/api/desk/tickets/{id}/resolve", ctx -> deskApi.act(ctx, b -> new DeskAction.Resolve()));
            cfg.routes.post("/api/desk/tickets/{id}/reopen", ctx -> deskApi.act(ctx, b -> new DeskAction.Reopen()));
            cfg.routes.post("/api/desk/tickets/{id}/reply", ctx -> deskApi.act(ctx, b -> new DeskAction.Reply(DeskApi.field(b, "text"))));
            cfg.routes.post("/api/desk/tickets/{id}/note", ctx -> deskApi.act(ctx, b -> new DeskAction.Note(DeskApi.field(b, "text"))));
            cfg.routes.post("/api/desk/tickets/{id}/transfer", ctx -> deskApi.act(ctx, b -> new DeskAction.Transfer(DeskApi.field(b, "agent"))));
            cfg.routes.post("/api/desk/tickets/{id}/escalate", ctx -> deskApi.act(ctx, b -> new DeskAction.Escalate(DeskApi.field(b, "reason"))));
            cfg.routes.post("/api/desk/tickets/{id}/ban", ctx -> deskApi.act(ctx, b -> new DeskAction.Ban(DeskApi.field(b, "reason"))));
            cfg.routes.post("/api/desk/tickets/{id}/unban", ctx -> deskApi.act(ctx, b -> new DeskAction.Unban()));
            cfg.routes.post("/api/desk/tickets/{id}/ask", ctx -> deskApi.act(ctx, b -> new DeskAction.Ask(DeskApi.field(b, "detail"))));
            cfg.routes.exception(DeskException.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
            extra.forEach(r -> cfg.routes.post(r.path(), r.handler()));
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "faqTopics", faq.catalog().size(),
                    "embeddings", faq.embeddings().label(), "search", faq.searcher().index().semantic() ? "hybrid" : "bm25")));
            cfg.routes.exception(Exception.class, WebServer::internalError);
            cfg.routes.error(404, "application/json", ctx -> {
                if (ctx.result() == null) {
                    ctx.json(Map.of("error", "not found: " + ctx.path()));
                }
            });
        }).start(host, port);
    }

    /** What the desk routes need. */
    /** @param zone the desk's time zone: dashboard days are its calendar days */
    public record DeskApiParts(DeskService service, AgentDirectory agents, Store store, SlaPolicy sla, java.time.Clock clock,
                               supportbot.store.GroupCommitter committer, java.time.ZoneId zone) {
    }

    private static void internalError(Exception e, Context ctx) {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).json(Map.of("error", "internal error; the details are in the server log"));
    }
}
