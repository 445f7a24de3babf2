package supportbot.channel.discord;

import java.util.Map;
import java.util.Optional;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/** The Discord connector's settings, checked; the token comes from the environment and is never printed. */
public record DiscordSettings(String token, long guildId, Long supportChannelId, Long staffChannelId, Long agentRoleId,
                              Long supervisorRoleId, long maxAttachmentBytes) {
    public static final String TOKEN_ENV = "DISCORD_BOT_TOKEN";

    public static Optional<DiscordSettings> from(AppConfig.Discord c, Map<String, String> env) {
        String enabled = c == null || c.enabled() == null ? "auto" : c.enabled();
        String token = env.get(TOKEN_ENV);
        boolean hasToken = token != null && !token.isBlank();
        switch (enabled) {
            case "off" -> {
                return Optional.empty();
            }
            case "auto" -> {
                if (!hasToken) {
                    return Optional.empty();
                }
            }
            case "on" -> {
                if (!hasToken) {
                    throw new ConfigException("discord.enabled is 'on' but " + TOKEN_ENV + " is not set; create a bot in "
                            + "the Discord developer portal (README, \"Discord\")");
                }
            }
            default -> throw new ConfigException("discord.enabled: 'auto', 'on' or 'off', not '" + enabled + "'");
        }
        if (c.guildId() == null) {
            throw new ConfigException("discord.guildId: the id of your server (Developer Mode → right-click → Copy Server ID)");
        }
        if (c.staffChannelId() != null && c.agentRoleId() == null && c.supervisorRoleId() == null) {
            throw new ConfigException("discord.agentRoleId / discord.supervisorRoleId: a staff channel needs the roles "
                    + "that decide who may act in it");
        }
        int mb = c.maxAttachmentMb() == null ? 10 : c.maxAttachmentMb();
        if (mb < 1 || mb > 500) {
            throw new ConfigException("discord.maxAttachmentMb: 1 to 500, not " + mb);
        }
        return Optional.of(new DiscordSettings(token.strip(), c.guildId(), c.supportChannelId(), c.staffChannelId(),
                c.agentRoleId(), c.supervisorRoleId(), mb * 1024L * 1024L));
    }

    @Override
    public String toString() {
        return "DiscordSettings[guildId=" + guildId + ", supportChannelId=" + supportChannelId + ", staffChannelId="
                + staffChannelId + "]";
    }
}
