package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.config.AppConfig;
import supportbot.safety.BotSecret;
import supportbot.safety.Signer;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/** The Telegram sender on its own, against the fake Bot API. */
class UserSenderTest {
    @TempDir
    Path dataDir;

    @Test
    void aDataExportIsStampedWithTheInjectedClock() throws Exception {
        // Far from today, so a stamp taken from the system clock cannot match it by accident.
        Instant then = Instant.parse("2031-02-03T04:05:06Z");
        try (FakeBotApi fake = FakeBotApi.start(TelegramTestBot.TOKEN); Store store = Store.open(dataDir)) {
            var config = new AppConfig.Telegram("on", fake.baseUrl(), "polling", 1,
                    new AppConfig.Webhook("", "/telegram/webhook"), null, null, 10, null);
            var settings = TelegramSettings.from(config, Map.of(TelegramSettings.TOKEN_ENV, TelegramTestBot.TOKEN))
                    .orElseThrow();
            var sender = new UserSender(new BotApi(settings), new SendLimiter(SendLimiter.Limits.telegramDefaults(),
                    System::nanoTime), new Keyboards(new Signer(BotSecret.of(new byte[32]))), "https://t.me/x", store,
                    Clock.fixed(then, ZoneOffset.UTC));
            long user = 4242;

            sender.send(new OutboxEntry(1, TelegramKeys.CHANNEL, TelegramKeys.privateChat(user), "your data", List.of(),
                    OutboxEntry.EXPORT), parts -> { });

            var upload = fake.uploads().stream().filter(u -> u.chatId() == user).findFirst().orElseThrow();
            assertEquals(then.toString(), new ObjectMapper().readTree(upload.bytes()).get("exportedAt").asText());
        }
    }

    @Test
    void anAgentTypingShowsTelegramsTypingChatAction() throws Exception {
        try (FakeBotApi fake = FakeBotApi.start(TelegramTestBot.TOKEN); Store store = Store.open(dataDir)) {
            var config = new AppConfig.Telegram("on", fake.baseUrl(), "polling", 1,
                    new AppConfig.Webhook("", "/telegram/webhook"), null, null, 10, null);
            var settings = TelegramSettings.from(config, Map.of(TelegramSettings.TOKEN_ENV, TelegramTestBot.TOKEN))
                    .orElseThrow();
            var sender = new UserSender(new BotApi(settings), new SendLimiter(SendLimiter.Limits.telegramDefaults(),
                    System::nanoTime), new Keyboards(new Signer(BotSecret.of(new byte[32]))), "https://t.me/x", store,
                    Clock.systemUTC());
            long user = 4343;

            sender.typing(TelegramKeys.privateChat(user));

            var calls = fake.calls("sendChatAction");
            assertEquals(1, calls.size(), calls.toString());
            assertEquals(user, calls.get(0).get("chat_id").asLong());
            assertEquals("typing", calls.get(0).get("action").asText());
        }
    }
}
