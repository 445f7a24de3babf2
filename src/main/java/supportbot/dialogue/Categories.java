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
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;

/** The problem categories from config/categories.yaml, in file order (first match wins). */
public final class Categories {
    public static final String OTHER = "other";
    private final Map<String, Category> byId;

    private Categories(Map<String, Category> byId) {
        this.byId = byId;
    }

    public static Categories load(Path file) {
        JsonNode root = YamlFiles.read(file);
        JsonNode list = root == null ? null : root.get("categories");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ConfigException(file + ": expected a non-empty list under 'categories'");
        }
        var byId = new LinkedHashMap<String, Category>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": categories[" + i + "]";
            Category c = parse(list.get(i), where);
            if (byId.put(c.id(), c) != null) {
                throw new ConfigException(where + ": duplicate id '" + c.id() + "'");
            }
        }
        if (!byId.containsKey(OTHER)) {
            throw new ConfigException(file + ": a category with id 'other' is required (the fallback)");
        }
        return new Categories(byId);
    }

    private static Category parse(JsonNode node, String where) {
        String id = text(node, "id", where);
        var names = new EnumMap<Lang, String>(Lang.class);
        var keywords = new EnumMap<Lang, List<Pattern>>(Lang.class);
        for (Lang lang : Lang.values()) {
            names.put(lang, text(node.path("name"), lang.code(), where + ".name"));
            var patterns = new ArrayList<Pattern>();
            for (JsonNode k : node.path("keywords").path(lang.code())) {
                try {
                    patterns.add(Pattern.compile(k.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(where + ".keywords." + lang.code() + ": invalid regular expression '"
                            + k.asText() + "': " + e.getDescription());
                }
            }
            keywords.put(lang, patterns);
        }
        int priority = node.path("priority").asInt(3);
        if (priority < 1 || priority > 4) {
            throw new ConfigException(where + ".priority: must be 1 (highest) to 4, was " + priority);
        }
        List<DetailType> required = details(node.path("required"), where + ".required");
        if (required.isEmpty()) {
            throw new ConfigException(where + ".required: list at least one detail (e.g. description)");
        }
        var faqTopics = new ArrayList<String>();
        node.path("faqTopics").forEach(t -> faqTopics.add(t.asText()));
        return new Category(id, names, priority, node.path("urgent").asBoolean(false), keywords, required,
                details(node.path("optional"), where + ".optional"), faqTopics);
    }

    private static List<DetailType> details(JsonNode list, String where) {
        var out = new ArrayList<DetailType>();
        for (JsonNode d : list) {
            out.add(DetailType.fromKey(d.asText()).orElseThrow(() -> new ConfigException(where + ": unknown detail '"
                    + d.asText() + "' (known: account, description, time, device, tx_hash, chain, coin, amount, address, screenshot)")));
        }
        return out;
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || v.asText().isBlank()) {
            throw new ConfigException(where + ": '" + key + "' is missing");
        }
        return v.asText();
    }

    public Optional<Category> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Category other() {
        return byId.get(OTHER);
    }

    public List<Category> all() {
        return List.copyOf(byId.values());
    }

    /** The first category whose keywords appear in {@code text}, read in its {@link supportbot.text.Reading} form. */
    public Optional<Category> reportedIn(String text) {
        String read = supportbot.text.Reading.of(text);
        return byId.values().stream().filter(c -> c.mentionedIn(read)).findFirst();
    }

    /** The first category that offers this FAQ topic before a ticket: the problem that topic answers. */
    public Optional<Category> offering(String faqTopic) {
        return byId.values().stream().filter(c -> c.faqTopics().contains(faqTopic)).findFirst();
    }

    /** Checks that every FAQ topic a category names exists, so a renamed topic is caught at start. */
    public void requireFaqTopics(java.util.function.Predicate<String> exists, Path file) {
        for (Category c : byId.values()) {
            for (String topic : c.faqTopics()) {
                if (!exists.test(topic)) {
                    throw new ConfigException(file + ": category '" + c.id() + "' names FAQ topic '" + topic
                            + "' which is not in the FAQ");
                }
            }
        }
    }
}
