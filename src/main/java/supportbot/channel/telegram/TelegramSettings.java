package supportbot.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/**
 * The Telegram connector's settings, checked. The token comes only from the environment and is never
 * printed: {@link #toString()} leaves it out.
 *
 * @param webhookSecret the operator's {@code TELEGRAM_WEBHOOK_SECRET}; null when the store keeps one instead
 */
public record TelegramSettings(String token, URI apiUrl, Mode mode, int pollTimeoutSeconds, String webhookPublicUrl,
                               String webhookPath, String webhookSecret, Long staffChatId, Long supervisorChatId,
                               long maxAttachmentBytes, SendLimiter.Limits limits, UpdateRetry retry,
                               List<String> newTicketMention) {
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{4,31}");
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
            // Instances behind one load balancer need one secret: the connector takes it from the store (WebhookSecret).
            secret = null;
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
                c.supervisorChatId(), mb * 1024L * 1024L, limits, UpdateRetry.from(c.retry()), mentions(c.newTicketMention())));
    }

    /** "@team", "team", or a list of them, as "@name"s; anything else is refused rather than posted as noise. */
    static List<String> mentions(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        var out = new java.util.ArrayList<String>();
        for (Object item : items) {
            String name = String.valueOf(item).strip();
            if (!USERNAME.matcher(name).matches()) {
                throw new ConfigException("telegram.newTicketMention: Telegram usernames such as \"@support_team\" "
                        + "(5 to 32 letters, digits or _), not '" + name + "'");
            }
            out.add(name.startsWith("@") ? name : "@" + name);
        }
        return List.copyOf(out);
    }

    /** Bounded retries for one update: {@code attempts} tries in all, waits doubling from {@code first} up to {@code max}. */
    public record UpdateRetry(int attempts, Duration first, Duration max) {
        static UpdateRetry defaults() {
            return new UpdateRetry(5, Duration.ofMillis(500), Duration.ofSeconds(30));
        }

        static UpdateRetry from(AppConfig.Retry r) {
            var d = defaults();
            if (r == null) {
                return d;
            }
            int attempts = r.attempts() == null ? d.attempts() : r.attempts();
            if (attempts < 1 || attempts > 100) {
                throw new ConfigException("telegram.retry.attempts: 1 to 100 tries per update, not " + attempts);
            }
            long first = r.firstBackoffMs() == null ? d.first().toMillis() : r.firstBackoffMs();
            long max = r.maxBackoffMs() == null ? d.max().toMillis() : r.maxBackoffMs();
            if (first < 1 || max < first || max > 600_000) {
                throw new ConfigException("telegram.retry: firstBackoffMs at least 1 and maxBackoffMs from it to 600000, not "
                        + first + " and " + max);
            }
            return new UpdateRetry(attempts, Duration.ofMillis(first), Duration.ofMillis(max));
        }

        /** The wait after the {@code tries}-th failed try. */
        Duration backoffAfter(int tries) {
            long ms = first.toMillis() << Math.min(20, Math.max(0, tries - 1));
            return Duration.ofMillis(Math.min(max.toMillis(), ms));
        }
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
