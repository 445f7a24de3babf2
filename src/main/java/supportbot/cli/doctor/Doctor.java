package supportbot.cli.doctor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every check an operator would otherwise find out about one start-up failure at a time, and reports
 * them on one screen. Checks that need the config are skipped, not failed, when the config does not load.
 */
public final class Doctor {
    private final Map<String, String> env;
    private final HttpProbe http;

    /** @param timeout how long each API call may take */
    public Doctor(Map<String, String> env, Duration timeout) {
        this(env, timeout, java.time.Clock.systemUTC());
    }

    /** @param clock this machine's clock, as compared with the APIs' Date headers */
    Doctor(Map<String, String> env, Duration timeout, java.time.Clock clock) {
        this.env = env;
        this.http = new HttpProbe(timeout, clock);
    }

    /** @param faqOverride the FAQ to check instead of faq.dir; null for faq.dir */
    public List<Check> run(Path configFile, Path faqOverride) {
        var checks = new ArrayList<Check>();
        ConfigChecks.Loaded loaded = ConfigChecks.config(configFile);
        checks.add(loaded.check());
        if (loaded.config() == null) {
            for (String name : List.of("faq", "data dir", "telegram", "webhook", "discord", "clock")) {
                checks.add(Check.skip(name, "needs a config that loads"));
            }
            return checks;
        }
        var config = loaded.config();
        checks.add(ConfigChecks.faq(faqOverride != null ? faqOverride : config.faqDir(), loaded.dialogue()));
        checks.add(DataDirCheck.check(config.dataDir()));
        TelegramChecks.Result telegram = new TelegramChecks(http).run(config.telegram(), env);
        checks.addAll(telegram.checks());
        DiscordCheck.Result discord = new DiscordCheck(http).run(config.discord(), env);
        checks.add(discord.check());
        checks.add(TelegramChecks.clock(telegram.clock().or(discord::clock)));
        return checks;
    }

    /** A line per check, a hint under each problem, a summary; true when nothing failed. */
    public static boolean print(List<Check> checks, PrintStream out) {
        int failures = 0;
        int warnings = 0;
        for (Check c : checks) {
            out.printf("%-4s  %-9s %s%n", c.status(), c.name(), c.detail());
            if (!c.hint().isEmpty() && (c.status() == Check.Status.FAIL || c.status() == Check.Status.WARN)) {
                out.printf("%-16s→ %s%n", "", c.hint());
            }
            failures += c.status() == Check.Status.FAIL ? 1 : 0;
            warnings += c.status() == Check.Status.WARN ? 1 : 0;
        }
        out.println();
        out.println(failures == 0 && warnings == 0 ? "All checks passed."
                : failures + " failed, " + warnings + " warning" + (warnings == 1 ? "" : "s") + ".");
        return failures == 0;
    }
}
