package supportbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.desk.Agent;
import supportbot.desk.AgentAssist;
import supportbot.desk.AgentDirectory;
import supportbot.desk.AgentLoad;
import supportbot.desk.AnswerFinder;
import supportbot.desk.ContactHistory;
import supportbot.desk.DeskException;
import supportbot.desk.DeskService;
import supportbot.desk.SavedReplies;
import supportbot.desk.SavedReply;
import supportbot.desk.SavedReplyText;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketStatus;
import supportbot.search.TicketQuery;
import supportbot.search.TicketSearch;
import supportbot.store.Store;

/** The desk's tools: saved replies, agent assist, the contact panel, search and the assignee picker. */
final class DeskToolsApi {
    private final DeskService desk;
    private final AgentDirectory agents;
    private final Store store;
    private final SavedReplies replies;
    private final AnswerFinder answers;
    private final TicketSearch search;
    private final ZoneId zone;
    private final TicketLabels labels;
    private final supportbot.desk.ContactLinking linking;

    DeskToolsApi(DeskService desk, AgentDirectory agents, Store store, SavedReplies replies, AnswerFinder answers,
                 TicketSearch search, ZoneId zone, TicketLabels labels, supportbot.desk.ContactLinking linking) {
        this.linking = linking;
        this.labels = labels;
        this.desk = desk;
        this.agents = agents;
        this.store = store;
        this.replies = replies;
        this.answers = answers;
        this.search = search;
        this.zone = zone;
    }

    record Reply(String name, String title, String text, String source, Map<String, String> titles,
                 Map<String, String> texts) {
    }

    record ReplyList(List<Reply> replies) {
    }

    record AuditList(List<SavedReplies.Change> audit) {
    }

    /** Every saved reply; with {@code ?ticket=}, each filled in for that ticket in its user's language. */
    void savedReplies(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        String ticketParam = ctx.queryParam("ticket");
        Optional<Ticket> ticket = ticketParam == null ? Optional.empty() : Optional.of(desk.get(agent, number(ticketParam)));
        String lang = ticket.map(t -> t.draft().lang().code()).orElse("en");
        ctx.json(new ReplyList(replies.all().stream().map(r -> new Reply(r.name(), r.titleIn(lang),
                ticket.map(t -> SavedReplyText.render(r, t)).orElse(r.textIn(lang)), r.source(), r.titles(), r.texts()))
                .toList()));
    }

    /** {@code POST /api/desk/saved-replies}: creates or replaces one (supervisors; the route role checks). */
    void saveReply(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, "{\"name\":\"…\",\"title\":{\"en\":\"…\",\"zh\":\"…\"},\"text\":{\"en\":\"…\",\"zh\":\"…\"}}");
        String name = DeskApi.field(body, "name");
        var saved = replies.save(AccessCheck.agent(ctx), new SavedReply(name.strip(), languages(body, "title"),
                languages(body, "text"), "desk"));
        ctx.status(201).json(new Reply(saved.name(), saved.titleIn("en"), saved.textIn("en"), saved.source(), saved.titles(),
                saved.texts()));
    }

    void deleteReply(Context ctx) {
        replies.delete(AccessCheck.agent(ctx), ctx.pathParam("name"));
        ctx.status(204);
    }

    void replyAudit(Context ctx) {
        ctx.json(new AuditList(replies.audit()));
    }

    private static Map<String, String> languages(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isObject()) {
            throw new DeskException(400, "\"" + field + "\" must be an object with \"en\" and \"zh\" strings");
        }
        var out = new LinkedHashMap<String, String>();
        var it = v.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new DeskException(400, "\"" + field + "." + e.getKey() + "\" must be a string");
            }
            out.put(e.getKey(), e.getValue().asText().strip());
        }
        return out;
    }

    // ---- agent assist and the contact panel

    record Suggestions(List<AnswerFinder.Answer> answers) {
    }

    void assist(Context ctx) {
        Ticket t = desk.get(AccessCheck.agent(ctx), number(ctx.pathParam("id")));
        List<String> userLines = store.transcript(t.draft().conversationKey(), 0).stream()
                .filter(l -> "user".equals(l.from())).map(l -> l.text()).toList();
        ctx.json(new Suggestions(AgentAssist.suggest(t, userLines, answers)));
    }

    /**
     * @param categoryName per language code, as the queue shows it: agents read names, not ids
     * @param channel      the platform the ticket came from: with linked contacts they differ
     * @param contact      the id of the contact who opened it (only their own tickets can be merged)
     */
    record Earlier(long id, String status, String category, Map<String, String> categoryName, String openedAt,
                   Integer rating, String assignee, List<String> labels, String channel, String contact) {
        static Earlier of(Ticket t, TicketLabels names) {
            return new Earlier(t.number(), t.status().label(), t.draft().categoryId(),
                    names.categoryNames(t.draft().categoryId()), t.openedAt().toString(),
                    t.rating() == null ? null : t.rating().stars(), t.assignee(), List.copyOf(t.labels()), t.draft().channel(),
                    ContactHistory.idOf(ContactHistory.contactOf(t)));
        }
    }

    /**
     * One contact of the person: name, username and platformId are null when unknown (web chat) or erased.
     *
     * @param id       the handle for linking and unlinking; not a platform id
     * @param linkedBy "user", an agent's name, or null when nothing is linked
     */
    record LinkedView(String id, String channel, String lang, String zone, String name, String username, String platformId,
                      boolean current, String linkedBy, String linkedAt, int ticketCount) {
        static LinkedView of(ContactHistory.Linked l) {
            return new LinkedView(l.id(), l.channel(), l.lang(), l.zone(), l.who() == null ? null : l.who().name(),
                    l.who() == null ? null : l.who().username(), l.who() == null ? null : l.who().platformId(), l.current(),
                    l.linkedBy(), l.linkedAt() == null ? null : l.linkedAt().toString(), l.ticketCount());
        }
    }

    /**
     * The ticket's user and the person behind them. The top-level fields are this ticket's contact (as before
     * linking existed); {@code tickets} spans every linked contact; {@code contacts} lists them all, this one first.
     */
    record Contact(String channel, String lang, String zone, int ticketCount, Double averageRating, List<Earlier> tickets,
                   String name, String username, String platformId, List<LinkedView> contacts) {
    }

    void contact(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        Ticket t = desk.get(agent, number(ctx.pathParam("id")));
        ctx.json(contactView(ContactHistory.of(store, agent, t)));
    }

    private Contact contactView(ContactHistory.Contact c) {
        var rated = c.tickets().stream().filter(x -> x.rating() != null).mapToInt(x -> x.rating().stars()).summaryStatistics();
        return new Contact(c.channel(), c.lang(), c.zone(), c.tickets().size(),
                rated.getCount() == 0 ? null : Math.round(rated.getAverage() * 10) / 10.0,
                c.tickets().stream().map(x -> Earlier.of(x, labels)).toList(),
                c.who() == null ? null : c.who().name(), c.who() == null ? null : c.who().username(),
                c.who() == null ? null : c.who().platformId(), c.linked().stream().map(LinkedView::of).toList());
    }

    record CandidateView(String id, String channel, String name, String username, String platformId, long latestTicket,
                         int ticketCount, boolean linked) {
    }

    record CandidateList(String q, List<CandidateView> contacts) {
    }

    /** {@code GET /api/desk/contacts?q=…&ticket=N}: contacts to link, by name, @username, platform id or ticket number. */
    void searchContacts(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        String ticket = blankToNull(ctx.queryParam("ticket"));
        var found = linking.search(agent, ctx.queryParam("q"), ticket == null ? null : number(ticket));
        ctx.json(new CandidateList(ctx.queryParam("q"), found.stream().map(c -> new CandidateView(c.id(), c.channel(),
                c.who() == null ? null : c.who().name(), c.who() == null ? null : c.who().username(),
                c.who() == null ? null : c.who().platformId(), c.latestTicket(), c.ticketCount(), c.linked())).toList()));
    }

    /** {@code POST /api/desk/tickets/{id}/contact/links} with {"contact": id}: 201 and the panel as it is now. */
    void link(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        long n = number(ctx.pathParam("id"));
        JsonNode body = JsonBodies.object(ctx, "{\"contact\":\"<id from GET /api/desk/contacts>\"}");
        String contact = DeskApi.field(body, "contact").strip();
        if (contact.isEmpty()) {
            throw new DeskException(400, "\"contact\" must be a contact id from GET /api/desk/contacts");
        }
        ctx.status(201).json(contactView(linking.link(agent, n, contact)));
    }

    /** {@code DELETE /api/desk/tickets/{id}/contact/links/{contact}}: the panel as it is now. */
    void unlink(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        ctx.json(contactView(linking.unlink(agent, number(ctx.pathParam("id")), ctx.pathParam("contact"))));
    }

    // ---- search and the assignee picker

    record Found(@com.fasterxml.jackson.annotation.JsonUnwrapped DeskJson.Summary summary, double score) {
    }

    record SearchResult(String q, int count, List<Found> tickets) {
    }

    void search(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 200) {
            throw new DeskException(400, "'q' is too long (max 200 characters)");
        }
        String status = blankToNull(ctx.queryParam("status"));
        Optional<TicketStatus> s = Optional.empty();
        if (status != null) {
            s = TicketStatus.parse(status);
            if (s.isEmpty()) {
                throw new DeskException(400, "unknown status '" + status + "' (queued, assigned, waiting-user, resolved, closed)");
            }
        }
        String agentName = blankToNull(ctx.queryParam("agent"));
        if (agentName != null && agents.byName(agentName).isEmpty()) {
            throw new DeskException(400, "no agent named '" + agentName + "'");
        }
        Instant from = day(ctx, "from", 0);
        Instant to = day(ctx, "to", 1);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new DeskException(400, "'from' must be on or before 'to'");
        }
        var query = new TicketQuery(q, s, blankToNull(ctx.queryParam("category")), agentName, from, to,
                blankToNull(ctx.queryParam("label")));
        var hits = search.search(agent, query);
        ctx.json(new SearchResult(query.text(), hits.size(), hits.stream()
                .map(h -> new Found(DeskJson.Summary.of(h.ticket(), labels), h.score())).toList()));
    }

    record AgentList(List<AgentLoad.Load> agents) {
    }

    void agentLoads(Context ctx) {
        ctx.json(new AgentList(AgentLoad.of(store, agents)));
    }

    /** A calendar day in the desk's zone; {@code plusDays} 1 makes "to" include the whole day. */
    private Instant day(Context ctx, String name, int plusDays) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new DeskException(400, "'" + name + "' must be a date like 2026-12-04");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DeskException(404, "no ticket '" + id + "'");
        }
    }
}
