package supportbot.desk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import supportbot.config.AppConfig;
import supportbot.config.AppConfig.AgentEntry;
import supportbot.config.ConfigException;

/**
 * Builds the desk's agents from the configuration. It lives in the desk, not in {@code config}, so that the
 * configuration stays a low package that knows no desk types (no config ↔ desk cycle).
 */
public final class ConfiguredAgents {
    private ConfiguredAgents() {
    }

    /** The configured agents, checked: a broken entry names its index and what is wrong. */
    public static List<Agent> of(AppConfig config) {
        var out = new ArrayList<Agent>();
        var names = new HashSet<String>();
        var telegramIds = new HashSet<Long>();
        var desk = config.desk();
        var list = desk == null || desk.agents() == null ? List.<AgentEntry>of() : desk.agents();
        for (int i = 0; i < list.size(); i++) {
            AgentEntry a = list.get(i);
            String where = "desk.agents[" + i + "]";
            if (a.name() == null || !a.name().matches("[A-Za-z0-9._-]{1,40}")) {
                throw new ConfigException(where + ".name: 1-40 letters, digits, '.', '_' or '-'");
            }
            if (!names.add(a.name())) {
                throw new ConfigException(where + ".name: '" + a.name() + "' is listed twice");
            }
            if (a.tokenSha256() == null && a.telegramUserId() == null) {
                throw new ConfigException(where + ": give tokenSha256 (web desk) or telegramUserId (Telegram staff group), "
                        + "or both");
            }
            if (a.tokenSha256() != null && !a.tokenSha256().matches("[0-9a-fA-F]{64}")) {
                throw new ConfigException(where + ".tokenSha256: the SHA-256 of the agent's token, 64 hex digits "
                        + "(e.g. printf %s TOKEN | sha256sum)");
            }
            if (a.telegramUserId() != null && (a.telegramUserId() <= 0 || !telegramIds.add(a.telegramUserId()))) {
                throw new ConfigException(where + ".telegramUserId: a positive Telegram user id, each agent their own");
            }
            Role role = switch (String.valueOf(a.role())) {
                case "agent" -> Role.AGENT;
                case "supervisor" -> Role.SUPERVISOR;
                default -> throw new ConfigException(where + ".role: 'agent' or 'supervisor', not '" + a.role() + "'");
            };
            out.add(new Agent(a.name(), role, a.tokenSha256() == null ? null
                    : a.tokenSha256().toLowerCase(Locale.ROOT), a.telegramUserId()));
        }
        return out;
    }
}
