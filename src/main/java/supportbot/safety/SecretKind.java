package supportbot.safety;

/** The kinds of wallet secret that {@link SecretDetector} recognises. */
public enum SecretKind {
    /** A BIP-39 mnemonic (12/15/18/21/24 words, English or Chinese, checksum verified). */
    RECOVERY_PHRASE,
    /** A raw 64-hex-digit private key that the message labels as a key. */
    PRIVATE_KEY,
    /** A Base58Check WIF private key (mainnet 0x80 or testnet 0xef), checksum verified. */
    WIF_KEY,
    /** A BIP-32 extended private key (xprv, tprv, yprv, zprv, uprv, vprv, ...), checksum verified. */
    EXTENDED_PRIVATE_KEY,
    /** An encrypted key file (Ethereum V3 keystore and similar JSON). */
    KEYSTORE_JSON
}
