package supportbot.dialogue.details;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Replies to "Which network?" and "Which coin?". */
final class ChainCoinReader {
    // A ticker the config does not list ("PEPE") is accepted only as a reply of its own, typed in capitals,
    // so that ordinary words ("help", "no") are not taken for coins.
    private static final Pattern TICKER = Pattern.compile("\\$?([A-Z][A-Z0-9]{1,9})");

    private final AliasIndex aliases;
    private final ChainFormats formats;
    private final AddressReader addresses;
    private final TxHashReader hashes;
    private final List<CoinSpec> coins;

    ChainCoinReader(AliasIndex aliases, ChainFormats formats, List<CoinSpec> coins) {
        this.aliases = aliases;
        this.formats = formats;
        this.addresses = new AddressReader(formats);
        this.hashes = new TxHashReader(formats);
        this.coins = List.copyOf(coins);
    }

    ParseResult parseChain(String text, boolean chinese) {
        Mentions m = Mentions.of(aliases.scan(text, chinese));
        if (m.oneChain()) {
            return ParseResult.ok(chainValue(formats.byId(m.chains().get(0)).orElseThrow()));
        }
        if (m.chains().size() > 1) {
            return ParseResult.hint(HintKeys.CHAIN_AMBIGUOUS, Map.of("options", chainNames(m.chains())));
        }
        Optional<ChainSpec> inferred = inferFromAddressOrHash(text);
        if (inferred.isPresent()) {
            return ParseResult.ok(chainValue(inferred.get()));
        }
        if (!m.coinsOnly().isEmpty()) {
            return ParseResult.hint(HintKeys.CHAIN_NEED_NETWORK,
                    Map.of("coin", m.coinsOnly().get(0), "options", chainNames(allChainIds())));
        }
        return ParseResult.hint(HintKeys.CHAIN_UNKNOWN, Map.of("options", chainNames(allChainIds())));
    }

    ParseResult parseCoin(String text, boolean chinese) {
        Mentions m = Mentions.of(aliases.scan(text, chinese));
        if (m.oneCoin()) {
            return ParseResult.ok(coinValue(m.coins().get(0)));
        }
        if (m.coins().size() > 1) {
            return ParseResult.hint(HintKeys.COIN_AMBIGUOUS, Map.of("options", String.join(", ", m.coins())));
        }
        var ticker = TICKER.matcher(text.strip());
        if (ticker.matches()) {
            return ParseResult.ok(coinValue(ticker.group(1)));
        }
        return ParseResult.hint(HintKeys.COIN_UNKNOWN,
                Map.of("options", coins.stream().map(CoinSpec::symbol).collect(Collectors.joining(", "))));
    }

    /** A pasted address or hash names its chain when only one chain has that format. */
    Optional<ChainSpec> inferFromAddressOrHash(String text) {
        Optional<List<ChainSpec>> family = addresses.find(text).map(AddressReader.Found::family)
                .or(() -> hashes.find(text).map(TxHashReader.Found::family));
        return family.filter(f -> f.size() == 1).map(f -> f.get(0));
    }

    static DetailValue chainValue(ChainSpec chain) {
        return new DetailValue(DetailType.CHAIN, chain.id(), chain.name());
    }

    static DetailValue coinValue(String symbol) {
        return new DetailValue(DetailType.COIN, symbol, symbol);
    }

    private List<String> allChainIds() {
        return formats.all().stream().map(ChainSpec::id).toList();
    }

    private String chainNames(List<String> ids) {
        return ids.stream().map(id -> formats.byId(id).map(ChainSpec::name).orElse(id)).collect(Collectors.joining(", "));
    }
}
