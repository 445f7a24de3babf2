package supportbot.channel.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import supportbot.cli.BotAssembly;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;

/**
 * The bot with only its Telegram connector, on a fake Bot API, data in a temporary directory and the shipped
 * FAQ in BM25 mode: what the load and soak benchmarks drive.
 */
public final class LocalTelegramBot implements AutoCloseable {
    public final BotAssembly bot;
    private final TelegramConnector connector;

    public LocalTelegramBot(FakeBotApi fake, String token) throws IOException {
        Path dir = Files.createTempDirectory("support-bot-bench");
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, """
                data:
                  dir: %s
                faq:
                  semantic: false
                  watch: false
                safety:
                  floodMessages: 1000
                telegram:
                  enabled: "on"
                  apiUrl: %s
                  pollTimeoutSeconds: 1
                """.formatted(dir.resolve("data"), fake.baseUrl()));
        var config = new ConfigLoader().load(file);
        var faq = new FaqService(Path.of("faq-data"), null, config.searchSettings().withSemantic(false),
                FaqIndexer.Progress.SILENT);
        bot = new BotAssembly(config, faq, Set.of(TelegramKeys.CHANNEL));
        connector = TelegramConnector.connect(TelegramSettings.from(config.telegram(),
                Map.of(TelegramSettings.TOKEN_ENV, token)).orElseThrow(), bot.connectorParts());
        bot.outbox.start();
        connector.start();
    }

    @Override
    public void close() {
        connector.close();
        bot.close();
    }
}
