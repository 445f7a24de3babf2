package supportbot.desk;

import java.util.Locale;
import java.util.Optional;
import supportbot.dialogue.StaffDirectory;
import supportbot.safety.Signer;

/**
 * Each agent's verification code in each conversation, derived from the bot's secret, the agent's name and the
 * conversation key: stable across restarts, shown in the agent's replies, checkable with /verify, and useless
 * anywhere else. A code is a keyed hash of both names, so nobody without the bot's secret can compute the one
 * that alice has with another user, and asking /verify in one's own conversation only yields one's own.
 */
public final class AgentCodes implements StaffDirectory {
    private static final int LENGTH = 6;

    private final AgentDirectory agents;
    private final Signer signer;

    /** Per language code: the team's name on agents' replies; null when each agent answers under their own name. */
    private final java.util.Map<String, String> teamName;

    public AgentCodes(AgentDirectory agents, Signer signer) {
        this(agents, signer, null);
    }

    /** @param teamName per language code, or null: see {@link #shownName} */
    public AgentCodes(AgentDirectory agents, Signer signer, java.util.Map<String, String> teamName) {
        this.agents = agents;
        this.signer = signer;
        this.teamName = teamName == null ? null : java.util.Map.copyOf(teamName);
    }

    @Override
    public String shownName(String agentName, supportbot.faq.Lang lang) {
        return teamName == null ? agentName : teamName.getOrDefault(lang.code(), teamName.get("en"));
    }

    public String codeOf(String agentName, String conversationKey) {
        return signer.code("agent-verification", agentName + '\u0000' + conversationKey, LENGTH);
    }

    @Override
    public Optional<Verified> lookup(String conversationKey, String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank() || conversationKey == null) {
            return Optional.empty();
        }
        String q = nameOrCode.strip();
        for (Agent a : agents.all()) {
            String code = codeOf(a.name(), conversationKey);
            if (a.name().equalsIgnoreCase(q) || code.equals(q.toUpperCase(Locale.ROOT))) {
                return Optional.of(new Verified(a.name(), code));
            }
        }
        return Optional.empty();
    }
}
