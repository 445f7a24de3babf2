package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

class DiscordSettingsTest {
    private static final Map<String, String> ENV = Map.of(DiscordSettings.TOKEN_ENV, "secret-discord-token-value");

    private static AppConfig.Discord config(String enabled, Long guild, Long staff, Long agentRole) {
        return new AppConfig.Discord(enabled, guild, 2L, staff, agentRole, null, 10, null, null);
    }

    @Test
    void autoRunsOnlyWithAToken() {
        assertTrue(DiscordSettings.from(config("auto", 1L, null, null), Map.of()).isEmpty());
        assertTrue(DiscordSettings.from(config("auto", 1L, null, null), ENV).isPresent());
        assertTrue(DiscordSettings.from(config("off", 1L, null, null), ENV).isEmpty());
    }

    @Test
    void missingPiecesAreNamed() {
        assertMessage("DISCORD_BOT_TOKEN", () -> DiscordSettings.from(config("on", 1L, null, null), Map.of()));
        assertMessage("discord.guildId", () -> DiscordSettings.from(config("on", null, null, null), ENV));
        assertMessage("discord.agentRoleId", () -> DiscordSettings.from(config("on", 1L, 3L, null), ENV));
        assertMessage("discord.enabled", () -> DiscordSettings.from(config("sometimes", 1L, null, null), ENV));
    }

    @Test
    void theTokenIsNeverPrinted() {
        var s = DiscordSettings.from(config("on", 1L, 3L, 4L), ENV).orElseThrow();
        assertFalse(s.toString().contains("secret-discord-token-value"), s.toString());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(ConfigException.class, call);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should name " + part);
    }
}
