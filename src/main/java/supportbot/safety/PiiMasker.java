package supportbot.safety;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in log lines while keeping them useful for debugging: an agent reading the log can
 * still tell which user, card or wallet a line is about ({@code a***@example.com}, {@code 138****5678},
 * {@code **** **** **** 4242}, {@code 0x5290…9EE7}), but cannot harvest the values.
 *
 * <p>Runs on every log line, so it is built to be cheap: one scan over the characters decides which of the
 * precompiled patterns can match at all, and a line without digits, {@code @} or a Chinese address marker
 * costs that scan only. Lines are left untouched where a rule is unsure: an amount, a date or a ticket
 * number is worth more to a reader than a maybe-masked phone number.
 *
 * <p>Rules, applied in this order (the output of one never matches a later one):
 * <ol>
 * <li>emails: local part → first character + {@code ***}, domain kept;</li>
 * <li>crypto wallet addresses (EVM {@code 0x}+40 hex; TRON {@code T}+33 base58; bitcoin {@code bc1…},
 *     {@code 1…}, {@code 3…}; Solana base58 of 32–44 characters with digits and both cases) → first 6
 *     characters + {@code …} + last 4. Transaction hashes (64 hex, with or without {@code 0x}) stay;</li>
 * <li>Chinese resident ID numbers (18 characters, valid birth date and GB 11643 check character) →
 *     {@code *} except the last 4;</li>
 * <li>Chinese mobile numbers ({@code 1[3-9]} + 9 digits, optionally {@code +86}/{@code 0086}, spaces or
 *     dashes) → {@code +86 138****5678};</li>
 * <li>international numbers ({@code +} then 7–15 digits, spaces, dashes, parentheses) → {@code +44 ***58};</li>
 * <li>payment cards (13–19 digits, plain or in groups, issuer digit 2–6, passing Luhn) →
 *     {@code **** **** **** 4242};</li>
 * <li>Chinese postal addresses: an administrative marker (省/市/自治区, else 区/县), then within 24
 *     characters a road (路/街/大道/巷/弄/胡同), a house number and 号, optionally building/unit/room
 *     parts → the text up to the city (广东省深圳市, 北京市) kept, the rest {@code ***};</li>
 * <li>English street addresses (house number, capitalised street name, street suffix) → {@code [address]}.</li>
 * </ol>
 * Numbers next to a coin or currency ({@code 13500000000 SHIB}, {@code $4242…}) are amounts and stay.
 * An optional extra redaction (the secret detector) runs before all of this, on the raw line.
 *
 * <p>Never throws. If a rule fails unexpectedly the line is masked crudely (every digit and every token
 * with an {@code @}); if the extra redaction fails the line is withheld, because it may hold a secret.
 */
public final class PiiMasker {
    /** Replaces a whole line whose secret redaction failed. */
    public static final String WITHHELD = "[log message withheld: redaction failed]";

    private static volatile UnaryOperator<String> extraRedaction;

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]*"
                    + "@([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,})");

    /** A whole alphanumeric token of a wallet address's length; which kind it is, is decided in code. */
    private static final Pattern LONG_TOKEN = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Za-z]{26,62}(?![0-9A-Za-z])");

    private static final Pattern CN_ID = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "(?![0-9A-Za-z])");

    private static final Pattern CN_MOBILE = Pattern.compile(
            "(?<![0-9A-Za-z+#])(?<!\\d[.,])((?:\\+|00)86[ \\-]?)?(1[3-9]\\d)[ \\-]?(\\d{4})[ \\-]?(\\d{4})"
                    + "(?![0-9A-Za-z])(?![.,]\\d)");

    /** A '+' and what could be a phone number; {@link #intlPhone} cuts it to the part that really is one. */
    private static final Pattern INTL_PHONE = Pattern.compile("(?<![0-9A-Za-z+#])\\+\\d[\\d() \\-]{5,30}");

    private static final Pattern CARD = Pattern.compile(
            "(?<![0-9A-Za-z+#])(?<!\\d[.,])(?:\\d{13,19}|\\d{4,6}(?:[ \\-]\\d{3,6}){2,4})"
                    + "(?![0-9A-Za-z])(?![.,]\\d)");

    /** Right after a number: the number is an amount, not a phone or card number. */
    private static final Pattern AMOUNT_UNIT = Pattern.compile(
            " ?(?:USDT|USDC|BUSD|DAI|BTC|ETH|TRX|BNB|SOL|SHIB|DOGE|PEPE|MATIC|POL|ARB|XRP|TON|USD|CNY|RMB|EUR|U|u"
                    + "|个|枚|元|块|美元|美金|刀)(?![A-Za-z])");

    private static final Pattern CN_ADDRESS = Pattern.compile(
            "(\\p{IsHan}{0,10}?(?:(?:省|自治区)\\p{IsHan}{1,8}?市|市|省|自治区|区|县))"
                    + "[\\p{IsHan}A-Za-z0-9 ]{0,24}?(?:路|街|大道|巷|弄|胡同)"
                    + " ?[0-9一二三四五六七八九十百千零〇]{1,6} ?号"
                    + "(?: ?[0-9A-Za-z一二三四五六七八九十\\-]{0,6} ?(?:号楼|号院|栋|幢|座|单元|楼|层|室|院))*");

    private static final Pattern EN_ADDRESS = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{1,5}[A-Za-z]?(?:-\\d{1,5})? {1,2}"
                    + "(?:(?:[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))\\.? {1,2}){1,4}"
                    + "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl"
                    + "|Parkway|Pkwy|Way|Terrace|Highway|Hwy|Square|Sq)\\b");

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private PiiMasker() {
    }

    /**
     * Sets the redaction applied to every line before the personal-data rules (the secret detector); null
     * removes it. The hook must not return null; if it throws or does, the line is withheld.
     */
    public static void installExtraRedaction(UnaryOperator<String> hook) {
        extraRedaction = hook;
    }

    /** The text with personal data masked; null for null. Never throws. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String line = text;
        UnaryOperator<String> hook = extraRedaction;
        if (hook != null) {
            try {
                line = hook.apply(text);
            } catch (RuntimeException | StackOverflowError e) {
                return WITHHELD;
            }
            if (line == null) {
                return WITHHELD;
            }
        }
        try {
            return maskPii(line);
        } catch (RuntimeException | StackOverflowError e) {
            return crude(line);
        }
    }

    /**
     * One pass over the characters finds out which rules can match at all; most log lines then skip every
     * pattern. Each gate is an upper bound (a rule never matches text its gate rules out), and masking
     * only ever shrinks what the gates counted, so a gate computed on the original line holds for all rules.
     */
    private static String maskPii(String text) {
        int n = text.length();
        boolean anyDigit = false;
        int alnumRun = 0;
        int longestAlnumRun = 0;
        // a cluster: digits joined by at most 3 consecutive characters of " -()+", as in "+1 (555) 123-4567"
        int clusterDigits = 0;
        int joiners = 0;
        int largestCluster = 0;
        boolean plus = false;
        boolean at = false;
        boolean hao = false;
        boolean admin = false;
        boolean road = false;
        boolean numberThenWord = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                alnumRun++;
                joiners = 0;
                if (++clusterDigits > largestCluster) {
                    largestCluster = clusterDigits;
                }
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                alnumRun++;
                clusterDigits = 0;
                continue;
            }
            longestAlnumRun = Math.max(longestAlnumRun, alnumRun);
            alnumRun = 0;
            if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '+') {
                if (++joiners > 3) {
                    clusterDigits = 0;
                }
                if (c == '+') {
                    plus = true;
                } else if (c == ' ' && !numberThenWord && i + 1 < n && i > 0) {
                    // "12 Baker Street", "221B Baker Street", "350 5th Ave": a number, then a capital or digit
                    char next = text.charAt(i + 1);
                    char prev = text.charAt(i - 1);
                    boolean afterNumber = isDigit(prev) || (i > 1 && isAsciiLetter(prev) && isDigit(text.charAt(i - 2)));
                    numberThenWord = afterNumber && ((next >= 'A' && next <= 'Z') || isDigit(next) || next == ' ');
                }
                continue;
            }
            clusterDigits = 0;
            joiners = 0;
            switch (c) {
                case '@' -> at = true;
                case '号' -> hao = true;
                case '市', '省', '区', '县' -> admin = true;
                case '路', '街', '道', '巷', '弄', '同' -> road = true;
                default -> {
                }
            }
        }
        longestAlnumRun = Math.max(longestAlnumRun, alnumRun);

        String s = text;
        if (at) {
            s = replace(s, EMAIL, PiiMasker::email);
        }
        if (anyDigit && longestAlnumRun >= 26) {
            s = replace(s, LONG_TOKEN, PiiMasker::wallet);
        }
        if (largestCluster >= 17) {
            s = replace(s, CN_ID, PiiMasker::chineseId);
        }
        if (largestCluster >= 11) {
            s = replace(s, CN_MOBILE, PiiMasker::chineseMobile);
        }
        if (plus && largestCluster >= 7) {
            s = replace(s, INTL_PHONE, PiiMasker::intlPhone);
        }
        if (largestCluster >= 13) {
            s = replace(s, CARD, PiiMasker::card);
        }
        if (hao && admin && road) {
            s = replace(s, CN_ADDRESS, (m, t) -> new Hit(m.end(), m.group(1) + "***"));
        }
        if (numberThenWord) {
            s = replace(s, EN_ADDRESS, (m, t) -> new Hit(m.end(), "[address]"));
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** What replaces text from the match start up to {@code end}. */
    private record Hit(int end, String replacement) {
    }

    @FunctionalInterface
    private interface Rule {
        /** The replacement for this match, or null to leave it as it is. */
        Hit apply(Matcher m, String text);
    }

    private static String replace(String text, Pattern pattern, Rule rule) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            Hit hit = rule.apply(m, text);
            if (hit == null) {
                from = m.end() > m.start() ? m.end() : m.start() + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, copied, m.start()).append(hit.replacement());
            copied = hit.end();
            from = hit.end() > m.start() ? hit.end() : m.start() + 1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static Hit email(Matcher m, String text) {
        return new Hit(m.end(), m.group(1) + "***@" + m.group(2));
    }

    private static Hit wallet(Matcher m, String text) {
        String t = m.group();
        if (!isWallet(t, m.start() > 0 ? text.charAt(m.start() - 1) : ' ',
                m.end() < text.length() ? text.charAt(m.end()) : ' ')) {
            return null;
        }
        return new Hit(m.end(), t.substring(0, 6) + "…" + t.substring(t.length() - 4));
    }

    private static boolean isWallet(String t, char before, char after) {
        int len = t.length();
        if (len == 42 && t.startsWith("0x")) {
            return all(t, 2, PiiMasker::isHex);
        }
        if (len >= 42 && t.regionMatches(true, 0, "bc1", 0, 3)) {
            return (t.equals(t.toLowerCase(java.util.Locale.ROOT)) || t.equals(t.toUpperCase(java.util.Locale.ROOT)))
                    && all(t, 3, c -> "qpzry9x8gf2tvdw0s3jn54khce6mua7l".indexOf(Character.toLowerCase(c)) >= 0);
        }
        if (!all(t, 0, PiiMasker::isBase58)) {
            return false;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 1; i < len; i++) {
            char c = t.charAt(i);
            digit |= c >= '0' && c <= '9';
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        char first = t.charAt(0);
        // Random base58 of this length nearly always has digits and both cases; identifiers and hex ids
        // rarely do.
        if (len == 34 && first == 'T' && digit && upper && lower) {
            return true; // TRON
        }
        if (len <= 35 && (first == '1' || first == '3') && digit && upper && lower) {
            return true; // bitcoin legacy and script
        }
        // Solana: the broadest format, so also demand what random ids of that length rarely have, and no
        // base64 punctuation around it (a piece of a longer token is not an address).
        return len >= 32 && len <= 44 && digit && upper && lower
                && "-_+/=".indexOf(before) < 0 && "-_+/=".indexOf(after) < 0;
    }

    private static Hit chineseId(Matcher m, String text) {
        String id = m.group();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (ID_CHECK.charAt(sum % 11) != Character.toUpperCase(id.charAt(17))) {
            return null;
        }
        return new Hit(m.end(), "*".repeat(14) + id.substring(14));
    }

    private static Hit chineseMobile(Matcher m, String text) {
        if (isAmount(text, m.start(), m.end())) {
            return null;
        }
        String prefix = m.group(1) == null ? "" : m.group(1);
        return new Hit(m.end(), prefix + m.group(2) + "****" + m.group(4));
    }

    /** Cuts the candidate to a well-formed number: single separators, parentheses around digits only. */
    private static Hit intlPhone(Matcher m, String text) {
        String t = m.group();
        int digits = 0;
        int lastDigit = 0;
        int firstGroupDigits = -1;
        boolean open = false;
        char prev = '+';
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                lastDigit = i;
            } else if (c == ' ' || c == '-') {
                if (prev == ' ' || prev == '-' || prev == '(') {
                    break;
                }
                if (firstGroupDigits < 0 && !open) {
                    firstGroupDigits = digits;
                }
            } else if (c == '(') {
                if (open) {
                    break;
                }
                if (firstGroupDigits < 0) {
                    firstGroupDigits = digits;
                }
                open = true;
            } else { // ')'
                if (!open || prev == '(') {
                    break;
                }
                open = false;
                lastDigit = i; // keep the parenthesis with the number
            }
            prev = c;
        }
        // count only the digits up to the cut
        int counted = 0;
        for (int i = 1; i <= lastDigit; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                counted++;
            }
        }
        int end = m.start() + lastDigit + 1;
        if (counted < 7 || counted > 15 || endsInsideWord(text, end) || isAmount(text, m.start(), end)) {
            return null;
        }
        String last2 = lastTwoDigits(t.substring(0, lastDigit + 1));
        String country = firstGroupDigits >= 1 && firstGroupDigits <= 3
                ? t.substring(0, 1 + firstGroupDigits) + " " : "+";
        return new Hit(end, country + "***" + last2);
    }

    private static Hit card(Matcher m, String text) {
        String t = m.group();
        int[] d = new int[19];
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == 19) {
                    return null;
                }
                d[n++] = c - '0';
            }
        }
        if (n < 13 || d[0] < 2 || d[0] > 6 || isAmount(text, m.start(), m.end())) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int v = d[n - 1 - i];
            if (i % 2 == 1) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        if (sum % 10 != 0) {
            return null;
        }
        return new Hit(m.end(), "**** **** **** " + d[n - 4] + d[n - 3] + d[n - 2] + d[n - 1]);
    }

    private static boolean isAmount(String text, int start, int end) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (before == '$' || before == '¥' || before == '￥' || before == '€') {
                return true;
            }
        }
        Matcher unit = AMOUNT_UNIT.matcher(text);
        unit.region(end, text.length());
        return unit.lookingAt();
    }

    private static boolean endsInsideWord(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        if (Character.isLetterOrDigit(c) && c < 128) {
            return true;
        }
        return (c == '.' || c == ',') && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1));
    }

    private static String lastTwoDigits(String s) {
        StringBuilder b = new StringBuilder(2);
        for (int i = s.length() - 1; i >= 0 && b.length() < 2; i--) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.insert(0, c);
            }
        }
        return b.toString();
    }

    private static boolean all(String s, int from, CharTest test) {
        for (int i = from; i < s.length(); i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface CharTest {
        boolean test(char c);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isBase58(char c) {
        return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O')
                || (c >= 'a' && c <= 'z' && c != 'l');
    }

    /** The fallback when a rule failed: every digit and every token holding an '@' becomes '*'. */
    private static String crude(String text) {
        char[] out = text.toCharArray();
        int tokenStart = 0;
        for (int i = 0; i <= out.length; i++) {
            if (i == out.length || Character.isWhitespace(out[i])) {
                boolean hasAt = false;
                for (int j = tokenStart; j < i; j++) {
                    hasAt |= out[j] == '@';
                }
                for (int j = tokenStart; j < i; j++) {
                    if (hasAt || Character.isDigit(out[j])) {
                        out[j] = '*';
                    }
                }
                tokenStart = i + 1;
            }
        }
        return new String(out);
    }
}
