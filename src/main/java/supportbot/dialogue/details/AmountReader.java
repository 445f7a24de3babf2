package supportbot.dialogue.details;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts: a number and its unit, "100 USDT", "0.5个ETH", "1,000 U", "五百U", "$200". */
final class AmountReader {
    record Found(int start, int end, BigDecimal number, String unit) {
        DetailValue value() {
            String v = plain(number) + " " + unit;
            return new DetailValue(DetailType.AMOUNT, v, v);
        }
    }

    private record Fiat(String word, String code) {
    }

    // Longest first, so "块钱" wins over "块".
    private static final List<Fiat> FIAT_AFTER = List.of(new Fiat("dollars", "USD"), new Fiat("dollar", "USD"),
            new Fiat("人民币", "CNY"), new Fiat("usd", "USD"), new Fiat("cny", "CNY"), new Fiat("rmb", "CNY"),
            new Fiat("美元", "USD"), new Fiat("美金", "USD"), new Fiat("块钱", "CNY"), new Fiat("刀", "USD"),
            new Fiat("块", "CNY"), new Fiat("元", "CNY"));
    private static final Pattern FIAT_BEFORE = Pattern.compile("(US\\$|\\$|¥|￥)\\s*$");
    private static final Pattern CLASSIFIER = Pattern.compile("\\s*(?:个|枚|颗)?\\s*");
    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9]{1,9}(?![A-Za-z0-9])");

    private final AliasIndex aliases;

    AmountReader(AliasIndex aliases) {
        this.aliases = aliases;
    }

    /**
     * The first number that carries a unit.
     *
     * @param tickers also accept a capitalised ticker the config does not list ("500 PEPE"); only for replies
     *                to the amount question, where a capitalised word after a number is rarely anything else
     */
    Optional<Found> findWithUnit(String text, boolean tickers) {
        String lower = AliasIndex.lower(text);
        boolean chinese = Text.containsHan(text);
        for (Numbers.Found n : Numbers.findAll(text)) {
            if (n.start() > 0 && CLOCK_MARKS.indexOf(text.charAt(n.start() - 1)) >= 0) {
                continue; // "9点45 usdt", "10:30 usdt": the minutes of a time, not an amount
            }
            Matcher before = FIAT_BEFORE.matcher(text.substring(0, n.start()));
            if (before.find()) {
                String code = before.group(1).contains("$") ? "USD" : "CNY";
                return Optional.of(new Found(before.start(), n.end(), n.value(), code));
            }
            Matcher gap = CLASSIFIER.matcher(text).region(n.end(), text.length());
            if (!gap.lookingAt()) {
                continue;
            }
            int at = gap.end();
            Optional<Found> unit = unitAt(text, lower, at, chinese, tickers)
                    .map(u -> new Found(n.start(), u.end(), n.value(), u.unit()));
            if (unit.isPresent()) {
                return unit;
            }
        }
        return Optional.empty();
    }

    /**
     * The coin first, then the number: "bep20 usdt 300 deposit", "USDT: 1,200". Not a number that is a time, a
     * duration or a count ("usdt 3个小时了", "usdt 2 hours ago"), not a Han numeral, and not one glued to a word
     * ("trc20").
     */
    Optional<Found> findCoinFirst(String text) {
        List<Numbers.Found> numbers = Numbers.findAll(text);
        for (AliasIndex.Mention m : aliases.scan(text, Text.containsHan(text))) {
            if (m.coinSymbol() == null) {
                continue;
            }
            Matcher gap = COIN_GAP.matcher(text).region(m.end(), text.length());
            if (!gap.lookingAt()) {
                continue;
            }
            for (Numbers.Found n : numbers) {
                // Digits only: after a coin a Han numeral starts the next word ("ETH 一直报错", "usdt一直转不出去").
                if (n.start() == gap.end() && n.value().signum() > 0 && Character.isDigit(text.charAt(n.start()))
                        && !NOT_AN_AMOUNT.matcher(text).region(n.end(), text.length()).lookingAt()) {
                    return Optional.of(new Found(m.start(), n.end(), n.value(), m.coinSymbol()));
                }
            }
        }
        return Optional.empty();
    }

    private static final String CLOCK_MARKS = "点點时時:：";
    private static final Pattern COIN_GAP = Pattern.compile("\\s*[:：]?\\s*");
    private static final Pattern NOT_AN_AMOUNT = Pattern.compile("\\s*(?:个|多|个多)?\\s*(?:小时|钟头|分钟|分|天|周|个月|月|号|日|点|點|时|時|年"
            + "|次|遍|倍|%|[:：/.]\\d|h(?![a-z])|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|am(?![a-z])|pm(?![a-z])|times?|x(?![a-z]))",
            Pattern.CASE_INSENSITIVE);

    ParseResult parse(String text, Map<DetailType, DetailValue> known, boolean chinese) {
        Optional<Found> withUnit = findWithUnit(text, true);
        if (withUnit.isPresent()) {
            return positive(withUnit.get());
        }
        List<Numbers.Found> numbers = Numbers.findAll(text);
        if (numbers.isEmpty()) {
            return ParseResult.hint(HintKeys.AMOUNT_INVALID);
        }
        Numbers.Found n = numbers.get(0);
        Mentions m = Mentions.of(aliases.scan(text, chinese));
        if (m.oneCoin()) {
            return positive(new Found(n.start(), n.end(), n.value(), m.coins().get(0)));
        }
        DetailValue coin = known.get(DetailType.COIN);
        if (coin != null) {
            return positive(new Found(n.start(), n.end(), n.value(), coin.value()));
        }
        if (n.value().signum() <= 0) {
            return ParseResult.hint(HintKeys.AMOUNT_INVALID);
        }
        return ParseResult.hint(HintKeys.AMOUNT_UNIT_MISSING, Map.of("amount", plain(n.value())));
    }

    private static ParseResult positive(Found f) {
        return f.number().signum() > 0 ? ParseResult.ok(f.value()) : ParseResult.hint(HintKeys.AMOUNT_INVALID);
    }

    private record Unit(int end, String unit) {
    }

    private Optional<Unit> unitAt(String text, String lower, int at, boolean chinese, boolean tickers) {
        if (at >= text.length()) {
            return Optional.empty();
        }
        Optional<AliasIndex.Mention> coin = aliases.matchAt(lower, at, chinese, true)
                .filter(m -> m.coinSymbol() != null);
        Optional<Unit> fiat = FIAT_AFTER.stream()
                .filter(f -> lower.startsWith(f.word(), at) && wordEnds(lower, at + f.word().length(), f.word()))
                .findFirst()
                .map(f -> new Unit(at + f.word().length(), f.code()));
        if (coin.isPresent() && (fiat.isEmpty() || coin.get().end() >= fiat.get().end())) {
            return Optional.of(new Unit(coin.get().end(), coin.get().coinSymbol()));
        }
        if (fiat.isPresent()) {
            return fiat;
        }
        Matcher t = TICKER.matcher(text).region(at, text.length());
        if (tickers && t.lookingAt()) {
            return Optional.of(new Unit(t.end(), t.group()));
        }
        return Optional.empty();
    }

    private static boolean wordEnds(String s, int end, String word) {
        return !Text.isAsciiLetter(word.charAt(word.length() - 1)) || end >= s.length() || !Text.isAsciiAlnum(s.charAt(end));
    }

    static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
