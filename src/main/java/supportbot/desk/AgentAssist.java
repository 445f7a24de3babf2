package supportbot.desk;

import supportbot.ticket.Ticket;

import java.util.List;
import java.util.stream.Collectors;
import supportbot.dialogue.details.DetailType;

/** The FAQ answers that best fit a ticket's problem, for the agent to insert and edit. */
public final class AgentAssist {
    public static final int SUGGESTIONS = 3;

    private AgentAssist() {
    }

    /**
     * Searches with what the user said the problem is (the description detail, else their own messages in the
     * ticket's events), plus the category: the words the FAQ's questions are written in.
     *
     * @param userLines what the user wrote in the conversation, oldest first, used when no description was collected
     */
    public static List<AnswerFinder.Answer> suggest(Ticket ticket, List<String> userLines, AnswerFinder finder) {
        var d = ticket.draft();
        var description = d.details().get(DetailType.DESCRIPTION);
        String problem = description != null ? description.value()
                : userLines.stream().filter(l -> l != null && !l.isBlank()).limit(5).collect(Collectors.joining("\n"));
        if (problem.isBlank() && d.categoryId() != null) {
            problem = d.categoryId().replace('-', ' ');
        }
        return finder.find(problem, d.lang().code(), SUGGESTIONS);
    }
}
