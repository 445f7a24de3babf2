package supportbot.dialogue;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import supportbot.faq.Lang;

/**
 * Language per message, sticky per conversation: a message switches the conversation's language only when
 * it clearly is the other language. Answers to detail questions are mostly Latin script whatever the user's
 * language ("bob@example.com", "iPhone 15 iOS 17.2", "TRC20", a hash), so they must not count as English.
 */
final class LanguagePolicy {
    /** Emails, URLs, and anything with a digit: identifiers, not words. */
    private static final Pattern NOT_A_WORD = Pattern.compile("\\S*[@/\\d]\\S*|\\S+\\.\\S+");
    private static final Set<String> NAMES = Set.of("iphone", "ipad", "ios", "android", "samsung", "xiaomi", "huawei",
            "pixel", "oppo", "vivo", "honor", "oneplus", "windows", "mac", "macos", "chrome", "safari", "usdt", "usdc",
            "eth", "btc", "trx", "bnb", "sol", "tron", "ethereum", "bitcoin", "solana", "polygon", "arbitrum", "bsc",
            "erc", "trc", "bep", "ok", "okay", "id", "app", "pro", "max", "plus", "mini", "ultra", "metamask", "binance");
    private static final int ENGLISH_WORDS = 3;

    private LanguagePolicy() {
    }

    static Optional<Lang> signal(String text) {
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        if (han >= 2) {
            return Optional.of(Lang.ZH);
        }
        if (han > 0) {
            return Optional.empty();
        }
        long words = java.util.Arrays.stream(NOT_A_WORD.matcher(text).replaceAll(" ").split("[^A-Za-z']+"))
                .filter(w -> w.length() >= 2 && !NAMES.contains(w.toLowerCase(java.util.Locale.ROOT)))
                .count();
        return words >= ENGLISH_WORDS ? Optional.of(Lang.EN) : Optional.empty();
    }

    static Lang initial(String text, Lang fallback) {
        return signal(text).orElse(fallback);
    }
}
