package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

/** Tickets and instants for desk tests, written the way a reader thinks of them: local times in Shanghai. */
final class TestTickets {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private TestTickets() {
    }

    /** "2026-06-01T10:00" in Shanghai. */
    static Instant sh(String localDateTime) {
        return local(SHANGHAI, localDateTime);
    }

    static Instant local(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Ticket ticket(int priority, Instant openedAt, TicketEvent... later) {
        var draft = new TicketDraft(7, "web", "conv-7", "user-7", "other", priority, priority == 1, "confirmed", Lang.EN,
                Map.of(), List.of(), openedAt);
        Ticket t = Ticket.open(draft);
        for (TicketEvent e : later) {
            t = t.withEvent(e);
        }
        return t;
    }

    static TicketEvent event(String type, Instant at) {
        String actor = switch (type) {
            case "user-message" -> "user";
            default -> "alice";
        };
        return new TicketEvent(at, actor, TicketEvent.Type.ofLabel(type), type.equals("reply") || type.equals("user-message") ? "…" : null);
    }

    static TicketEvent reply(Instant at) {
        return event("reply", at);
    }

    static TicketEvent userMessage(Instant at) {
        return event("user-message", at);
    }
}
