package supportbot.dialogue.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Transaction hashes: validated against the chain when it is known, against every chain otherwise. */
final class TxHashReader {
    record Found(int start, int end, String hash, List<ChainSpec> family) {
    }

    private static final Pattern HEX_0X = Pattern.compile("0x[0-9a-fA-F]*");
    private static final Pattern LONG_HEX = Pattern.compile("[0-9a-fA-F]{20,}");
    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final ChainFormats formats;

    TxHashReader(ChainFormats formats) {
        this.formats = formats;
    }

    ParseResult parse(String text, ChainSpec known) {
        List<Text.Token> tokens = Text.alnumRuns(text);
        boolean otherChainsHash = false;
        for (Text.Token token : tokens) {
            String t = fix0x(token.text());
            if (known == null) {
                if (isHashNotAddress(t)) {
                    return ParseResult.ok(value(t, formats.txHashFamily(t)));
                }
                continue;
            }
            for (String variant : variants(t)) {
                if (known.isTxHash(variant)) {
                    return ParseResult.ok(value(variant, List.of(known)));
                }
            }
            otherChainsHash |= isHashNotAddress(t);
        }
        if (otherChainsHash) {
            return formatHint(known);
        }
        for (Text.Token token : tokens) {
            String t = fix0x(token.text());
            if (EVM_ADDRESS.matcher(t).matches()) {
                return ParseResult.hint(HintKeys.TX_HASH_IS_ADDRESS);
            }
            if (HEX_0X.matcher(t).matches() && t.length() > 2 || LONG_HEX.matcher(t).matches()) {
                int digits = t.startsWith("0x") ? t.length() - 2 : t.length();
                return ParseResult.hint(HintKeys.TX_HASH_WRONG_LENGTH, Map.of("digits", String.valueOf(digits)));
            }
            if (t.length() >= 25 && !formats.addressMatches(t).isEmpty()) {
                return ParseResult.hint(HintKeys.TX_HASH_IS_ADDRESS);
            }
        }
        return known == null ? ParseResult.hint(HintKeys.TX_HASH_INVALID) : formatHint(known);
    }

    /** The first hash in a free-text message. */
    Optional<Found> find(String text) {
        for (Text.Token token : Text.alnumRuns(text)) {
            String t = fix0x(token.text());
            if (t.length() >= 40 && isHashNotAddress(t)) {
                return Optional.of(new Found(token.start(), token.end(), normalize(t), formats.txHashFamily(t)));
            }
        }
        return Optional.empty();
    }

    /** The hash as the given chain writes it, if it is one: explorers differ on whether a 0x prefix is shown. */
    static Optional<String> forChain(String hash, ChainSpec chain) {
        return variants(fix0x(hash)).stream().filter(chain::isTxHash).findFirst().map(TxHashReader::normalize);
    }

    private boolean isHashNotAddress(String t) {
        return !formats.txHashMatches(t).isEmpty() && formats.addressMatches(t).isEmpty();
    }

    private static List<String> variants(String t) {
        List<String> out = new ArrayList<>(List.of(t));
        if (t.startsWith("0x")) {
            out.add(t.substring(2));
        } else if (LONG_HEX.matcher(t).matches()) {
            out.add("0x" + t);
        }
        return out;
    }

    private static ParseResult formatHint(ChainSpec known) {
        return ParseResult.hint(HintKeys.TX_HASH_FORMAT_PREFIX + ChainFamily.of(known).key(), Map.of("chain", known.name()));
    }

    static DetailValue value(String hash, List<ChainSpec> family) {
        String h = normalize(hash);
        String display = Text.shorten(h) + (family.size() == 1 ? " (" + family.get(0).name() + ")" : "");
        return new DetailValue(DetailType.TX_HASH, h, display);
    }

    private static String fix0x(String t) {
        return t.startsWith("0X") ? "0x" + t.substring(2) : t;
    }

    /** Hex hashes are case-insensitive, so they are stored in lower case; base58 signatures keep their case. */
    static String normalize(String hash) {
        String t = fix0x(hash);
        String body = t.startsWith("0x") ? t.substring(2) : t;
        return body.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? t.toLowerCase(Locale.ROOT) : t;
    }
}
