package supportbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;
import supportbot.desk.Agent;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskAction;
import supportbot.desk.DeskException;
import supportbot.desk.DeskService;
import supportbot.desk.SlaPolicy;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketStatus;
import supportbot.store.Store;

/**
 * The desk HTTP API (fixed: the browser desk and other tools use it). Who may call what is checked before the
 * handlers run ({@link AccessCheck}); they read the agent it found.
 */
final class DeskApi {
    private static final java.util.Set<String> INLINE_TYPES = java.util.Set.of("image/png", "image/jpeg", "image/gif",
            "image/webp", "application/pdf", "text/plain");

    private final DeskService desk;
    private final AgentDirectory agents;
    private final Store store;
    private final SlaPolicy sla;
    private final java.time.Clock clock;
    private final DeskSessions sessions;
    private final DeskChanges changes;
    private final java.time.ZoneId zone;

    private final supportbot.channel.DeadLetters deadLetters;
    private final TicketLabels labels;

    DeskApi(DeskService desk, AgentDirectory agents, Store store, SlaPolicy sla, java.time.Clock clock, DeskSessions sessions,
            DeskChanges changes, java.time.ZoneId zone, supportbot.channel.DeadLetters deadLetters, TicketLabels labels,
            java.util.function.Function<String, java.util.Map<String, String>> faqQuestions) {
        this.faqQuestions = faqQuestions;
        this.deadLetters = deadLetters;
        this.labels = labels;
        this.sessions = sessions;
        this.changes = changes;
        this.zone = zone;
        this.desk = desk;
        this.agents = agents;
        this.store = store;
        this.sla = sla;
        this.clock = clock;
    }

    void list(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        String status = ctx.queryParam("status");
        Optional<TicketStatus> filter = Optional.empty();
        if (status != null) {
            filter = TicketStatus.parse(status);
            if (filter.isEmpty()) {
                throw new DeskException(400, "unknown status '" + status + "' (queued, assigned, waiting-user, resolved, closed)");
            }
        }
        java.time.Instant now = clock.instant();
        ctx.json(new DeskJson.TicketList(desk.list(agent, filter).stream()
                .map(t -> new DeskJson.Listed(DeskJson.Summary.of(t, labels), slaOf(t, now))).toList()));
    }

    void get(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        Ticket t = desk.get(agent, number(ctx));
        ctx.json(new DeskJson.Full(DeskJson.Summary.of(t, labels),
                labels.orderedDetails(t.draft().categoryId(), t.draft().details()),
                t.draft().faqTried(), t.draft().reason(), t.events().stream().map(DeskJson.Event::of).toList(),
                store.transcript(t.draft().conversationKey(), 0).stream().map(DeskJson.Line::of).toList(),
                slaOf(t, clock.instant()), DeskJson.ComplaintView.of(t.complaint()), DeskJson.RatingView.of(t.rating())));
    }

    private DeskJson.Sla slaOf(Ticket t, java.time.Instant now) {
        return DeskJson.Sla.of(sla.evaluate(t, now));
    }

    // ---- browser sessions

    void signIn(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode token = body.get("token");
        Optional<Agent> agent = token != null && token.isTextual() ? agents.byToken(token.asText().strip()) : Optional.empty();
        if (agent.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(DeskApi.class).warn("refused a desk sign-in with a wrong token from {}",
                    ctx.ip());
            throw new DeskException(401, "wrong agent token");
        }
        String id = sessions.open(agent.get().name());
        ctx.header("Set-Cookie", DeskSessions.COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict"
                + (ctx.scheme().equals("https") ? "; Secure" : ""));
        ctx.json(whoami(agent.get(), sessions.find(id).orElseThrow()));
    }

    void session(Context ctx) {
        var s = sessions.find(ctx.cookie(DeskSessions.COOKIE)).orElseThrow(() -> new DeskException(401, "not signed in"));
        Agent agent = agents.byName(s.agent()).orElseThrow(() -> new DeskException(401, "not signed in"));
        ctx.json(whoami(agent, s));
    }

    /** An AGENT route: the access check has also checked the CSRF token. */
    void signOut(Context ctx) {
        sessions.close(ctx.cookie(DeskSessions.COOKIE));
        ctx.header("Set-Cookie", DeskSessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.status(204);
    }

    private static DeskJson.WhoAmI whoami(Agent agent, DeskSessions.Session s) {
        return new DeskJson.WhoAmI(agent.name(), agent.role().name().toLowerCase(java.util.Locale.ROOT), s.csrf());
    }

    // ---- live updates, dashboard, export, files

    void changes(Context ctx) {
        long since;
        try {
            since = Long.parseLong(ctx.queryParamAsClass("since", String.class).getOrDefault("0"));
        } catch (NumberFormatException e) {
            throw new DeskException(400, "'since' must be a whole number");
        }
        ctx.future(() -> changes.after(since, 25).thenAccept(v -> ctx.json(new DeskJson.Version(v))));
    }

    private final java.util.function.Function<String, java.util.Map<String, String>> faqQuestions;

    /** @param faqQuestions the question of each unhelpful FAQ topic per language: supervisors read it, not its id */
    record DashboardView(@com.fasterxml.jackson.annotation.JsonUnwrapped supportbot.desk.DeskDashboard.Dashboard dashboard,
                         java.util.Map<String, java.util.Map<String, String>> faqQuestions) {
    }

    void dashboard(Context ctx) {
        int days;
        try {
            days = Integer.parseInt(ctx.queryParamAsClass("days", String.class).getOrDefault("14"));
        } catch (NumberFormatException e) {
            throw new DeskException(400, "'days' must be a whole number");
        }
        if (days < 1 || days > 90) {
            throw new DeskException(400, "'days' must be 1 to 90");
        }
        var dashboard = supportbot.desk.DeskDashboard.compute(store.tickets(), store.faqVotes(), store.knowledgeGaps(),
                agents.all(), days, zone, clock.instant());
        var questions = new java.util.LinkedHashMap<String, java.util.Map<String, String>>();
        dashboard.unhelpfulFaq().forEach(v -> questions.put(v.faqId(), faqQuestions.apply(v.faqId())));
        ctx.json(new DashboardView(dashboard, questions));
    }

    void categories(Context ctx) {
        ctx.json(java.util.Map.of("categories", labels.allCategories()));
    }

    void exportCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"tickets.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(supportbot.desk.DeskDashboard.csv(store.tickets()));
    }

    /** Updates a connector set aside after they kept failing: for supervisors, who can replay them. */
    void deadLetters(Context ctx) {
        ctx.json(new DeskJson.DeadLetterList(deadLetters.list().stream().map(DeskJson.DeadLetterView::of).toList()));
    }

    /** 202: the channel's connector replays it right after this commit; GET the list to see how it went. */
    void replayDeadLetter(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        try {
            var letter = deadLetters.requestReplay(ctx.pathParam("id"));
            org.slf4j.LoggerFactory.getLogger(DeskApi.class).info("{} asked to replay dead letter {}", agent.name(),
                    letter.id());
            ctx.status(202).json(new DeskJson.Replay(letter.id(), letter.status()));
        } catch (supportbot.channel.DeadLetters.Refused e) {
            throw new DeskException(e.status(), e.getMessage());
        }
    }

    /** A file from the ticket's conversation, for agents who may see the ticket. */
    void file(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        Ticket t = desk.get(agent, number(ctx));
        long seq;
        int index;
        try {
            seq = Long.parseLong(ctx.pathParam("seq"));
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new DeskException(404, "no such file");
        }
        var line = store.transcript(t.draft().conversationKey(), seq - 1).stream().filter(l -> l.seq() == seq).findFirst()
                .orElseThrow(() -> new DeskException(404, "no such file"));
        if (index < 0 || index >= line.attachments().size()) {
            throw new DeskException(404, "no such file");
        }
        var a = line.attachments().get(index);
        java.nio.file.Path p = java.nio.file.Path.of(a.ref());
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw new DeskException(404, "the file is gone (erased or past retention)");
        }
        try {
            ctx.header("Content-Disposition", "inline; filename=\"" + a.fileName().replace("\"", "") + "\"");
            ctx.header("X-Content-Type-Options", "nosniff");
            // A user's file must not run in our origin: no SVG or HTML inline, and a sandbox for what is shown.
            ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
            String type = INLINE_TYPES.contains(a.contentType()) ? a.contentType() : "application/octet-stream";
            ctx.contentType(type).result(supportbot.channel.AttachmentFiles.read(a));
        } catch (java.io.IOException e) {
            throw new DeskException(404, "the file cannot be read");
        }
    }

    /** {@code POST /api/desk/tickets/{id}/<action>}: the action's name is the last path segment. */
    void act(Context ctx, Function<JsonNode, DeskAction> action) {
        Agent agent = AccessCheck.agent(ctx);
        long number = number(ctx);
        JsonNode body = body(ctx);
        ctx.json(DeskJson.Summary.of(desk.act(agent, number, action.apply(body), expectedVersion(body)), labels));
    }

    /** Optional "version": the ticket version the agent acted on; a newer committed one makes it a 409. */
    private static Long expectedVersion(JsonNode body) {
        JsonNode v = body.get("version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new DeskException(400, "\"version\" must be a whole number (the ticket's version as last loaded)");
        }
        return v.asLong();
    }

    static int priority(JsonNode body) {
        JsonNode v = body.get("priority");
        if (v == null || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 4) {
            throw new DeskException(400, "body must be JSON with a whole number \"priority\" from 1 (most urgent) to 4");
        }
        return v.asInt();
    }

    static long into(JsonNode body) {
        JsonNode v = body.get("into");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
            throw new DeskException(400, "body must be JSON with a whole number \"into\": the ticket to keep");
        }
        return v.asLong();
    }

    static String field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isTextual()) {
            throw new DeskException(400, "body must be JSON with a string field \"" + name + "\"");
        }
        return v.asText();
    }


    private static long number(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new DeskException(404, "no ticket '" + ctx.pathParam("id") + "'");
        }
    }

    private static JsonNode body(Context ctx) {
        return JsonBodies.objectOrEmpty(ctx, "a JSON object with the action's fields");
    }

}
