package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    private static AppConfig.Telegram withLimits(AppConfig.Limits limits) {
        return new AppConfig.Telegram("on", null, "polling", 50, new AppConfig.Webhook("", "/telegram/webhook"),
                -1001L, null, 10, limits);
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
    void burstsAreReadBesideTheirRates() {
        var s = TelegramSettings.from(withLimits(new AppConfig.Limits(25.0, 5, 2.0, 4, 12.0, 2)), ENV).orElseThrow();
        assertEquals(new SendLimiter.Limits(25, 5, 2, 4, 12, 2), s.limits());
    }

    @Test
    void unsetLimitsKeysKeepTheirDefaults() {
        var defaults = SendLimiter.Limits.telegramDefaults();
        var s = TelegramSettings.from(withLimits(new AppConfig.Limits(null, 7, null, null, null, null)), ENV).orElseThrow();
        assertEquals(new SendLimiter.Limits(defaults.perBotPerSecond(), 7, defaults.perChatPerSecond(), defaults.chatBurst(),
                defaults.perGroupPerMinute(), defaults.groupBurst()), s.limits());
    }

    @Test
    void theShippedConfigGivesTheLimiterDefaults() {
        // default-config.yaml and Limits.telegramDefaults() state the same numbers twice; they must not drift apart.
        var shipped = new supportbot.config.ConfigLoader().defaults().telegram();
        assertEquals(SendLimiter.Limits.telegramDefaults(), TelegramSettings.from(shipped, ENV).orElseThrow().limits());
    }

    @Test
    void burstsOutsideOneToAThousandNameTheirKey() {
        for (int bad : new int[] {0, -1, 1001, 2_000_000_000}) {
            assertMessage("telegram.limits.perBotBurst",
                    () -> TelegramSettings.from(withLimits(new AppConfig.Limits(null, bad, null, null, null, null)), ENV));
            assertMessage("telegram.limits.perChatBurst",
                    () -> TelegramSettings.from(withLimits(new AppConfig.Limits(null, null, null, bad, null, null)), ENV));
            assertMessage("telegram.limits.perGroupBurst",
                    () -> TelegramSettings.from(withLimits(new AppConfig.Limits(null, null, null, null, null, bad)), ENV));
        }
    }

    @Test
    void ratesAtOrBelowZeroNameTheirKey() {
        assertMessage("telegram.limits.perBotPerSecond",
                () -> TelegramSettings.from(withLimits(new AppConfig.Limits(0.0, null, null, null, null, null)), ENV));
        assertMessage("telegram.limits.perChatPerSecond",
                () -> TelegramSettings.from(withLimits(new AppConfig.Limits(null, null, -1.0, null, null, null)), ENV));
        assertMessage("telegram.limits.perGroupPerMinute",
                () -> TelegramSettings.from(withLimits(new AppConfig.Limits(null, null, null, null, 0.0, null)), ENV));
        // YAML's .nan and .inf are numbers too; they must be named, not fail later in the limiter.
        assertMessage("telegram.limits.perBotPerSecond",
                () -> TelegramSettings.from(withLimits(new AppConfig.Limits(Double.NaN, null, null, null, null, null)), ENV));
        assertMessage("telegram.limits.perChatPerSecond",
                () -> TelegramSettings.from(withLimits(new AppConfig.Limits(null, null, Double.POSITIVE_INFINITY, null, null, null)), ENV));
    }

    @Test
    void withoutAConfiguredSecretTheSettingsLeaveItToTheStoreAndAConfiguredOneIsKept() {
        var c = config("on", null, "webhook", "https://bot.example.com/");
        var a = TelegramSettings.from(c, ENV).orElseThrow();
        assertNull(a.webhookSecret(), "instances behind one load balancer share the one kept in the store");
        assertEquals("https://bot.example.com/telegram/webhook", a.webhookUrl());
        var configured = TelegramSettings.from(c, Map.of(TelegramSettings.TOKEN_ENV, TOKEN,
                TelegramSettings.WEBHOOK_SECRET_ENV, "shared_Secret-1")).orElseThrow();
        assertEquals("shared_Secret-1", configured.webhookSecret());
        assertFalse(configured.toString().contains("shared_Secret-1"), "the secret is never printed");
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(ConfigException.class, call);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should name " + part);
    }
}
