package supportbot.dialogue.details;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A blockchain the bot knows. Patterns are matched against a whole token.
 *
 * @param id      "ETH", "BSC", "POLYGON", "ARBITRUM", "TRON", "BTC", "SOL" …
 * @param aliases how users name it, zh and en ("以太坊", "erc20", "eth"); matched case-insensitively
 */
public record ChainSpec(String id, String name, List<String> aliases, Pattern addressPattern, Pattern txHashPattern) {
    public ChainSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(addressPattern, "addressPattern");
        Objects.requireNonNull(txHashPattern, "txHashPattern");
    }

    boolean isAddress(String token) {
        return addressPattern.matcher(token).matches();
    }

    boolean isTxHash(String token) {
        return txHashPattern.matcher(token).matches();
    }
}
