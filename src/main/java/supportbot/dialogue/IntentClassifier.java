package supportbot.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import supportbot.config.ConfigException;
import supportbot.config.YamlFiles;
import supportbot.faq.Embedder;
import supportbot.faq.Lang;
import supportbot.text.Reading;

/**
 * Recognises intents from config/intents.yaml. The rules under {@code intents:} are high-precision overrides
 * (the first intent, in file order, with a matching pattern wins); otherwise, once {@link #withEmbedder} gave it
 * a model, the nearest labelled examples under {@code examples:} decide. Everything reads the {@link Reading}
 * form of the message, so traditional characters, full-width letters, emoji and "!!!" change nothing.
 */
public final class IntentClassifier {
    private final Map<Intent, List<Pattern>> patterns;
    private final Map<Intent, List<String>> examples;
    private final Map<Lang, IntentExamples.Thresholds> thresholds;
    private final IntentExamples nearest;
    /** "cues.question": the form of a question, whatever it asks about (a question mark, 怎么, "how", 吗 at the end). */
    private final List<Pattern> questionCues;
    /** "cues.another": words that bring up a second problem ("还有个事", "另外", "also"). */
    private final List<Pattern> anotherCues;

    private IntentClassifier(Map<Intent, List<Pattern>> patterns, Map<Intent, List<String>> examples,
                             Map<Lang, IntentExamples.Thresholds> thresholds, IntentExamples nearest,
                             List<Pattern> questionCues, List<Pattern> anotherCues) {
        this.questionCues = questionCues;
        this.anotherCues = anotherCues;
        this.patterns = patterns;
        this.examples = examples;
        this.thresholds = thresholds;
        this.nearest = nearest;
    }

    public static IntentClassifier load(Path file) {
        JsonNode root = YamlFiles.read(file);
        JsonNode intents = root == null ? null : root.get("intents");
        if (intents == null || !intents.isObject()) {
            throw new ConfigException(file + ": expected a map under 'intents'");
        }
        var byIntent = new LinkedHashMap<Intent, List<Pattern>>();
        intents.fields().forEachRemaining(field -> {
            Intent intent = intent(file, "intents", field.getKey());
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
        var examples = new EnumMap<Intent, List<String>>(Intent.class);
        root.path("examples").fields().forEachRemaining(field -> {
            Intent intent = intent(file, "examples", field.getKey());
            var list = new ArrayList<String>();
            field.getValue().fields().forEachRemaining(lang -> lang.getValue().forEach(e -> {
                if (!e.asText().isBlank()) {
                    list.add(e.asText());
                }
            }));
            examples.put(intent, list);
        });
        var thresholds = new EnumMap<Lang, IntentExamples.Thresholds>(Lang.class);
        for (Lang lang : Lang.values()) {
            JsonNode t = root.path("matching").path(lang.code());
            double score = t.path("minScore").asDouble(0.8);
            double margin = t.path("minMargin").asDouble(0.02);
            if (score <= 0 || score > 1 || margin < 0 || margin > 1) {
                throw new ConfigException(file + ": matching." + lang.code()
                        + ": minScore must be in (0, 1] and minMargin in [0, 1], were " + score + " and " + margin);
            }
            thresholds.put(lang, new IntentExamples.Thresholds(score, margin));
        }
        var questionCues = new ArrayList<Pattern>();
        root.path("cues").path("question").forEach(p -> questionCues.add(compile(file, "cues.question", p.asText())));
        if (questionCues.isEmpty()) {
            throw new ConfigException(file + ": cues.question: list the patterns that mark a question (at least one)");
        }
        var anotherCues = new ArrayList<Pattern>();
        root.path("cues").path("another").forEach(p -> anotherCues.add(compile(file, "cues.another", p.asText())));
        return new IntentClassifier(byIntent, examples, thresholds, null, List.copyOf(questionCues), List.copyOf(anotherCues));
    }

    private static Pattern compile(Path file, String where, String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(file + ": " + where + ": invalid regular expression '" + regex + "': "
                    + e.getDescription());
        }
    }

    private static Intent intent(Path file, String section, String key) {
        return Intent.fromKey(key).orElseThrow(() -> new ConfigException(file + ": " + section + ": unknown intent '"
                + key + "' (known: " + java.util.Arrays.stream(Intent.values()).map(Intent::configKey).toList() + ")"));
    }

    /** The same rules, plus the labelled examples embedded with {@code embedder} (done here, once). */
    public IntentClassifier withEmbedder(Embedder embedder) {
        return new IntentClassifier(patterns, examples, thresholds, new IntentExamples(embedder, examples, thresholds), questionCues,
                anotherCues);
    }

    /** Another example set and thresholds: for calibrating on a held-back part of the examples. */
    IntentClassifier withExamples(Embedder embedder, Map<Intent, List<String>> chosen, Map<Lang, IntentExamples.Thresholds> t) {
        return new IntentClassifier(patterns, chosen, t, new IntentExamples(embedder, chosen, t), questionCues, anotherCues);
    }

    Map<Intent, List<String>> examples() {
        return examples;
    }

    Map<Lang, IntentExamples.Thresholds> thresholds() {
        return thresholds;
    }

    public Optional<Intent> classify(String text) {
        return read(text).map(IntentMatch::intent);
    }

    /** The rules first, then the nearest examples (when an embedder was given). */
    public Optional<IntentMatch> read(String text) {
        String read = Reading.of(text);
        Optional<IntentMatch> rule = byRules(read);
        if (rule.isPresent() || nearest == null) {
            return rule;
        }
        return nearest.classify(read);
    }

    /** The rules alone: cheap, no embedding, for messages that are most likely a detail being answered. */
    public Optional<IntentMatch> readByRules(String text) {
        return byRules(Reading.of(text));
    }

    /** The examples alone, before threshold and margin: for calibration and diagnostics. */
    Optional<IntentMatch> nearestExamples(String text) {
        return nearest == null ? Optional.empty() : nearest.nearest(Reading.of(text));
    }

    private Optional<IntentMatch> byRules(String read) {
        for (var e : patterns.entrySet()) {
            for (Pattern p : e.getValue()) {
                if (p.matcher(read).find()) {
                    return Optional.of(IntentMatch.rule(e.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    public boolean matches(Intent intent, String text) {
        String read = Reading.of(text);
        return patterns.getOrDefault(intent, List.of()).stream().anyMatch(p -> p.matcher(read).find());
    }

    /** Whether the message has the form of a question (config cues.question), read in its normalised form. */
    public boolean question(String text) {
        String read = Reading.of(text);
        return questionCues.stream().anyMatch(p -> p.matcher(read).find());
    }

    /** Whether the message brings up a second problem (config cues.another), read in its normalised form. */
    public boolean anotherProblem(String text) {
        String read = Reading.of(text);
        return anotherCues.stream().anyMatch(p -> p.matcher(read).find());
    }
}
