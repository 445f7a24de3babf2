package supportbot.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import supportbot.config.ConfigException;
import supportbot.config.YamlFiles;
import supportbot.faq.Lang;

/**
 * User-facing texts, one set per language, from {@code config/messages/*.<lang>.yaml} (flat maps of key to
 * text with {placeholders}). Both languages must define the same keys, so no user ever sees a missing text.
 */
public final class Messages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");
    private final Map<Lang, Map<String, String>> texts;

    private Messages(Map<Lang, Map<String, String>> texts) {
        this.texts = texts;
    }

    public static Messages load(Path dir) {
        var byLang = new EnumMap<Lang, Map<String, String>>(Lang.class);
        for (Lang lang : Lang.values()) {
            byLang.put(lang, new HashMap<>());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                for (Lang lang : Lang.values()) {
                    if (name.endsWith("." + lang.code() + ".yaml")) {
                        readInto(file, byLang.get(lang));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException(dir + ": cannot read message templates: " + e.getMessage(), e);
        }
        var zhKeys = new TreeSet<>(byLang.get(Lang.ZH).keySet());
        var enKeys = new TreeSet<>(byLang.get(Lang.EN).keySet());
        if (!zhKeys.equals(enKeys)) {
            var onlyZh = new TreeSet<>(zhKeys);
            onlyZh.removeAll(enKeys);
            var onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(zhKeys);
            throw new ConfigException(dir + ": message keys differ between languages; only in zh: " + onlyZh
                    + ", only in en: " + onlyEn);
        }
        if (zhKeys.isEmpty()) {
            throw new ConfigException(dir + ": no message templates (*.zh.yaml, *.en.yaml) found");
        }
        return new Messages(byLang);
    }

    private static void readInto(Path file, Map<String, String> into) {
        JsonNode root = YamlFiles.read(file);
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": expected a map of message keys to texts");
        }
        root.fields().forEachRemaining(f -> {
            if (!f.getValue().isTextual()) {
                throw new ConfigException(file + ": key '" + f.getKey() + "' must be a text");
            }
            if (into.put(f.getKey(), f.getValue().asText()) != null) {
                throw new ConfigException(file + ": key '" + f.getKey() + "' is defined twice for this language");
            }
        });
    }

    /** The text for {@code key} with {name} placeholders filled; a missing argument stays visible as {name}. */
    public String get(Lang lang, String key, Map<String, ?> args) {
        String template = texts.get(lang).get(key);
        if (template == null) {
            throw new IllegalArgumentException("no message template '" + key + "'");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Both languages define the same keys (checked on load), so one answer holds for both. */
    public boolean has(String key) {
        return texts.get(Lang.ZH).containsKey(key);
    }

    public String get(Lang lang, String key) {
        return get(lang, key, Map.of());
    }
}
