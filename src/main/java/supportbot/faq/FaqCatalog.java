package supportbot.faq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated set of FAQ topics keyed by id. */
public final class FaqCatalog {
    private final Map<String, FaqEntry> byId;

    public FaqCatalog(Collection<FaqEntry> entries) {
        var map = new LinkedHashMap<String, FaqEntry>();
        for (FaqEntry e : entries) {
            FaqEntry previous = map.putIfAbsent(e.id(), e);
            if (previous != null) {
                throw new FaqLoadException(e.source(), -1,
                        "duplicate id '" + e.id() + "' (already defined in " + previous.source() + ")");
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    public List<FaqEntry> entries() {
        return List.copyOf(byId.values());
    }

    public Optional<FaqEntry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    public long countIn(Lang lang) {
        return byId.values().stream().filter(e -> e.texts().containsKey(lang)).count();
    }

    /** Adds labelled example queries to their entries' alternates, as {@code eval --examples} asks. */
    public FaqCatalog withExamples(List<LabelledQuery> examples) {
        var grouped = new LinkedHashMap<String, Map<Lang, List<String>>>();
        for (LabelledQuery q : examples) {
            if (!byId.containsKey(q.expected())) {
                throw new IllegalArgumentException("example names unknown FAQ id '" + q.expected() + "': " + q.query());
            }
            grouped.computeIfAbsent(q.expected(), k -> new java.util.EnumMap<>(Lang.class))
                    .computeIfAbsent(LanguageDetector.detect(q.query()), k -> new ArrayList<>())
                    .add(q.query());
        }
        var updated = new ArrayList<FaqEntry>();
        for (FaqEntry e : byId.values()) {
            FaqEntry current = e;
            for (var byLang : grouped.getOrDefault(e.id(), Map.of()).entrySet()) {
                current = current.withExtraAlternates(byLang.getKey(), byLang.getValue());
            }
            updated.add(current);
        }
        return new FaqCatalog(updated);
    }
}
