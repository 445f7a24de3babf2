package supportbot.dialogue.details;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds chain and coin names in text. One alias may name both a chain and a coin ("eth", "sol", "以太坊"); such
 * a mention is "dual" and {@link Mentions} decides what it means from the rest of the message.
 */
final class AliasIndex {
    record Mention(int start, int end, String chainId, String coinSymbol) {
        boolean dual() {
            return chainId != null && coinSymbol != null;
        }
    }

    private record Entry(String alias, String chainId, String coinSymbol) {
    }

    // A dual name followed by one of these means the chain: "ETH链", "BNB chain", "SOL network".
    private static final List<String> CHAIN_WORDS = List.of("链", "主网", "网络", "chain", "network", "mainnet");
    // "U盘" is a USB stick and "U盾" a bank token, not USDT.
    private static final String NOT_AFTER_SINGLE_LETTER = "盘盾";
    private static final String HAN_NUMERALS = "零〇一二两三四五六七八九十百千万";

    private final List<Entry> longestFirst;

    AliasIndex(DetailSettings settings) {
        Map<String, String[]> byAlias = new LinkedHashMap<>();
        for (ChainSpec c : settings.chains()) {
            List<String> names = new ArrayList<>(c.aliases());
            names.add(c.id());
            names.add(c.name());
            for (String n : names) {
                byAlias.computeIfAbsent(lower(n.trim()), k -> new String[2])[0] = c.id();
            }
        }
        for (CoinSpec c : settings.coins()) {
            List<String> names = new ArrayList<>(c.aliases());
            names.add(c.symbol());
            for (String n : names) {
                byAlias.computeIfAbsent(lower(n.trim()), k -> new String[2])[1] = c.symbol();
            }
        }
        longestFirst = byAlias.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty())
                .map(e -> new Entry(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt((Entry e) -> e.alias().length()).reversed())
                .toList();
    }

    /**
     * Non-overlapping mentions, left to right, longest alias first at each position.
     *
     * @param chinese the text is Chinese (or answers a question asked in Chinese), where "U" alone means USDT
     */
    List<Mention> scan(String text, boolean chinese) {
        String lower = lower(text);
        boolean chineseText = chinese || Text.containsHan(text);
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < lower.length()) {
            Optional<Mention> m = matchAt(lower, i, chineseText, false);
            if (m.isPresent()) {
                out.add(m.get());
                i = m.get().end();
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * The alias starting exactly at {@code pos} of the lower-cased text, if any.
     *
     * @param afterNumber the caller knows a number precedes (amount units), which licenses "100U" in any language
     */
    Optional<Mention> matchAt(String lower, int pos, boolean chineseText, boolean afterNumber) {
        for (Entry e : longestFirst) {
            String a = e.alias();
            if (!lower.startsWith(a, pos) || !bounded(lower, pos, pos + a.length())) {
                continue;
            }
            if (a.length() == 1 && Text.isAsciiLetter(a.charAt(0))
                    && !singleLetterAllowed(lower, pos, chineseText, afterNumber)) {
                continue;
            }
            int end = pos + a.length();
            if (e.chainId() != null && e.coinSymbol() != null && followedByChainWord(lower, end)) {
                return Optional.of(new Mention(pos, end, e.chainId(), null));
            }
            return Optional.of(new Mention(pos, end, e.chainId(), e.coinSymbol()));
        }
        return Optional.empty();
    }

    /** Latin aliases are whole words; digits may precede them ("100usdt"), letters may not. */
    private static boolean bounded(String s, int start, int end) {
        boolean latinStart = Text.isAsciiAlnum(s.charAt(start));
        boolean latinEnd = Text.isAsciiAlnum(s.charAt(end - 1));
        if (latinStart && start > 0 && Text.isAsciiLetter(s.charAt(start - 1))) {
            return false;
        }
        return !(latinEnd && end < s.length() && Text.isAsciiAlnum(s.charAt(end)));
    }

    private static boolean singleLetterAllowed(String s, int pos, boolean chineseText, boolean afterNumber) {
        if (pos + 1 < s.length() && NOT_AFTER_SINGLE_LETTER.indexOf(s.charAt(pos + 1)) >= 0) {
            return false;
        }
        if (afterNumber || chineseText) {
            return true;
        }
        int j = pos - 1;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && (Text.isAsciiDigit(s.charAt(j)) || HAN_NUMERALS.indexOf(s.charAt(j)) >= 0);
    }

    private static boolean followedByChainWord(String s, int end) {
        int j = end;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        for (String w : CHAIN_WORDS) {
            if (s.startsWith(w, j) && (!Text.isAsciiLetter(w.charAt(0))
                    || j + w.length() >= s.length() || !Text.isAsciiLetter(s.charAt(j + w.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case char by char, so positions in the result are positions in the original. */
    static String lower(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            cs[i] = Character.toLowerCase(cs[i]);
        }
        return new String(cs);
    }
}
