package supportbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
        return start(host, port, faq, chat, desk, extra, botMetrics, WebSettings.defaults());
    }

    public static Javalin start(String host, int port, FaqService faq, WebChat chat, DeskApiParts desk,
                                java.util.List<PostRoute> extra, supportbot.metrics.BotMetrics botMetrics,
                                WebSettings settings) {
        var faqApi = new FaqApi(faq);
        var chatApi = new WebChatApi(chat, new SessionGate(settings.sessionsPerAddress(), settings.sessionWindow(),
                System::nanoTime));
        var changes = new DeskChanges();
        desk.committer().onCommit(changes::bump);
        var deskSessions = new DeskSessions(desk.store(), desk.committer(), desk.clock());
        var faqAssist = new FaqAssist(faq);
        var ticketLabels = new TicketLabels(desk.categories());
        var deskApi = new DeskApi(desk.service(), desk.agents(), desk.store(), desk.sla(), desk.clock(),
                deskSessions, changes, desk.zone(),
                new supportbot.channel.DeadLetters(desk.store(), desk.committer(), desk.clock()), ticketLabels,
                faqAssist::questions);
        var search = new supportbot.search.TicketSearch(desk.store());
        desk.committer().onCommit(search::storeChanged);
        var tools = new DeskToolsApi(desk.service(), desk.agents(), desk.store(),
                supportbot.desk.SavedReplies.shipped(desk.store(), desk.committer(), desk.clock()), faqAssist, search,
                desk.zone(), ticketLabels, new supportbot.desk.ContactLinking(desk.store(), desk.committer(), desk.clock()));
        var typing = new TypingApi(desk.service(), chat.agentTyping());
        var access = new AccessCheck(desk.agents(), deskSessions, settings.metricsToken());
        var stats = new CachedStats(() -> DeskStats.of(desk.store()), java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(15));
        desk.committer().onCommit(stats::storeChanged);
        var metrics = new Metrics(botMetrics.registry(), stats);
        Access agent = Access.AGENT;
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), false));
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = WebChat.MAX_ATTACHMENT_BYTES + 64 * 1024;
            // Errors Jetty answers before any route runs (URI or headers too long, broken HTTP) are JSON too.
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.routes.beforeMatched(access::check);
            cfg.routes.get("/api/faq/search", faqApi::search);
            cfg.routes.post("/api/chat/sessions", chatApi::createSession);
            cfg.routes.post("/api/chat/sessions/{id}/messages", chatApi::postMessage);
            cfg.routes.post("/api/chat/sessions/{id}/attachments", chatApi::postAttachment);
            cfg.routes.get("/api/chat/sessions/{id}/messages", chatApi::getMessages);
            cfg.routes.get("/api/chat/sessions/{id}/export", chatApi::export);
            cfg.routes.get("/api/chat/sessions/{id}/transcript", chatApi::transcript);
            cfg.routes.get("/api/chat/sessions/{id}/files/{seq}/{index}", chatApi::file);
            cfg.routes.post("/api/desk/session", deskApi::signIn);
            cfg.routes.get("/api/desk/session", deskApi::session);
            cfg.routes.delete("/api/desk/session", deskApi::signOut, agent);
            cfg.routes.get("/api/desk/changes", deskApi::changes, agent);
            cfg.routes.get("/api/desk/dashboard", deskApi::dashboard, Access.SUPERVISOR);
            cfg.routes.get("/api/desk/export.csv", deskApi::exportCsv, Access.SUPERVISOR);
            cfg.routes.get("/api/desk/deadletters", deskApi::deadLetters, Access.SUPERVISOR);
            cfg.routes.post("/api/desk/deadletters/{id}/replay", deskApi::replayDeadLetter, Access.SUPERVISOR);
            cfg.routes.get("/api/desk/tickets/{id}/files/{seq}/{index}", deskApi::file, agent);
            cfg.routes.get("/desk", ctx -> ctx.redirect("/desk/index.html"));
            cfg.routes.get("/desk/", ctx -> ctx.redirect("/desk/index.html"));
            cfg.routes.get("/api/desk/tickets", deskApi::list, agent);
            cfg.routes.get("/api/desk/tickets/{id}", deskApi::get, agent);
            cfg.routes.post("/api/desk/tickets/{id}/claim", ctx -> deskApi.act(ctx, b -> new DeskAction.Claim()), agent);
            cfg.routes.post("/api/desk/tickets/{id}/resolve", ctx -> deskApi.act(ctx, b -> new DeskAction.Resolve()), agent);
            cfg.routes.post("/api/desk/tickets/{id}/reopen", ctx -> deskApi.act(ctx, b -> new DeskAction.Reopen()), agent);
            cfg.routes.post("/api/desk/tickets/{id}/reply", ctx -> deskApi.act(ctx, b -> new DeskAction.Reply(DeskApi.field(b, "text"),
                    JsonBodies.optionalString(b, "faqId", "\"faqId\" must be a string (the FAQ topic an assist answer came from)"))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/label", ctx -> deskApi.act(ctx, b -> new DeskAction.Label(DeskApi.field(b, "label"), true)), agent);
            cfg.routes.post("/api/desk/tickets/{id}/unlabel", ctx -> deskApi.act(ctx, b -> new DeskAction.Label(DeskApi.field(b, "label"), false)), agent);
            cfg.routes.post("/api/desk/tickets/{id}/priority", ctx -> deskApi.act(ctx, b -> new DeskAction.Prioritise(DeskApi.priority(b))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/typing", typing::typing, agent);
            cfg.routes.get("/api/desk/tickets/{id}/assist", tools::assist, agent);
            cfg.routes.get("/api/desk/tickets/{id}/contact", tools::contact, agent);
            cfg.routes.post("/api/desk/tickets/{id}/contact/links", tools::link, agent);
            cfg.routes.delete("/api/desk/tickets/{id}/contact/links/{contact}", tools::unlink, agent);
            cfg.routes.get("/api/desk/contacts", tools::searchContacts, agent);
            cfg.routes.get("/api/desk/search", tools::search, agent);
            cfg.routes.get("/api/desk/categories", deskApi::categories, agent);
            cfg.routes.get("/api/desk/agents", tools::agentLoads, agent);
            cfg.routes.get("/api/desk/saved-replies", tools::savedReplies, agent);
            cfg.routes.post("/api/desk/saved-replies", tools::saveReply, Access.SUPERVISOR);
            cfg.routes.get("/api/desk/saved-replies/audit", tools::replyAudit, Access.SUPERVISOR);
            cfg.routes.delete("/api/desk/saved-replies/{name}", tools::deleteReply, Access.SUPERVISOR);
            cfg.routes.post("/api/desk/tickets/{id}/note", ctx -> deskApi.act(ctx, b -> new DeskAction.Note(DeskApi.field(b, "text"))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/transfer", ctx -> deskApi.act(ctx, b -> new DeskAction.Transfer(DeskApi.field(b, "agent"))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/escalate", ctx -> deskApi.act(ctx, b -> new DeskAction.Escalate(DeskApi.field(b, "reason"))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/ban", ctx -> deskApi.act(ctx, b -> new DeskAction.Ban(DeskApi.field(b, "reason"))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/merge", ctx -> deskApi.act(ctx, b -> new DeskAction.Merge(DeskApi.into(b))), agent);
            cfg.routes.post("/api/desk/tickets/{id}/unban", ctx -> deskApi.act(ctx, b -> new DeskAction.Unban()), agent);
            cfg.routes.post("/api/desk/tickets/{id}/ask", ctx -> deskApi.act(ctx, b -> new DeskAction.Ask(DeskApi.field(b, "detail"))), agent);
            extra.forEach(r -> cfg.routes.post(r.path(), r.handler()));
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()), Access.METRICS);
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "faqTopics", faq.catalog().size(),
                    "embeddings", faq.embeddings().label(), "search", faq.searcher().index().semantic() ? "hybrid" : "bm25")));
            cfg.routes.exception(HttpError.class, (e, ctx) -> WebChatApi.error(ctx, e));
            cfg.routes.exception(DeskException.class, WebServer::refused);
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                    .json(new ApiError(e.getStatus() == 413 ? "body is too large" : e.getMessage())));
            cfg.routes.exception(Exception.class, WebServer::internalError);
            // Every status without a body of its own (unknown route, wrong method, …) gets a JSON one.
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    ctx.json(new ApiError("not found: " + ctx.path().replaceAll("\\p{Cntrl}", "?")));
                }
            });
            cfg.routes.error(405, ctx -> {
                if (ctx.result() == null) {
                    ctx.json(new ApiError("method " + ctx.method() + " is not allowed here"));
                }
            });
        }).start(host, port);
    }

    /** What the desk routes need. */
    /** @param zone the desk's time zone: dashboard days are its calendar days */
    /** @param categories for category names and detail order on the desk; null shows raw ids */
    public record DeskApiParts(DeskService service, AgentDirectory agents, Store store, SlaPolicy sla, java.time.Clock clock,
                               supportbot.store.GroupCommitter committer, java.time.ZoneId zone,
                               supportbot.dialogue.Categories categories) {
        public DeskApiParts(DeskService service, AgentDirectory agents, Store store, SlaPolicy sla, java.time.Clock clock,
                            supportbot.store.GroupCommitter committer, java.time.ZoneId zone) {
            this(service, agents, store, sla, clock, committer, zone, null);
        }
    }

    /** A refusal the caller can act on (a wrong token, a secret in a reply): one WARN line, no stack trace. */
    private static void refused(DeskException e, Context ctx) {
        log.warn("{} {} refused ({}): {}", ctx.method(), ctx.path(), e.status(), e.getMessage());
        ctx.status(e.status()).json(new DeskRefusal(e.getMessage(), e.holder()));
    }

    private static void internalError(Exception e, Context ctx) {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500).json(new ApiError("internal error; the details are in the server log"));
    }
}
