package supportbot.faq;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One FAQ topic in every language it has. {@code source} says where it was loaded from, for error messages. */
public record FaqEntry(String id, String category, List<String> tags, Map<Lang, LocalizedFaq> texts, String source) {
    public FaqEntry {
        tags = List.copyOf(tags);
        texts = texts.isEmpty() ? Map.of() : new EnumMap<>(texts);
    }

    public Optional<LocalizedFaq> in(Lang lang) {
        return Optional.ofNullable(texts.get(lang));
    }

    /** The text for {@code lang}, or the other language when this topic has only one. */
    public LocalizedFaq preferring(Lang lang) {
        LocalizedFaq text = texts.get(lang);
        return text != null ? text : texts.values().iterator().next();
    }

    public FaqEntry withExtraAlternates(Lang lang, List<String> extra) {
        var copy = new EnumMap<Lang, LocalizedFaq>(texts);
        LocalizedFaq base = copy.get(lang);
        if (base == null) {
            LocalizedFaq other = preferring(lang);
            base = new LocalizedFaq(extra.get(0), List.of(), other.answer());
            extra = extra.subList(1, extra.size());
        }
        var alternates = new java.util.ArrayList<>(base.alternates());
        alternates.addAll(extra);
        copy.put(lang, new LocalizedFaq(base.question(), alternates, base.answer()));
        return new FaqEntry(id, category, tags, copy, source);
    }
}
