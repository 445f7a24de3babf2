package supportbot.web;

import io.javalin.http.Context;
import supportbot.channel.AgentTyping;
import supportbot.desk.Agent;
import supportbot.desk.DeskException;
import supportbot.desk.DeskService;
import supportbot.ticket.Ticket;

/** {@code POST /api/desk/tickets/{id}/typing}: the desk's reply box tells the user that their agent is writing. */
final class TypingApi {
    private final DeskService desk;
    private final AgentTyping typing;

    TypingApi(DeskService desk, AgentTyping typing) {
        this.desk = desk;
        this.typing = typing;
    }

    /** @param shown false when nothing went to the user: not this agent's open ticket, or a hint is already up */
    record Typing(boolean shown) {
    }

    void typing(Context ctx) {
        Agent agent = AccessCheck.agent(ctx);
        long number;
        try {
            number = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new DeskException(404, "no ticket '" + ctx.pathParam("id") + "'");
        }
        Ticket t = desk.get(agent, number);
        // Only the holder's keystrokes reach the user: a colleague reading along must not look like an answer coming.
        boolean holder = t.status().open() && agent.name().equals(t.assignee());
        ctx.json(new Typing(holder && typing.typing(t.draft().channel(), t.draft().conversationKey())));
    }
}
