package supportbot.dialogue.details;

import java.util.Locale;

/**
 * Address and hash formats, for hints that explain the expected format in words. Chains added to the config
 * later get the EVM text when they take 0x addresses, and a generic text otherwise.
 */
enum ChainFamily {
    EVM, TRON, BTC, SOL, OTHER;

    private static final String SAMPLE_EVM_ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7";

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChainFamily of(ChainSpec chain) {
        return switch (chain.id()) {
            case "TRON" -> TRON;
            case "BTC" -> BTC;
            case "SOL" -> SOL;
            default -> chain.isAddress(SAMPLE_EVM_ADDRESS) ? EVM : OTHER;
        };
    }
}
