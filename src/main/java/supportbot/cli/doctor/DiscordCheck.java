package supportbot.cli.doctor;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import supportbot.channel.discord.DiscordSettings;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/** The Discord token, with {@code GET /gateway/bot}: the call JDA makes first, and cheap. */
final class DiscordCheck {
    /** The check, and Discord's clock reading when it answered. */
    record Result(Check check, Optional<TelegramChecks.ClockReading> clock) {
    }

    private final HttpProbe http;

    DiscordCheck(HttpProbe http) {
        this.http = http;
    }

    Result run(AppConfig.Discord config, Map<String, String> env) {
        Optional<DiscordSettings> maybe;
        try {
            maybe = DiscordSettings.from(config, env);
        } catch (ConfigException e) {
            return new Result(Check.fail("discord", e.getMessage(), "fix the setting or the environment variable named "
                    + "above"), Optional.empty());
        }
        if (maybe.isEmpty()) {
            return new Result(Check.skip("discord", DiscordSettings.TOKEN_ENV + " is not set: Discord is off"),
                    Optional.empty());
        }
        DiscordSettings s = maybe.get();
        HttpProbe.Reply reply;
        try {
            reply = http.get(URI.create(s.apiUrl() + "/gateway/bot"), Map.of("Authorization", "Bot " + s.token(),
                    "User-Agent", "DiscordBot (support-bot doctor, 0.1.0)"));
        } catch (IOException e) {
            return new Result(Check.fail("discord", "cannot reach " + s.apiUrl() + ": "
                    + HttpProbe.why(e).replace(s.token(), "<token>"),
                    "check the network, a proxy or firewall, and discord.apiUrl"), Optional.empty());
        }
        var clock = reply.serverDate().map(d -> new TelegramChecks.ClockReading("Discord", d, reply.localMidpoint()));
        if (reply.status() == 401 || reply.status() == 403) {
            return new Result(Check.fail("discord", "token rejected by " + s.apiUrl() + " (HTTP " + reply.status() + ")",
                    "check " + DiscordSettings.TOKEN_ENV + ": Developer Portal → your app → Bot → Reset Token"), clock);
        }
        if (reply.status() != 200) {
            return new Result(Check.fail("discord", s.apiUrl() + "/gateway/bot answered HTTP " + reply.status(),
                    "try again later; if it persists, check discord.apiUrl"), clock);
        }
        var limit = reply.body().path("session_start_limit");
        String detail = "token accepted via " + s.apiUrl() + " (" + reply.body().path("shards").asInt(1) + " shard"
                + (limit.isMissingNode() ? "" : ", " + limit.path("remaining").asInt() + " of " + limit.path("total").asInt()
                + " session starts left today") + ")";
        if (!limit.isMissingNode() && limit.path("remaining").asInt(1) == 0) {
            return new Result(Check.fail("discord", detail, "Discord allows no more logins until the limit resets: "
                    + "stop restart loops"), clock);
        }
        return new Result(Check.ok("discord", detail), clock);
    }
}
