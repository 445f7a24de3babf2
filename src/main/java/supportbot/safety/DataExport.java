package supportbot.safety;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/** Everything kept about one user, as a JSON file they can take away (/export). */
public final class DataExport {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private DataExport() {
    }

    public static byte[] of(Store store, String conversationKey, Instant now) {
        var out = new LinkedHashMap<String, Object>();
        out.put("exportedAt", now);
        out.put("conversation", conversationKey);
        store.conversation(conversationKey).ifPresent(c -> {
            var state = new LinkedHashMap<String, Object>();
            state.put("language", c.lang().code());
            state.put("timeZone", c.zone());
            state.put("detailsInProgress", c.details().values().stream()
                    .map(v -> Map.of("detail", v.type().key(), "value", v.value())).toList());
            out.put("state", state);
        });
        out.put("messages", store.transcript(conversationKey, 0).stream().map(DataExport::line).toList());
        out.put("tickets", store.tickets().stream().filter(t -> conversationKey.equals(t.draft().conversationKey()))
                .map(DataExport::ticket).toList());
        out.put("linkedAccounts", linked(store, conversationKey));
        try {
            return JSON.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a data export", e);
        }
    }

    /**
     * The platforms this user is linked with (/link, or an agent): which and since when, not the other accounts'
     * ids, which a wrong link could make someone else's.
     */
    private static List<Map<String, Object>> linked(Store store, String conversationKey) {
        return store.conversation(conversationKey)
                .flatMap(c -> store.contactLink(supportbot.dialogue.ContactKey.of(c.channel(), c.userId(), conversationKey)))
                .map(own -> store.personContacts(own.person()).stream().filter(l -> !l.contact().equals(own.contact()))
                        .map(l -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("platform", l.channel());
                            m.put("linkedAt", l.linkedAt());
                            m.put("linkedBy", "user".equals(l.linkedBy()) ? "you" : "support");
                            return (Map<String, Object>) m;
                        }).toList())
                .orElse(List.of());
    }

    private static Map<String, Object> line(TranscriptLine l) {
        var m = new LinkedHashMap<String, Object>();
        m.put("time", l.time());
        m.put("from", l.by() != null ? l.by() : l.from());
        m.put("text", l.text());
        if (!l.attachments().isEmpty()) {
            m.put("files", l.attachments().stream().map(a -> a.fileName()).toList());
        }
        return m;
    }

    private static Map<String, Object> ticket(Ticket t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("number", t.number());
        m.put("status", t.status().label());
        m.put("category", t.draft().categoryId());
        m.put("openedAt", t.openedAt());
        m.put("details", t.draft().details().values().stream()
                .map(v -> Map.of("detail", v.type().key(), "value", v.value())).toList());
        // Internal notes are the team's working notes, not the user's data; a "merged-in" copy holds notes too,
        // and the duplicate it came from is exported as itself.
        m.put("history", t.events().stream().filter(e -> e.type() != TicketEvent.Type.NOTE && e.type() != TicketEvent.Type.MERGED_IN)
                .map(e -> {
                    var ev = new LinkedHashMap<String, Object>();
                    ev.put("at", e.at());
                    ev.put("by", e.actor());
                    ev.put("what", e.type().label());
                    if (e.text() != null) {
                        ev.put("text", e.text());
                    }
                    return ev;
                }).toList());
        if (t.rating() != null) {
            m.put("rating", List.of(t.rating().stars()));
        }
        return m;
    }
}
