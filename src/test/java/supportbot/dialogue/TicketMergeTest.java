package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The desk merged the user's duplicate ticket: the conversation follows the kept ticket and the user is told. */
class TicketMergeTest {
    @Test
    void aConversationOnTheDuplicateMovesToTheKeptTicket() {
        var h = new EngineHarness();
        h.desk(DeskEvent.Kind.REOPENED, 1007, null);
        assertEquals(1007L, h.state.ticketNumber());

        h.desk(DeskEvent.Kind.MERGED, 1003, "1007");

        assertEquals(1003L, h.state.ticketNumber());
        assertEquals(Phase.WITH_TICKET, h.phase());
        assertTrue(h.reply().contains("#1007 and #1003 are now one: #1003"), h.reply());
    }

    @Test
    void aConversationOnAnotherTicketStaysThere() {
        var h = new EngineHarness();
        h.desk(DeskEvent.Kind.REOPENED, 1009, null);

        h.desk(DeskEvent.Kind.MERGED, 1003, "1007");

        assertEquals(1009L, h.state.ticketNumber());
        assertTrue(h.reply().contains("#1003"), h.reply());
    }
}
