package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.Tier;

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
                // Someone else holds it: a conflict over the ticket rather than a missing right.
                log.info("refused claim by {} on ticket #{}: {} holds it", agent.name(), ticket.number(), ticket.assignee());
                throw new DeskException(409, "ticket #" + ticket.number() + " belongs to " + ticket.assignee(),
                        ticket.assignee());
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
        } else if (!ticket.status().open() && !(action instanceof DeskAction.Note) && !(action instanceof DeskAction.Label)) {
            throw conflict("ticket #" + ticket.number() + " is " + ticket.status().label() + "; reopen it first");
        }
    }

    /**
     * The same action against the ticket as committed, inside the transaction that changes it. {@code seen} is
     * what the agent's request was checked against; if who holds the ticket, its tier or whether it is open
     * changed since, another action won the race and this one is refused with the current holder named.
     *
     * @param expectedVersion the {@link Ticket#version()} the agent last saw, or null to check ownership only
     */
    static void checkCommitted(Agent agent, Ticket seen, Ticket now, DeskAction action, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != now.version()) {
            throw new DeskException(409, "ticket #" + now.number() + " changed since you loaded it; reload it and try again",
                    now.assignee());
        }
        boolean sameHands = java.util.Objects.equals(seen.assignee(), now.assignee()) && seen.tier() == now.tier()
                && seen.status().open() == now.status().open();
        if (!sameHands) {
            log.info("refused {} by {} on ticket #{}: it changed meanwhile ({} {}, held by {})", action.type(), agent.name(),
                    now.number(), now.status().label(), now.tier(), now.assignee());
            String held = now.assignee() == null ? "nobody holds it now" : now.assignee() + " holds it now";
            String what = action instanceof DeskAction.Claim && now.assignee() != null
                    ? "ticket #" + now.number() + " was just claimed by " + now.assignee()
                    : "ticket #" + now.number() + " changed meanwhile (" + now.status().label() + ", " + held + "); reload it";
            throw new DeskException(409, what, now.assignee());
        }
        check(agent, now, action);
    }

    /** Saved replies speak for the whole team: supervisors create, change and delete them; agents only use them. */
    static void checkManageSavedReplies(Agent agent) {
        if (!agent.supervisor()) {
            log.warn("refused saved-reply change by {} ({})", agent.name(), agent.role());
            throw DeskException.forbidden("saved replies are managed by supervisors");
        }
    }

    /** Any agent who may see the ticket may link its user to another contact they can see: linking hides nothing. */
    static void checkLink(Agent agent, Ticket ticket) {
        checkView(agent, ticket);
    }

    /**
     * Undoing a link: supervisors always; an agent only a link they made themselves (their own mistake). A link the
     * user made with a code is the user's word, and an agent's guess is a colleague's: a supervisor decides those.
     *
     * @param linkedBy who made the link being undone
     */
    static void checkUnlink(Agent agent, Ticket ticket, String linkedBy) {
        checkView(agent, ticket);
        if (!agent.supervisor() && !agent.name().equals(linkedBy)) {
            throw refuse(agent, ticket, "unlink", "user".equals(linkedBy)
                    ? "the user linked this contact themselves; only a supervisor can unlink it"
                    : "this contact was linked by " + linkedBy + "; only they or a supervisor can unlink it");
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
