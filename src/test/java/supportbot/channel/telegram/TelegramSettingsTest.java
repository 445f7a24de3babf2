package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

class TelegramSettingsTest {
    private static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678";
    private static final Map<String, String> ENV = Map.of(TelegramSettings.TOKEN_ENV, TOKEN);

    private static AppConfig.Telegram config(String enabled, String apiUrl, String mode, String publicUrl) {
        return new AppConfig.Telegram(enabled, apiUrl, mode, 50, new AppConfig.Webhook(publicUrl, "/telegram/webhook"),
                -1001L, null, 10, null);
    }

    @Test
    void autoIsOffWithoutATokenAndOnWithOne() {
        var c = config("auto", "https://api.telegram.org", "polling", "");
        assertTrue(TelegramSettings.from(c, Map.of()).isEmpty());
        var s = TelegramSettings.from(c, ENV).orElseThrow();
        assertEquals(TOKEN, s.token());
        assertEquals(443, BotApi.telegramUrl(s).getPort());
    }

    @Test
    void onWithoutATokenSaysWhereToGetOne() {
        var e = assertThrows(ConfigException.class,
                () -> TelegramSettings.from(config("on", null, "polling", ""), Map.of()));
        assertTrue(e.getMessage().contains("TELEGRAM_BOT_TOKEN") && e.getMessage().contains("BotFather"), e.getMessage());
    }

    @Test
    void theTokenIsNeverPrinted() {
        var s = TelegramSettings.from(config("on", "http://127.0.0.1:8081", "polling", ""), ENV).orElseThrow();
        assertFalse(s.toString().contains(TOKEN), s.toString());
        assertFalse(s.toString().contains("ABCdef"));
    }

    @Test
    void aSelfHostedServerKeepsItsPortAndScheme() {
        var s = TelegramSettings.from(config("on", "http://127.0.0.1:8081/", "polling", ""), ENV).orElseThrow();
        var url = BotApi.telegramUrl(s);
        assertEquals("http", url.getSchema());
        assertEquals("127.0.0.1", url.getHost());
        assertEquals(8081, url.getPort());
    }

    @Test
    void badValuesNameTheirKey() {
        assertMessage("telegram.apiUrl", () -> TelegramSettings.from(config("on", "ftp://x", "polling", ""), ENV));
        assertMessage("telegram.apiUrl", () -> TelegramSettings.from(config("on", "https://x.org/bot", "polling", ""), ENV));
        assertMessage("telegram.mode", () -> TelegramSettings.from(config("on", null, "push", ""), ENV));
        assertMessage("telegram.enabled", () -> TelegramSettings.from(config("yes", null, "polling", ""), ENV));
        assertMessage("telegram.webhook.publicUrl", () -> TelegramSettings.from(config("on", null, "webhook", ""), ENV));
        assertMessage("TELEGRAM_BOT_TOKEN", () -> TelegramSettings.from(config("on", null, "polling", ""),
                Map.of(TelegramSettings.TOKEN_ENV, "not a token")));
        assertMessage("TELEGRAM_WEBHOOK_SECRET", () -> TelegramSettings.from(config("on", null, "webhook", "https://b.example"),
                Map.of(TelegramSettings.TOKEN_ENV, TOKEN, TelegramSettings.WEBHOOK_SECRET_ENV, "has spaces in it")));
    }

    @Test
    void withoutAConfiguredSecretEachStartMakesItsOwn() {
        var c = config("on", null, "webhook", "https://bot.example.com/");
        var a = TelegramSettings.from(c, ENV).orElseThrow();
        var b = TelegramSettings.from(c, ENV).orElseThrow();
        assertNotEquals(a.webhookSecret(), b.webhookSecret());
        assertTrue(a.webhookSecret().matches("[A-Za-z0-9_-]{32,256}"));
        assertEquals("https://bot.example.com/telegram/webhook", a.webhookUrl());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(ConfigException.class, call);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should name " + part);
    }
}
