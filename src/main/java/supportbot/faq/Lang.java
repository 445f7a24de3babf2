package supportbot.faq;

import java.util.Locale;
import java.util.Optional;

/** The languages the FAQ and the bot speak. */
public enum Lang {
    ZH("zh"),
    EN("en");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Accepts "zh", "zh-CN", "zh_Hans", "en", "en-US", any case. */
    public static Optional<Lang> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_") || t.equals("cn")) {
            return Optional.of(ZH);
        }
        if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
