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
