package supportbot.safety;

/** The kinds of wallet secret that {@link SecretDetector} recognises. */
public enum SecretKind {
    /**
     * A BIP-39 mnemonic (12/15/18/21/24 words, English or Chinese, checksum verified), or one with a word wrong
     * (11 or more list words in a row, or all words but one from the list): it still opens the wallet.
     */
    RECOVERY_PHRASE,
    /** A raw 64-hex-digit private key that the message labels as a key. */
    PRIVATE_KEY,
    /** A Base58Check WIF private key (mainnet 0x80 or testnet 0xef), checksum verified. */
    WIF_KEY,
    /** A BIP-32 extended private key (xprv, tprv, yprv, zprv, uprv, vprv, ...), checksum verified. */
    EXTENDED_PRIVATE_KEY,
    /** An encrypted key file (Ethereum V3 keystore and similar JSON). */
    KEYSTORE_JSON,
    /** A Solana secret key (64-byte Ed25519 keypair) in Base58 or as a JSON byte array, verified as a keypair. */
    SOLANA_KEYPAIR,
    /** A 64-byte value in hex (128 digits): a BIP-39 seed, or an Ed25519 keypair written in hex. */
    SEED_HEX
}
