package supportbot.dialogue.details;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** What {@code config/details.yaml} says; see that file for the meaning of each key. */
public record DetailSettings(Pattern accountPattern, String accountExample, ZoneId defaultZone, int descriptionMinChars,
                             List<ChainSpec> chains, List<CoinSpec> coins, List<String> deviceButtons) {
    public DetailSettings {
        Objects.requireNonNull(accountPattern, "accountPattern");
        Objects.requireNonNull(accountExample, "accountExample");
        Objects.requireNonNull(defaultZone, "defaultZone");
        if (descriptionMinChars < 1) {
            throw new IllegalArgumentException("descriptionMinChars must be at least 1");
        }
        chains = List.copyOf(chains);
        coins = List.copyOf(coins);
        deviceButtons = List.copyOf(deviceButtons);
    }
}
