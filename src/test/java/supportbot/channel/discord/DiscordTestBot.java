package supportbot.channel.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import supportbot.channel.telegram.TelegramConnector;
import supportbot.channel.telegram.TelegramKeys;
import supportbot.channel.telegram.TelegramSettings;
import supportbot.cli.BotAssembly;
import supportbot.config.AppConfig;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;

/**
 * The real bot with the Discord connector pointed at a {@link FakeDiscord} on 127.0.0.1, and optionally the
 * Telegram connector (no staff group of its own) at a fake Bot API: users on Telegram, agents on Discord.
 */
final class DiscordTestBot implements AutoCloseable {
    static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.fake.discord-token-for-tests";

    final FakeDiscord fake;
    final BotAssembly bot;
    final DiscordConnector connector;
    final TelegramConnector telegram;

    /** @param telegramApiUrl a fake Bot API's base URL, or null for Discord only */
    DiscordTestBot(Path dir, FakeDiscord fake, String telegramApiUrl) throws IOException {
        this.fake = fake;
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, """
                data:
                  dir: %s
                faq:
                  semantic: false
                  watch: false
                safety:
                  floodMessages: 1000
                discord:
                  enabled: "on"
                  guildId: %d
                  supportChannelId: %d
                  staffChannelId: %d
                  agentRoleId: %d
                  supervisorRoleId: %d
                  mentionRoleOnNewTicket: true
                telegram:
                  enabled: "%s"
                  apiUrl: %s
                  pollTimeoutSeconds: 1
                  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}
                """.formatted(dir.resolve("data"), FakeDiscord.GUILD_ID, FakeDiscord.SUPPORT_CHANNEL_ID,
                FakeDiscord.STAFF_CHANNEL_ID, FakeDiscord.AGENT_ROLE_ID, FakeDiscord.SUPERVISOR_ROLE_ID,
                telegramApiUrl == null ? "off" : "on", telegramApiUrl == null ? "https://api.telegram.org" : telegramApiUrl));
        AppConfig config = new ConfigLoader().load(file);
        var settings = new ConfigLoader().defaults().searchSettings().withSemantic(false);
        var faq = new FaqService(Path.of("faq-data"), null, settings, FaqIndexer.Progress.SILENT);
        var channels = new HashSet<String>();
        channels.add(DiscordKeys.CHANNEL);
        if (telegramApiUrl != null) {
            channels.add(TelegramKeys.CHANNEL);
        }
        bot = new BotAssembly(config, faq, channels);
        connector = DiscordConnector.connect(DiscordSettings.from(config.discord(),
                Map.of(DiscordSettings.TOKEN_ENV, TOKEN)).orElseThrow(), bot.connectorParts(), fake::configure);
        telegram = telegramApiUrl == null ? null : TelegramConnector.connect(TelegramSettings.from(config.telegram(),
                Map.of(TelegramSettings.TOKEN_ENV, "123456:TEST-token-for-the-fake-bot-api")).orElseThrow(),
                bot.connectorParts()).start();
        bot.outbox.start();
    }

    @Override
    public void close() {
        if (telegram != null) {
            telegram.close();
        }
        connector.close();
        bot.close();
    }
}
