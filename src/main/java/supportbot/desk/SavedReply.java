package supportbot.desk;

import java.util.Map;

/**
 * A canned answer agents send with a few keystrokes. One text per language code ("en", "zh"); variables in
 * braces are filled in for the ticket: {@code {name}}, {@code {ticket}}, {@code {detail.tx_hash}} and so on.
 *
 * @param source "config" for the shipped set (read-only in the desk), "desk" for one a supervisor saved
 */
public record SavedReply(String name, Map<String, String> titles, Map<String, String> texts, String source) {
    public SavedReply {
        titles = Map.copyOf(titles);
        texts = Map.copyOf(texts);
    }

    /** The text in {@code lang}, or English when it has none in that language. */
    public String textIn(String lang) {
        String text = texts.get(lang);
        return text != null ? text : texts.getOrDefault("en", texts.values().iterator().next());
    }

    public String titleIn(String lang) {
        String title = titles.get(lang);
        return title != null ? title : titles.getOrDefault("en", name);
    }
}
