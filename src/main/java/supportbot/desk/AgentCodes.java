package supportbot.desk;

import java.util.Locale;
import java.util.Optional;
import supportbot.dialogue.StaffDirectory;
import supportbot.safety.Signer;

/**
 * Each agent's verification code, derived from the bot's secret: stable across restarts, shown in the
 * agent's replies, and checkable by users with /verify. Nothing to configure, nothing an outsider can compute.
 */
public final class AgentCodes implements StaffDirectory {
    private static final int LENGTH = 6;

    private final AgentDirectory agents;
    private final Signer signer;

    public AgentCodes(AgentDirectory agents, Signer signer) {
        this.agents = agents;
        this.signer = signer;
    }

    public String codeOf(String agentName) {
        return signer.code("agent-verification", agentName, LENGTH);
    }

    @Override
    public Optional<Verified> lookup(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        String q = nameOrCode.strip();
        for (Agent a : agents.all()) {
            String code = codeOf(a.name());
            if (a.name().equalsIgnoreCase(q) || code.equals(q.toUpperCase(Locale.ROOT))) {
                return Optional.of(new Verified(a.name(), code));
            }
        }
        return Optional.empty();
    }
}
