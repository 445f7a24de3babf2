package supportbot.dialogue.details;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Receiving addresses: the format must fit the known chain; with no chain known, the chain is inferred. */
final class AddressReader {
    record Found(int start, int end, String address, List<ChainSpec> family) {
    }

    private final ChainFormats formats;

    AddressReader(ChainFormats formats) {
        this.formats = formats;
    }

    ParseResult parse(String text, ChainSpec known) {
        boolean sawTxHash = false;
        for (Text.Token token : Text.alnumRuns(text)) {
            String t = token.text();
            if (formats.addressMatches(t).isEmpty()) {
                sawTxHash |= !formats.txHashMatches(TxHashReader.normalize(t)).isEmpty();
                continue;
            }
            if (AddressChecksums.check(t) == AddressChecksums.Result.INVALID) {
                return ParseResult.hint(HintKeys.ADDRESS_CHECKSUM);
            }
            List<ChainSpec> family = formats.addressFamily(t);
            if (known == null) {
                return ParseResult.ok(value(t, family));
            }
            if (family.contains(known)) {
                return ParseResult.ok(value(t, List.of(known)));
            }
            return ParseResult.hint(HintKeys.ADDRESS_CHAIN_MISMATCH, Map.of("chain", known.name(), "detected", names(family)));
        }
        if (sawTxHash) {
            return ParseResult.hint(HintKeys.ADDRESS_IS_TX_HASH);
        }
        if (known != null) {
            return ParseResult.hint(HintKeys.ADDRESS_FORMAT_PREFIX + ChainFamily.of(known).key(), Map.of("chain", known.name()));
        }
        return ParseResult.hint(HintKeys.ADDRESS_INVALID);
    }

    /**
     * The first address in a free-text message. Base58 is a broad alphabet, so a candidate must also look
     * machine-made (digits and both cases), which ordinary words and ids do not.
     */
    Optional<Found> find(String text) {
        for (Text.Token token : Text.alnumRuns(text)) {
            String t = token.text();
            if (t.length() < 25 || formats.addressMatches(t).isEmpty()) {
                continue;
            }
            AddressChecksums.Result checksum = AddressChecksums.check(t);
            if (checksum == AddressChecksums.Result.INVALID) {
                continue;
            }
            boolean prefixed = t.startsWith("0x") || t.toLowerCase(Locale.ROOT).startsWith("bc1");
            // A valid base58check checksum is proof enough: one address in 58 has no digit at all.
            if (prefixed || checksum == AddressChecksums.Result.VALID || looksRandom(t)) {
                return Optional.of(new Found(token.start(), token.end(), normalize(t), formats.addressFamily(t)));
            }
        }
        return Optional.empty();
    }

    static DetailValue value(String address, List<ChainSpec> family) {
        String a = normalize(address);
        String display = Text.shorten(a) + (family.size() == 1 ? " (" + family.get(0).name() + ")" : "");
        return new DetailValue(DetailType.ADDRESS, a, display);
    }

    /** EVM addresses keep their case (it carries the EIP-55 checksum); bech32 is case-insensitive. */
    private static String normalize(String address) {
        return address.toLowerCase(Locale.ROOT).startsWith("bc1") ? address.toLowerCase(Locale.ROOT) : address;
    }

    private static boolean looksRandom(String t) {
        return t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isUpperCase)
                && t.chars().anyMatch(Character::isLowerCase);
    }

    private static String names(List<ChainSpec> chains) {
        return chains.stream().map(ChainSpec::name).collect(Collectors.joining(" / "));
    }
}
