package supportbot.cli.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;
import supportbot.config.ConfigLoader;
import supportbot.desk.ConfiguredAgents;
import supportbot.desk.DeskSettingsLoader;
import supportbot.dialogue.DialogueData;
import supportbot.safety.GuardSettings;
import supportbot.faq.FaqCatalog;
import supportbot.faq.FaqLoadException;
import supportbot.faq.FaqSources;
import supportbot.faq.Lang;

/** The config file and everything start-up validates from it, then the FAQ it points to. */
final class ConfigChecks {
    /** What the config check leaves for the others: the config, or null when it did not load. */
    record Loaded(Check check, AppConfig config, DialogueData dialogue) {
    }

    private ConfigChecks() {
    }

    static Loaded config(Path file) {
        String source = Files.exists(file) ? file.toString() : file.equals(ConfigLoader.DEFAULT_FILE)
                ? "built-in defaults (no " + file + ")" : file.toString();
        AppConfig config;
        try {
            config = new ConfigLoader().load(file);
        } catch (ConfigException e) {
            return new Loaded(Check.fail("config", e.getMessage(),
                    "fix the key named above; every key is documented in README, \"Configuration\""), null, null);
        }
        var problems = new ArrayList<String>();
        attempt(problems, () -> ConfiguredAgents.of(config));
        attempt(problems, () -> GuardSettings.of(config.safety()));
        attempt(problems, () -> config.searchSettings());
        attempt(problems, () -> Lang.parse(config.dialogue().defaultLanguage()).orElseThrow(() -> new ConfigException(
                "dialogue.defaultLanguage: use zh or en, not '" + config.dialogue().defaultLanguage() + "'")));
        DialogueData dialogue = attempt(problems, () -> DialogueData.load(config.dialogueDir()));
        attempt(problems, () -> new DeskSettingsLoader().load(config.dialogueDir().resolve("desk.yaml")));
        if (!problems.isEmpty()) {
            return new Loaded(Check.fail("config", String.join("; ", problems),
                    "fix what is named above; start-up would stop on the same error"), config, dialogue);
        }
        return new Loaded(Check.ok("config", source + " is valid (messages, categories, desk settings in "
                + config.dialogueDir() + ")"), config, dialogue);
    }

    /** @return the value, or null with the problem added */
    private static <T> T attempt(List<String> problems, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigException | IllegalArgumentException | java.io.UncheckedIOException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    static Check faq(Path location, DialogueData dialogue) {
        FaqCatalog catalog;
        try {
            catalog = FaqSources.load(location);
        } catch (FaqLoadException e) {
            return Check.fail("faq", e.getMessage(), "fix the file and line named above; `support-bot index` shows the "
                    + "same error");
        } catch (RuntimeException e) {
            return Check.fail("faq", location + ": " + e.getMessage(), "check faq.dir and the files in it");
        }
        String counts = catalog.size() + " topics (" + catalog.countIn(Lang.ZH) + " in zh, " + catalog.countIn(Lang.EN)
                + " in en) from " + location;
        if (dialogue != null) {
            try {
                dialogue.categories().requireFaqTopics(id -> catalog.get(id).isPresent(), Path.of("categories.yaml"));
            } catch (ConfigException e) {
                return Check.fail("faq", counts + "; " + e.getMessage(), "add the topic or remove it from categories.yaml");
            }
        }
        if (catalog.size() == 0) {
            return Check.fail("faq", "no topics in " + location, "point faq.dir at the FAQ (README, \"FAQ format\")");
        }
        for (Lang lang : Lang.values()) {
            if (catalog.countIn(lang) == 0) {
                return Check.warn("faq", counts, "no topic has " + lang.code() + " text: those users get no FAQ answers");
            }
        }
        return Check.ok("faq", counts);
    }
}
