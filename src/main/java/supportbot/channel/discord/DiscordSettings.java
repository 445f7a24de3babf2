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
        Optional<String> token = supportbot.config.ConnectorSwitch.token("discord.enabled", c == null ? null : c.enabled(),
                env, TOKEN_ENV, "create a bot in the Discord developer portal (docs/operators-guide.md, \"Discord\")");
        if (token.isEmpty()) {
            return Optional.empty();
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
        return Optional.of(new DiscordSettings(token.get(), c.guildId(), c.supportChannelId(), c.staffChannelId(),
                c.agentRoleId(), c.supervisorRoleId(), mb * 1024L * 1024L));
    }

    @Override
    public String toString() {
        return "DiscordSettings[guildId=" + guildId + ", supportChannelId=" + supportChannelId + ", staffChannelId="
                + staffChannelId + "]";
    }
}
