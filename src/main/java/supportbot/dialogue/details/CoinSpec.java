package supportbot.dialogue.details;

import java.util.List;
import java.util.Objects;

/** A coin or token. @param aliases e.g. "u", "泰达币", "tether" for USDT; matched case-insensitively */
public record CoinSpec(String symbol, List<String> aliases) {
    public CoinSpec {
        Objects.requireNonNull(symbol, "symbol");
        aliases = List.copyOf(aliases);
    }
}
