package supportbot.desk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who may do what to which ticket: the one place every surface's agent actions are checked, refusals logged. */
final class DeskPolicy {
    private static final Logger log = LoggerFactory.getLogger(DeskPolicy.class);

    private DeskPolicy() {
    }

    static void checkView(Agent agent, Ticket ticket) {
        if (ticket.tier() == Tier.SUPERVISOR && !agent.supervisor()) {
            throw refuse(agent, ticket, "view", "ticket #" + ticket.number() + " is escalated: supervisors only");
        }
    }

    static void check(Agent agent, Ticket ticket, DeskAction action) {
        checkView(agent, ticket);
        boolean mine = agent.name().equals(ticket.assignee());
        if (action instanceof DeskAction.Claim) {
            if (!ticket.status().open()) {
                throw conflict("ticket #" + ticket.number() + " is " + ticket.status().label() + "; reopen it first");
            }
            if (ticket.assignee() != null && !mine && !agent.supervisor()) {
                throw refuse(agent, ticket, action.type(), "ticket #" + ticket.number() + " belongs to " + ticket.assignee());
            }
            return;
        }
        if (!mine && !agent.supervisor()) {
            throw refuse(agent, ticket, action.type(), ticket.assignee() == null
                    ? "claim ticket #" + ticket.number() + " first"
                    : "ticket #" + ticket.number() + " belongs to " + ticket.assignee());
        }
        if (action instanceof DeskAction.Ban || action instanceof DeskAction.Unban) {
            return; // abuse can come after a ticket closed
        }
        if (action instanceof DeskAction.Reopen) {
            if (ticket.status().open()) {
                throw conflict("ticket #" + ticket.number() + " is still open");
            }
        } else if (!ticket.status().open() && !(action instanceof DeskAction.Note)) {
            throw conflict("ticket #" + ticket.number() + " is " + ticket.status().label() + "; reopen it first");
        }
    }

    private static DeskException refuse(Agent agent, Ticket ticket, String action, String why) {
        log.warn("refused {} by {} ({}) on ticket #{}: {}", action, agent.name(), agent.role(), ticket.number(), why);
        return DeskException.forbidden(why);
    }

    private static DeskException conflict(String why) {
        return new DeskException(409, why);
    }
}
