package supportbot.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/**
 * The Telegram connector's settings, checked. The token comes only from the environment and is never
 * printed: {@link #toString()} leaves it out.
 */
public record TelegramSettings(String token, URI apiUrl, Mode mode, int pollTimeoutSeconds, String webhookPublicUrl,
                               String webhookPath, String webhookSecret, Long staffChatId, Long supervisorChatId,
                               long maxAttachmentBytes, SendLimiter.Limits limits) {
    public static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";
    public static final String WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET";

    public enum Mode { POLLING, WEBHOOK }

    /** @return empty when Telegram is off (no token and not required) */
    public static Optional<TelegramSettings> from(AppConfig.Telegram c, Map<String, String> env) {
        Optional<String> maybeToken = supportbot.config.ConnectorSwitch.token("telegram.enabled",
                c == null ? null : c.enabled(), env, TOKEN_ENV, "get a token from @BotFather (docs/operators-guide.md, \"Telegram\")");
        if (maybeToken.isEmpty()) {
            return Optional.empty();
        }
        String token = maybeToken.get();
        if (!token.matches("\\d{3,15}:[A-Za-z0-9_-]{20,}")) {
            throw new ConfigException(TOKEN_ENV + " does not look like a bot token (digits:letters, from @BotFather)");
        }
        URI api = apiUrl(c.apiUrl());
        Mode mode = switch (String.valueOf(c.mode())) {
            case "polling" -> Mode.POLLING;
            case "webhook" -> Mode.WEBHOOK;
            default -> throw new ConfigException("telegram.mode: 'polling' or 'webhook', not '" + c.mode() + "'");
        };
        String publicUrl = c.webhook() == null ? "" : String.valueOf(c.webhook().publicUrl() == null ? "" : c.webhook().publicUrl());
        String path = c.webhook() == null || c.webhook().path() == null ? "/telegram/webhook" : c.webhook().path();
        if (!path.matches("/[A-Za-z0-9/_-]{1,100}")) {
            throw new ConfigException("telegram.webhook.path: a path such as /telegram/webhook, not '" + path + "'");
        }
        if (mode == Mode.WEBHOOK && !publicUrl.matches("https?://\\S+")) {
            throw new ConfigException("telegram.webhook.publicUrl: webhook mode needs the https address Telegram "
                    + "reaches this server at, e.g. https://bot.example.com");
        }
        String secret = env.get(WEBHOOK_SECRET_ENV);
        if (secret == null || secret.isBlank()) {
            // Set with setWebhook at every start, so a fresh random secret per start is as good as a configured one.
            secret = randomSecret();
        } else if (!secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new ConfigException(WEBHOOK_SECRET_ENV + ": 1-256 characters A-Z, a-z, 0-9, _ and - (Telegram's rule)");
        }
        int timeout = c.pollTimeoutSeconds() == null ? 50 : c.pollTimeoutSeconds();
        if (timeout < 1 || timeout > 100) {
            // 0 would make telegrambots poll back to back without pause
            throw new ConfigException("telegram.pollTimeoutSeconds: 1 to 100, not " + timeout);
        }
        int mb = c.maxAttachmentMb() == null ? 10 : c.maxAttachmentMb();
        if (mb < 1 || mb > 2000) {
            throw new ConfigException("telegram.maxAttachmentMb: 1 to 2000, not " + mb);
        }
        var l = c.limits();
        var defaults = SendLimiter.Limits.telegramDefaults();
        var limits = l == null ? defaults : new SendLimiter.Limits(
                positive(l.perBotPerSecond(), defaults.perBotPerSecond(), "perBotPerSecond"),
                burst(l.perBotBurst(), defaults.botBurst(), "perBotBurst"),
                positive(l.perChatPerSecond(), defaults.perChatPerSecond(), "perChatPerSecond"),
                burst(l.perChatBurst(), defaults.chatBurst(), "perChatBurst"),
                positive(l.perGroupPerMinute(), defaults.perGroupPerMinute(), "perGroupPerMinute"),
                burst(l.perGroupBurst(), defaults.groupBurst(), "perGroupBurst"));
        return Optional.of(new TelegramSettings(token.strip(), api, mode, timeout, publicUrl, path, secret, c.staffChatId(),
                c.supervisorChatId(), mb * 1024L * 1024L, limits));
    }

    private static double positive(Double v, double fallback, String key) {
        if (v == null) {
            return fallback;
        }
        if (!(v > 0) || v.isInfinite()) {
            throw new ConfigException("telegram.limits." + key + ": must be a number above 0, not " + v);
        }
        return v;
    }

    private static int burst(Integer v, int fallback, String key) {
        if (v == null) {
            return fallback;
        }
        // Far above anything Telegram tolerates, and low enough that burst × interval cannot overflow the clock.
        if (v < 1 || v > 1000) {
            throw new ConfigException("telegram.limits." + key + ": 1 to 1000 (1 means no burst), not " + v);
        }
        return v;
    }

    static URI apiUrl(String raw) {
        String value = raw == null || raw.isBlank() ? "https://api.telegram.org" : raw.strip();
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("telegram.apiUrl: not a URL: '" + value + "'");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new ConfigException("telegram.apiUrl: scheme, host and optional port only, such as "
                    + "https://api.telegram.org or http://127.0.0.1:8081, not '" + value + "'");
        }
        return uri;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public Duration pollTimeout() {
        return Duration.ofSeconds(pollTimeoutSeconds);
    }

    public String webhookUrl() {
        String base = webhookPublicUrl.endsWith("/") ? webhookPublicUrl.substring(0, webhookPublicUrl.length() - 1)
                : webhookPublicUrl;
        return base + webhookPath;
    }

    @Override
    public String toString() {
        return "TelegramSettings[apiUrl=" + apiUrl + ", mode=" + mode + ", staffChatId=" + staffChatId + "]";
    }
}
