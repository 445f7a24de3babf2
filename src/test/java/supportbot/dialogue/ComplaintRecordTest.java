package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;

/** A complaint keeps the agent named, the ticket number and the time as fields of the ticket. */
class ComplaintRecordTest {
    /** alice is on the team; her code in this conversation is K7P2QX. */
    private static final StaffDirectory STAFF = (conversation, q) -> q.equalsIgnoreCase("alice") || q.equals("K7P2QX")
            ? Optional.of(new StaffDirectory.Verified("alice", "K7P2QX")) : Optional.empty();

    private static EngineHarness harness() {
        var h = new EngineHarness();
        h.engine = new DialogueEngine(EngineHarness.DATA, h.faq, new DetailParsers(EngineHarness.DATA.details(), h.clock),
                h.tickets, h.clock, Lang.EN, STAFF);
        return h;
    }

    /** Answers what the bot asks until the ticket opens: skips optional questions, confirms the summary. */
    private static TicketDraft untilOpened(EngineHarness h, String... answers) {
        int next = 0;
        for (int turn = 0; turn < 12; turn++) {
            var opened = h.action(Action.OpenTicket.class);
            if (opened.isPresent()) {
                return opened.get().ticket();
            }
            if (h.buttons().contains("confirm")) {
                h.press("confirm");
            } else if (next < answers.length) {
                h.say(answers[next++]);
            } else if (h.buttons().contains("skip")) {
                h.press("skip");
            } else {
                throw new AssertionError("stuck: " + h.reply());
            }
        }
        throw new AssertionError("no ticket: " + h.reply());
    }

    @Test
    void theAgentTicketAndTimeAreFields() {
        var h = harness().say("I want to file a complaint: agent alice was rude to me on ticket #1001 yesterday at 15:00");
        TicketDraft ticket = untilOpened(h, "yesterday at 15:00");
        assertEquals("complaint", ticket.categoryId());
        Complaint c = ticket.complaint();
        assertNotNull(c, "a complaint ticket carries its record");
        assertEquals("alice", c.agent());
        assertEquals(1001L, c.ticketNumber());
        assertNotNull(c.time(), "the time detail: " + ticket.details());
        assertEquals(ticket.details().get(supportbot.dialogue.details.DetailType.TIME).value(), c.time());
    }

    @Test
    void anAgentCodeAndAChineseTicketNumberAreReadToo() {
        var h = harness().say("/lang zh").say("我要投诉客服K7P2QX，工单号 1001 的态度太差劲了");
        TicketDraft ticket = untilOpened(h, "昨天下午3点");
        assertEquals("alice", ticket.complaint().agent());
        assertEquals(1001L, ticket.complaint().ticketNumber());
    }

    @Test
    void aNameNotOnTheTeamIsNotAnAgent() {
        var h = harness().say("I want to file a complaint: mallory from your team was rude, terrible service");
        TicketDraft ticket = untilOpened(h, "yesterday at 15:00");
        assertNull(ticket.complaint().agent());
        assertNull(ticket.complaint().ticketNumber(), "no marked number");
    }

    @Test
    void anOrderNumberIsNotATicketNumber() {
        var h = harness().say("/lang zh").say("我要投诉，买币的订单号 884213 一直没处理，客服态度太差劲了");
        TicketDraft ticket = untilOpened(h, "昨天下午3点");
        assertNull(ticket.complaint().ticketNumber(), ticket.complaint().toString());
    }

    @Test
    void otherTicketsCarryNoComplaint() {
        var h = harness().say("talk to a human");
        assertNull(h.action(Action.OpenTicket.class).orElseThrow().ticket().complaint());
    }
}
