package supportbot.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.channel.telegram.TelegramSettings;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/** The Telegram token (getMe), the webhook (getWebhookInfo) and this machine's clock against Telegram's. */
final class TelegramChecks {
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    /** The checks, and Telegram's clock reading when a call succeeded. */
    record Result(List<Check> checks, Optional<ClockReading> clock) {
    }

    record ClockReading(String source, Instant server, Instant local) {
    }

    private final HttpProbe http;

    TelegramChecks(HttpProbe http) {
        this.http = http;
    }

    Result run(AppConfig.Telegram config, Map<String, String> env) {
        Optional<TelegramSettings> maybe;
        try {
            maybe = TelegramSettings.from(config, env);
        } catch (ConfigException e) {
            return new Result(List.of(Check.fail("telegram", e.getMessage(), "fix the setting or the environment "
                    + "variable named above")), Optional.empty());
        }
        if (maybe.isEmpty()) {
            return new Result(List.of(Check.skip("telegram", TelegramSettings.TOKEN_ENV + " is not set: Telegram is off"),
                    Check.skip("webhook", "Telegram is off")), Optional.empty());
        }
        TelegramSettings s = maybe.get();
        var checks = new ArrayList<Check>();
        HttpProbe.Reply me;
        try {
            me = call(s, "getMe");
        } catch (IOException e) {
            checks.add(Check.fail("telegram", "cannot reach " + s.apiUrl() + ": " + redact(HttpProbe.why(e), s),
                    "check the network, a proxy or firewall, and telegram.apiUrl"));
            checks.add(Check.skip("webhook", "Telegram not reachable"));
            return new Result(checks, Optional.empty());
        }
        Optional<ClockReading> clock = me.serverDate().map(d -> new ClockReading("Telegram", d, me.localMidpoint()));
        if (me.status() == 401 || me.status() == 404) {
            checks.add(Check.fail("telegram", "token rejected by " + s.apiUrl() + " (HTTP " + me.status() + " "
                    + redact(me.body().path("description").asText(""), s) + ")",
                    "check " + TelegramSettings.TOKEN_ENV + ": copy it again from @BotFather (/token)"));
            checks.add(Check.skip("webhook", "token rejected"));
            return new Result(checks, clock);
        }
        if (me.status() != 200 || !me.body().path("ok").asBoolean(false)) {
            checks.add(Check.fail("telegram", s.apiUrl() + " answered getMe with HTTP " + me.status() + " "
                    + redact(me.body().path("description").asText(""), s), "try again later; if it persists, check "
                    + "telegram.apiUrl"));
            checks.add(Check.skip("webhook", "getMe failed"));
            return new Result(checks, clock);
        }
        JsonNode user = me.body().path("result");
        checks.add(Check.ok("telegram", "token accepted: @" + user.path("username").asText("?") + " (id "
                + user.path("id").asText("?") + ") via " + s.apiUrl() + ", " + s.mode().name().toLowerCase() + " mode"));
        checks.add(s.mode() == TelegramSettings.Mode.WEBHOOK ? webhook(s)
                : Check.skip("webhook", "polling mode: no webhook needed (the bot removes any at start)"));
        return new Result(checks, clock);
    }

    private Check webhook(TelegramSettings s) {
        HttpProbe.Reply info;
        try {
            info = call(s, "getWebhookInfo");
        } catch (IOException e) {
            return Check.fail("webhook", "getWebhookInfo failed: " + redact(HttpProbe.why(e), s), "try again");
        }
        JsonNode r = info.body().path("result");
        if (info.status() != 200 || r.isMissingNode()) {
            return Check.fail("webhook", "getWebhookInfo answered HTTP " + info.status(), "try again");
        }
        String actual = r.path("url").asText("");
        String expected = s.webhookUrl();
        if (actual.isEmpty()) {
            return Check.warn("webhook", "no webhook is set; the bot sets " + expected + " when it starts",
                    "start the bot; if it is running, its setWebhook call failed: see its log");
        }
        String lastError = r.path("last_error_message").asText("");
        if (!actual.equals(expected)) {
            return Check.fail("webhook", "Telegram delivers to " + actual + " but the config says " + expected
                    + (lastError.isEmpty() ? "" : " (its last error: " + lastError + ")"),
                    "fix telegram.webhook.publicUrl / path, or restart the bot to set it; a URL you do not know "
                            + "means another deployment uses this token");
        }
        int pending = r.path("pending_update_count").asInt(0);
        if (!lastError.isEmpty()) {
            long when = r.path("last_error_date").asLong(0);
            String ago = when == 0 ? "" : " (" + Duration.between(Instant.ofEpochSecond(when), Instant.now()).toMinutes()
                    + " min ago)";
            return Check.warn("webhook", expected + " is set, but Telegram's last delivery failed" + ago + ": "
                    + lastError + "; " + pending + " updates waiting",
                    "Telegram must reach that URL over https: check DNS, the TLS certificate and the reverse proxy");
        }
        return Check.ok("webhook", expected + " is set; " + pending + " updates waiting");
    }

    private HttpProbe.Reply call(TelegramSettings s, String method) throws IOException {
        return http.get(URI.create(s.apiUrl() + "/bot" + s.token() + "/" + method), Map.of());
    }

    /** The token is part of every Bot API URL: nothing that might echo the URL is printed with it in. */
    private static String redact(String text, TelegramSettings s) {
        return text == null ? "" : text.replace(s.token(), "<token>");
    }

    static Check clock(Optional<ClockReading> reading) {
        if (reading.isEmpty()) {
            return Check.skip("clock", "no API answered with a Date header to compare with");
        }
        ClockReading r = reading.get();
        // The Date header has whole seconds: up to a second of difference is rounding.
        long skewMillis = Duration.between(r.server(), r.local()).toMillis();
        String direction = skewMillis > 0 ? "ahead of" : "behind";
        String detail = "this machine is " + Math.abs(skewMillis) / 1000 + " s " + direction + " " + r.source()
                + "'s clock";
        if (Math.abs(skewMillis) > CLOCK_TOLERANCE.toMillis() + 1000) {
            return Check.warn("clock", detail, "turn on time sync (timedatectl set-ntp true): SLA timers, ticket "
                    + "times and Telegram's webhook dates go wrong");
        }
        return Check.ok("clock", Math.abs(skewMillis) < 2000 ? "in step with " + r.source() + "'s clock" : detail);
    }
}
