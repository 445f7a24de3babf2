package supportbot.dialogue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;

/** A kind of problem and what the agent needs to know about it (config/categories.yaml). */
public record Category(String id, Map<Lang, String> names, int priority, boolean urgent, Map<Lang, List<Pattern>> keywords,
                       List<DetailType> required, List<DetailType> optional, List<String> faqTopics) {
    public Category {
        names = Map.copyOf(names);
        keywords = Map.copyOf(keywords);
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        faqTopics = List.copyOf(faqTopics);
    }

    public String name(Lang lang) {
        return names.get(lang);
    }

    public boolean mentionedIn(String text) {
        for (List<Pattern> patterns : keywords.values()) {
            for (Pattern p : patterns) {
                if (p.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Required details first, then optional ones, in the order the file lists them. */
    public List<DetailType> allDetails() {
        var all = new java.util.ArrayList<>(required);
        all.addAll(optional);
        return all;
    }
}
