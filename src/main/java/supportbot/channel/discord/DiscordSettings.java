package supportbot.channel.discord;

import java.util.Map;
import java.util.Optional;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/** The Discord connector's settings, checked; the token comes from the environment and is never printed. */
public record DiscordSettings(String token, long guildId, Long supportChannelId, Long staffChannelId, Long agentRoleId,
                              Long supervisorRoleId, long maxAttachmentBytes, java.net.URI apiUrl,
                              boolean mentionRoleOnNewTicket) {
    public static final String TOKEN_ENV = "DISCORD_BOT_TOKEN";
    public static final java.net.URI DEFAULT_API_URL = java.net.URI.create("https://discord.com/api/v10");

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
                c.agentRoleId(), c.supervisorRoleId(), mb * 1024L * 1024L, apiUrl(c.apiUrl()),
                mentionRole(c)));
    }

    private static boolean mentionRole(AppConfig.Discord c) {
        if (!Boolean.TRUE.equals(c.mentionRoleOnNewTicket())) {
            return false;
        }
        if (c.staffChannelId() == null || c.agentRoleId() == null) {
            throw new ConfigException("discord.mentionRoleOnNewTicket: needs discord.staffChannelId and discord.agentRoleId "
                    + "(the role that is mentioned)");
        }
        return true;
    }

    /** Scheme, host, optional port and path (the API version is part of the path), without a trailing slash. */
    public static java.net.URI apiUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_API_URL;
        }
        String value = raw.strip().replaceAll("/+$", "");
        try {
            var uri = java.net.URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null
                    && uri.getQuery() == null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException("discord.apiUrl: a URL such as https://discord.com/api/v10, not '" + value + "'");
    }

    @Override
    public String toString() {
        return "DiscordSettings[apiUrl=" + apiUrl + ", guildId=" + guildId + ", supportChannelId=" + supportChannelId + ", staffChannelId="
                + staffChannelId + "]";
    }
}
