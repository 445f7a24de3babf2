package supportbot.faq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the import format: one JSON object per line,
 * {@code {"id","question","answer","alternates"?,"lang"?}}. Entries in one language only are fine here: a
 * user's own FAQ need not be bilingual.
 */
public final class FaqJsonlLoader {
    private final ObjectMapper json = new ObjectMapper();

    public FaqCatalog load(Path file) {
        var entries = new ArrayList<FaqEntry>();
        forEachLine(file, (node, line) -> entries.add(entry(node, file, line)));
        return new FaqCatalog(entries);
    }

    public List<LabelledQuery> loadQueries(Path file) {
        var queries = new ArrayList<LabelledQuery>();
        forEachLine(file, (node, line) -> queries.add(new LabelledQuery(
                text(node, "query", file, line), text(node, "expected", file, line))));
        return queries;
    }

    private interface LineHandler {
        void accept(JsonNode node, int line);
    }

    private void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String raw;
            int line = 0;
            while ((raw = reader.readLine()) != null) {
                line++;
                if (raw.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(raw);
                } catch (JsonProcessingException e) {
                    throw new FaqLoadException(file.toString(), line, "invalid JSON: " + e.getOriginalMessage(), e);
                }
                if (!node.isObject()) {
                    throw new FaqLoadException(file.toString(), line, "expected a JSON object");
                }
                handler.accept(node, line);
            }
        } catch (IOException e) {
            throw new FaqLoadException(file.toString(), -1, "cannot read: " + e.getMessage(), e);
        }
    }

    private static FaqEntry entry(JsonNode node, Path file, int line) {
        String id = text(node, "id", file, line);
        String question = text(node, "question", file, line);
        String answer = text(node, "answer", file, line);
        var alternates = new ArrayList<String>();
        JsonNode alts = node.get("alternates");
        if (alts != null && !alts.isNull()) {
            if (!alts.isArray()) {
                throw new FaqLoadException(file.toString(), line, "'alternates' must be a list of strings");
            }
            alts.forEach(a -> alternates.add(a.asText()));
        }
        JsonNode langNode = node.get("lang");
        Lang lang = langNode == null || langNode.isNull()
                ? LanguageDetector.detect(question)
                : Lang.parse(langNode.asText()).orElseThrow(() -> new FaqLoadException(file.toString(), line,
                        "unknown lang '" + langNode.asText() + "' (use \"en\" or \"zh\")"));
        return new FaqEntry(id, "imported", List.of(), Map.of(lang, new LocalizedFaq(question, alternates, answer)),
                file + ":" + line);
    }

    private static String text(JsonNode node, String key, Path file, int line) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new FaqLoadException(file.toString(), line, "'" + key + "' is missing or empty");
        }
        return v.asText();
    }
}
