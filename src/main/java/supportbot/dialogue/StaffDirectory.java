package supportbot.dialogue;

import java.util.Optional;

/**
 * Who is really on the support team, for users checking a name or code (/verify) and for labelling agents'
 * replies with their code. Scammers pose as support: the code in a real reply is what a user can check. Codes
 * are per conversation, so a code learnt in one conversation (an impostor's own /verify) means nothing in another.
 */
public interface StaffDirectory {
    record Verified(String name, String code) {
    }

    /** An agent by name (case-insensitive) or by the code that agent has in this conversation. */
    Optional<Verified> lookup(String conversationKey, String nameOrCode);

    /**
     * The name users see on an agent's reply: the agent's own, or the team's when replies go out under the team's
     * name (the code, which stays, still tells a real reply from an impostor's).
     */
    default String shownName(String agentName, supportbot.faq.Lang lang) {
        return agentName;
    }

    StaffDirectory NONE = (conversation, query) -> Optional.empty();
}
