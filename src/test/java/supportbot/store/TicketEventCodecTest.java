package supportbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import supportbot.ticket.TicketEvent;

/** Ticket event types are an enum in code and their old strings on disk, so data written before and after reads back. */
class TicketEventCodecTest {
    private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    /** The strings the store has always held (before the enum), each of which must still read back. */
    private static final List<String> STORED_LABELS = List.of("opened", "user-message", "detail", "rating", "claimed",
            "assigned", "transferred", "reply", "note", "asked", "assist", "priority", "labelled", "unlabelled",
            "escalated", "resolved", "reopened", "merged", "merged-in", "sla-breach", "follow-up", "reminder",
            "auto-closed", "alert", "banned", "unbanned", "erased", "closed", "user-deleted", "reply-edited", "reply-deleted",
            "linked", "unlinked");

    @Test
    void everyTypeIsStoredAsItsLabelAndReadsBack() {
        for (TicketEvent.Type type : TicketEvent.Type.values()) {
            var event = new TicketEvent(AT, "alice", type, "text");
            String json = new String(StoreCodec.encode(event), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"type\":\"" + type.label() + "\""), json);
            assertEquals(event, StoreCodec.decode(json.getBytes(StandardCharsets.UTF_8), TicketEvent.class));
        }
    }

    @Test
    void eventsWrittenWithStringTypesReadBack() {
        for (String label : STORED_LABELS) {
            String old = "{\"at\":\"2026-06-01T10:00:00Z\",\"actor\":\"user\",\"type\":\"" + label
                    + "\",\"text\":\"hi\",\"attachments\":[]}";
            TicketEvent read = StoreCodec.decode(old.getBytes(StandardCharsets.UTF_8), TicketEvent.class);
            assertEquals(label, read.type().label(), old);
            assertEquals(new TicketEvent(AT, "user", read.type(), "hi"), read);
        }
        assertEquals(STORED_LABELS.size(), TicketEvent.Type.values().length, "every type has a stored label listed here");
    }

    @Test
    void anUnknownTypeIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> TicketEvent.Type.ofLabel("teleported"));
        assertTrue(e.getMessage().contains("teleported"), e.getMessage());
    }
}
