package supportbot.faq;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code faq-data/}: one YAML file per topic (schema in docs/configuration.md, "FAQ files"). Any problem in any file
 * fails the whole load, so a half-broken FAQ is never served.
 */
public final class FaqYamlLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> TOP_KEYS = Set.of("id", "category", "tags", "zh", "en");
    private static final Set<String> LANG_KEYS = Set.of("question", "alternates", "answer");

    private final ObjectMapper yaml = new ObjectMapper(
            YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    public FaqCatalog loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FaqLoadException(dir.toString(), -1, "FAQ directory does not exist");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(FaqYamlLoader::isFaqFile).sorted().toList();
        } catch (IOException e) {
            throw new FaqLoadException(dir.toString(), -1, "cannot list FAQ files: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new FaqLoadException(dir.toString(), -1, "no FAQ files (*.yaml) found");
        }
        var entries = new ArrayList<FaqEntry>();
        for (Path file : files) {
            entries.add(loadFile(file));
        }
        return new FaqCatalog(entries);
    }

    static boolean isFaqFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    public FaqEntry loadFile(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new FaqLoadException(source, line, "YAML error: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FaqLoadException(source, -1, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FaqLoadException(source, -1, "expected a mapping with keys id, category, zh, en");
        }
        rejectUnknownKeys(root, TOP_KEYS, "", source);
        String id = requiredText(root, "id", "", source);
        if (!ID.matcher(id).matches()) {
            throw new FaqLoadException(source, -1, "id '" + id + "' must be lowercase letters, digits and '-'");
        }
        String category = requiredText(root, "category", "", source);
        var texts = new EnumMap<Lang, LocalizedFaq>(Lang.class);
        for (Lang lang : Lang.values()) {
            JsonNode node = root.get(lang.code());
            if (node == null || node.isNull()) {
                throw new FaqLoadException(source, -1, "missing language '" + lang.code()
                        + "': every topic needs both zh and en (question, alternates, answer)");
            }
            texts.put(lang, localized(node, lang.code() + ".", source));
        }
        return new FaqEntry(id, category, stringList(root.get("tags"), "tags", source), texts, source);
    }

    private LocalizedFaq localized(JsonNode node, String path, String source) {
        if (!node.isObject()) {
            throw new FaqLoadException(source, -1, "'" + path.substring(0, path.length() - 1)
                    + "' must be a mapping with question, alternates, answer");
        }
        rejectUnknownKeys(node, LANG_KEYS, path, source);
        String question = requiredText(node, "question", path, source);
        String answer = requiredText(node, "answer", path, source);
        List<String> alternates = stringList(node.get("alternates"), path + "alternates", source);
        return new LocalizedFaq(question, alternates, answer.strip());
    }

    private static void rejectUnknownKeys(JsonNode node, Set<String> allowed, String path, String source) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new FaqLoadException(source, -1, "unknown key '" + path + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String requiredText(JsonNode node, String key, String path, String source) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new FaqLoadException(source, -1, "'" + path + key + "' is missing or empty");
        }
        return value.asText().strip();
    }

    private static List<String> stringList(JsonNode node, String path, String source) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new FaqLoadException(source, -1, "'" + path + "' must be a list");
        }
        var out = new ArrayList<String>();
        for (JsonNode item : node) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new FaqLoadException(source, -1, "'" + path + "' has an empty or non-text item");
            }
            out.add(item.asText().strip());
        }
        return out;
    }
}
