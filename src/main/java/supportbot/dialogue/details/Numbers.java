package supportbot.dialogue.details;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as users type them: "1,000", "0.5", "2k", "1.5万", "五百", "两千五". */
final class Numbers {
    record Found(int start, int end, BigDecimal value) {
    }

    // Not after a letter or digit: the "20" of "TRC20" and the "23" of "S23" are names, not quantities. After a
    // comma only when no digit precedes it: "1,000" is one number, but "2小时前，100 USDT" (the full-width comma
    // is a plain one once normalised) starts a new one.
    private static final Pattern ARABIC = Pattern.compile(
            "(?<![A-Za-z0-9._])(?<!\\d,)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:\\s*(万|千)|\\s*([kKwW])(?![A-Za-z]))?");
    private static final Pattern HAN = Pattern.compile("[零〇一二两三四五六七八九十百千万]+");

    private Numbers() {
    }

    static List<Found> findAll(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = ARABIC.matcher(text);
        while (m.find()) {
            BigDecimal v = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            out.add(new Found(m.start(), m.end(), v.multiply(multiplier(m.group(3) != null ? m.group(3) : m.group(4)))));
        }
        Matcher h = HAN.matcher(text);
        while (h.find()) {
            parseHan(h.group()).ifPresent(v -> out.add(new Found(h.start(), h.end(), BigDecimal.valueOf(v))));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static BigDecimal multiplier(String suffix) {
        if (suffix == null) {
            return BigDecimal.ONE;
        }
        return switch (suffix) {
            case "万", "w", "W" -> BigDecimal.valueOf(10_000);
            default -> BigDecimal.valueOf(1_000);
        };
    }

    /** "12" or "十二" → 12. */
    static Optional<Long> parseInt(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() > 9 ? Optional.empty() : Optional.of(Long.parseLong(s));
        }
        return parseHan(s);
    }

    /**
     * Chinese numerals up to the 万 place: 十五 → 15, 一千零五 → 1005. A digit left after a unit counts one place
     * lower, as people say it: 两千五 → 2500, 一万五 → 15000.
     */
    static Optional<Long> parseHan(String s) {
        long total = 0;
        long section = 0;
        long digit = -1;
        long lastUnit = 0;
        boolean sawDigitOrUnit = false;
        for (char c : s.toCharArray()) {
            if (c == '零' || c == '〇') {
                if (digit > 0) {
                    return Optional.empty(); // "三零" is not how a number is said
                }
                lastUnit = 1; // a zero fills a gap: the next digit is literal
                sawDigitOrUnit = true;
                continue;
            }
            int d = hanDigit(c);
            if (d >= 0) {
                if (digit >= 0) {
                    return Optional.empty(); // "一二" is not a number
                }
                digit = d;
                sawDigitOrUnit = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                default -> -1;
            };
            if (unit < 0) {
                return Optional.empty();
            }
            if (unit == 10_000) {
                total += (section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            lastUnit = unit;
            digit = -1;
            sawDigitOrUnit = true;
        }
        if (digit > 0) {
            section += lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
        }
        long value = total + section;
        if (s.matches("[零〇]+")) {
            return Optional.of(0L); // 零点 is midnight
        }
        return value == 0 || !sawDigitOrUnit ? Optional.empty() : Optional.of(value);
    }

    private static int hanDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
