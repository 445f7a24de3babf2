package supportbot.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import supportbot.config.ConfigException;
import supportbot.config.YamlFiles;

/** Recognises intents by the patterns in config/intents.yaml; the first intent (in file order) that matches wins. */
public final class IntentClassifier {
    private final Map<Intent, List<Pattern>> patterns;

    private IntentClassifier(Map<Intent, List<Pattern>> patterns) {
        this.patterns = patterns;
    }

    public static IntentClassifier load(Path file) {
        JsonNode root = YamlFiles.read(file);
        JsonNode intents = root == null ? null : root.get("intents");
        if (intents == null || !intents.isObject()) {
            throw new ConfigException(file + ": expected a map under 'intents'");
        }
        var byIntent = new LinkedHashMap<Intent, List<Pattern>>();
        intents.fields().forEachRemaining(field -> {
            Intent intent = java.util.Arrays.stream(Intent.values()).filter(i -> i.configKey().equals(field.getKey()))
                    .findFirst().orElseThrow(() -> new ConfigException(file + ": unknown intent '" + field.getKey()
                            + "' (known: " + java.util.Arrays.stream(Intent.values()).map(Intent::configKey).toList() + ")"));
            var list = new ArrayList<Pattern>();
            field.getValue().fields().forEachRemaining(lang -> lang.getValue().forEach(p -> {
                try {
                    list.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(file + ": intents." + field.getKey() + "." + lang.getKey()
                            + ": invalid regular expression '" + p.asText() + "': " + e.getDescription());
                }
            }));
            byIntent.put(intent, list);
        });
        return new IntentClassifier(byIntent);
    }

    public Optional<Intent> classify(String text) {
        String t = text.strip();
        for (var e : patterns.entrySet()) {
            for (Pattern p : e.getValue()) {
                if (p.matcher(t).find()) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    public boolean matches(Intent intent, String text) {
        return patterns.getOrDefault(intent, List.of()).stream().anyMatch(p -> p.matcher(text.strip()).find());
    }
}
