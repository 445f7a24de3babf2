package supportbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import supportbot.desk.Agent;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskAction;
import supportbot.desk.DeskException;
import supportbot.desk.DeskService;
import supportbot.desk.SlaPolicy;
import supportbot.desk.SlaStatus;
import supportbot.desk.Ticket;
import supportbot.desk.TicketStatus;
import supportbot.store.Store;

/** The desk HTTP API (fixed: the browser desk and other tools use it). Every request carries an agent's bearer token. */
final class DeskApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeskService desk;
    private final AgentDirectory agents;
    private final Store store;
    private final SlaPolicy sla;
    private final java.time.Clock clock;

    DeskApi(DeskService desk, AgentDirectory agents, Store store, SlaPolicy sla, java.time.Clock clock) {
        this.desk = desk;
        this.agents = agents;
        this.store = store;
        this.sla = sla;
        this.clock = clock;
    }

    void list(Context ctx) {
        Agent agent = authenticate(ctx);
        String status = ctx.queryParam("status");
        Optional<TicketStatus> filter = Optional.empty();
        if (status != null) {
            filter = TicketStatus.parse(status);
            if (filter.isEmpty()) {
                throw new DeskException(400, "unknown status '" + status + "' (queued, assigned, waiting-user, resolved, closed)");
            }
        }
        ctx.json(Map.of("tickets", desk.list(agent, filter).stream().map(DeskApi::summary).toList()));
    }

    void get(Context ctx) {
        Agent agent = authenticate(ctx);
        Ticket t = desk.get(agent, number(ctx));
        Map<String, Object> body = summary(t);
        body.put("details", t.draft().details().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> e.getKey().key(), e -> Map.of("value", e.getValue().value(), "display", e.getValue().display()))));
        body.put("faqTried", t.draft().faqTried());
        body.put("reason", t.draft().reason());
        body.put("events", t.events());
        body.put("transcript", store.transcript(t.draft().conversationKey(), 0));
        SlaStatus due = sla.evaluate(t, clock.instant());
        var slaBody = new LinkedHashMap<String, Object>();
        slaBody.put("firstResponseDue", due.firstResponseDue());
        slaBody.put("nextResponseDue", due.nextResponseDue());
        slaBody.put("resolutionDue", due.resolutionDue());
        slaBody.put("breached", due.breaches().stream().map(b -> b.name().toLowerCase(java.util.Locale.ROOT)).toList());
        body.put("sla", slaBody);
        ctx.json(body);
    }

    /** {@code POST /api/desk/tickets/{id}/<action>}: the action's name is the last path segment. */
    void act(Context ctx, Function<JsonNode, DeskAction> action) {
        Agent agent = authenticate(ctx);
        long number = number(ctx);
        JsonNode body = body(ctx);
        ctx.json(summary(desk.act(agent, number, action.apply(body))));
    }

    static String field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isTextual()) {
            throw new DeskException(400, "body must be JSON with a string field \"" + name + "\"");
        }
        return v.asText();
    }

    private Agent authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        return agents.byToken(token).orElseThrow(() -> new DeskException(401,
                "missing or unknown agent token: send 'Authorization: Bearer <token>'"));
    }

    private static long number(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new DeskException(404, "no ticket '" + ctx.pathParam("id") + "'");
        }
    }

    private static JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (!node.isObject()) {
                throw new DeskException(400, "body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DeskException(400, "body must be JSON");
        }
    }

    private static Map<String, Object> summary(Ticket t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", t.number());
        m.put("status", t.status().label());
        m.put("tier", t.tier().name().toLowerCase(java.util.Locale.ROOT));
        m.put("assignee", t.assignee());
        m.put("category", t.draft().categoryId());
        m.put("priority", t.draft().priority());
        m.put("urgent", t.draft().urgent());
        m.put("lang", t.draft().lang().code());
        m.put("channel", t.draft().channel());
        m.put("openedAt", t.openedAt().toString());
        m.put("rating", t.rating() == null ? null : t.rating().stars());
        m.put("alert", t.rating() != null && t.rating().bad());
        return m;
    }
}
