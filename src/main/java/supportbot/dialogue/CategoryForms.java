package supportbot.dialogue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.dialogue.details.ParseResult;
import supportbot.faq.Lang;

/**
 * A category's details as a form (a Discord modal): which fields it has, and the answers checked by the same
 * detail readers as the chat, so a form accepts exactly what the chat accepts and explains a refusal the same way.
 */
public final class CategoryForms {
    /** Discord allows five inputs in a modal; details beyond them are asked in the chat afterwards. */
    public static final int MAX_FIELDS = 5;

    /** One input: a detail, and whether the form cannot be sent without it. */
    public record Field(DetailType type, boolean required) {
    }

    /** A refused answer: its detail and the hint (message key and arguments), or no hint when it was left empty. */
    public record Problem(DetailType type, String hintKey, Map<String, String> hintArgs) {
        public boolean missing() {
            return hintKey == null;
        }
    }

    /** The details read from the answers, or what to fix; nothing counts unless {@link #ok()}. */
    public record Checked(Map<DetailType, DetailValue> values, List<Problem> problems) {
        public Checked {
            values = Map.copyOf(values);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final DialogueData data;
    private final DetailParsers parsers;

    public CategoryForms(DialogueData data, DetailParsers parsers) {
        this.data = data;
        this.parsers = parsers;
    }

    public List<Category> categories() {
        return data.categories().all();
    }

    public Optional<Category> category(String id) {
        return data.categories().get(id);
    }

    /** The text details of the category, required ones first, at most {@link #MAX_FIELDS}; a screenshot is sent in the chat. */
    public List<Field> fields(Category category) {
        var out = new ArrayList<Field>();
        category.required().stream().filter(d -> d != DetailType.SCREENSHOT).forEach(d -> out.add(new Field(d, true)));
        category.optional().stream().filter(d -> d != DetailType.SCREENSHOT).forEach(d -> out.add(new Field(d, false)));
        return out.subList(0, Math.min(MAX_FIELDS, out.size()));
    }

    /** The label users read for a detail. */
    public String label(DetailType type, Lang lang) {
        return data.messages().get(lang, "label." + type.key());
    }

    /** A problem as the user reads it: what is wrong with which field. */
    public String explain(Problem p, Lang lang, String missingKey) {
        String label = label(p.type(), lang);
        return p.missing() ? data.messages().get(lang, missingKey, Map.of("label", label))
                : label + (lang == Lang.ZH ? "：" : ": ") + data.messages().get(lang, p.hintKey(), p.hintArgs());
    }

    /**
     * Reads every answer of the category's form. Network and coin are read first, as in the chat, so an address,
     * hash or bare amount is checked against them.
     *
     * @param answers the text given per field; blank ones count as not given
     */
    public Checked check(Category category, Map<DetailType, String> answers, Lang lang, ZoneId zone) {
        var values = new EnumMap<DetailType, DetailValue>(DetailType.class);
        var problems = new ArrayList<Problem>();
        List<Field> fields = new ArrayList<>(fields(category));
        fields.sort(Comparator.comparingInt(f -> f.type() == DetailType.CHAIN || f.type() == DetailType.COIN ? 0 : 1));
        for (Field f : fields) {
            String answer = answers.getOrDefault(f.type(), "").strip();
            if (answer.isEmpty()) {
                if (f.required()) {
                    problems.add(new Problem(f.type(), null, Map.of()));
                }
                continue;
            }
            ParseResult r = parsers.parse(f.type(), answer, 0, zone, lang, values);
            if (r.ok()) {
                values.put(f.type(), r.value());
            } else {
                problems.add(new Problem(f.type(), r.hintKey(), r.hintArgs()));
            }
        }
        // Shown in the order of the form, not the order read.
        List<DetailType> order = fields(category).stream().map(Field::type).toList();
        problems.sort(Comparator.comparingInt(p -> order.indexOf(p.type())));
        return new Checked(values, problems);
    }
}
