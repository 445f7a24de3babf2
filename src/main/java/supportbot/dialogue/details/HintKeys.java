package supportbot.dialogue.details;

import java.util.ArrayList;
import java.util.List;

/**
 * Every hint key a parser can return. Each is a template in both {@code config/messages/details.en.yaml} and
 * {@code details.zh.yaml}; the comment lists the placeholders the parser fills. A test holds the files to
 * this list, so a new hint cannot ship in one language only.
 */
public final class HintKeys {
    public static final String ACCOUNT_INVALID = "account.invalid"; // {example}
    public static final String DESCRIPTION_TOO_SHORT = "description.too_short";
    public static final String DESCRIPTION_TOO_VAGUE = "description.too_vague";
    public static final String TIME_INVALID = "time.invalid";
    public static final String TIME_VAGUE = "time.vague";
    public static final String TIME_FUTURE = "time.future"; // {time}
    public static final String DEVICE_INVALID = "device.invalid";
    public static final String APP_VERSION_INVALID = "app_version.invalid";
    public static final String TX_HASH_INVALID = "tx_hash.invalid";
    public static final String TX_HASH_WRONG_LENGTH = "tx_hash.wrong_length"; // {digits}
    public static final String TX_HASH_IS_ADDRESS = "tx_hash.is_address";
    /** Followed by a {@link ChainFamily} key: "tx_hash.format.evm". {chain} */
    public static final String TX_HASH_FORMAT_PREFIX = "tx_hash.format.";
    public static final String CHAIN_UNKNOWN = "chain.unknown"; // {options}
    public static final String CHAIN_AMBIGUOUS = "chain.ambiguous"; // {options}
    public static final String CHAIN_NEED_NETWORK = "chain.need_network"; // {coin} {options}
    public static final String COIN_UNKNOWN = "coin.unknown"; // {options}
    public static final String COIN_AMBIGUOUS = "coin.ambiguous"; // {options}
    public static final String AMOUNT_INVALID = "amount.invalid";
    public static final String AMOUNT_UNIT_MISSING = "amount.unit_missing"; // {amount}
    public static final String ADDRESS_INVALID = "address.invalid";
    public static final String ADDRESS_IS_TX_HASH = "address.is_tx_hash";
    public static final String ADDRESS_CHECKSUM = "address.checksum";
    public static final String ADDRESS_CHAIN_MISMATCH = "address.chain_mismatch"; // {chain} {detected}
    /** Followed by a {@link ChainFamily} key: "address.format.tron". {chain} */
    public static final String ADDRESS_FORMAT_PREFIX = "address.format.";
    public static final String SCREENSHOT_MISSING = "screenshot.missing";

    private HintKeys() {
    }

    /** All keys, with the per-family ones expanded. */
    public static List<String> all() {
        List<String> keys = new ArrayList<>(List.of(ACCOUNT_INVALID, DESCRIPTION_TOO_SHORT, DESCRIPTION_TOO_VAGUE,
                TIME_INVALID, TIME_VAGUE, TIME_FUTURE, DEVICE_INVALID, APP_VERSION_INVALID, TX_HASH_INVALID, TX_HASH_WRONG_LENGTH,
                TX_HASH_IS_ADDRESS, CHAIN_UNKNOWN, CHAIN_AMBIGUOUS, CHAIN_NEED_NETWORK, COIN_UNKNOWN, COIN_AMBIGUOUS,
                AMOUNT_INVALID, AMOUNT_UNIT_MISSING, ADDRESS_INVALID, ADDRESS_IS_TX_HASH, ADDRESS_CHECKSUM,
                ADDRESS_CHAIN_MISMATCH, SCREENSHOT_MISSING));
        for (ChainFamily f : ChainFamily.values()) {
            keys.add(TX_HASH_FORMAT_PREFIX + f.key());
            keys.add(ADDRESS_FORMAT_PREFIX + f.key());
        }
        return List.copyOf(keys);
    }
}
