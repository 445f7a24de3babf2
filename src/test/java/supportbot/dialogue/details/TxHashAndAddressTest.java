package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.dialogue.details.DetailFixtures.BTC_LEGACY;
import static supportbot.dialogue.details.DetailFixtures.BTC_SCRIPT;
import static supportbot.dialogue.details.DetailFixtures.BTC_SEGWIT;
import static supportbot.dialogue.details.DetailFixtures.BTC_TAPROOT;
import static supportbot.dialogue.details.DetailFixtures.EVM_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.EVM_HASH;
import static supportbot.dialogue.details.DetailFixtures.HEX_HASH;
import static supportbot.dialogue.details.DetailFixtures.SOL_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.SOL_SIGNATURE;
import static supportbot.dialogue.details.DetailFixtures.TRON_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.TRON_ADDRESS_TYPO;
import static supportbot.dialogue.details.DetailFixtures.assertHint;
import static supportbot.dialogue.details.DetailFixtures.assertOk;
import static supportbot.dialogue.details.DetailFixtures.known;
import static supportbot.dialogue.details.DetailFixtures.parse;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TxHashAndAddressTest {
    private static final Map<DetailType, DetailValue> ON_ETH = known(DetailType.CHAIN, "ETH");
    private static final Map<DetailType, DetailValue> ON_TRON = known(DetailType.CHAIN, "TRON");
    private static final Map<DetailType, DetailValue> ON_SOL = known(DetailType.CHAIN, "SOL");
    private static final Map<DetailType, DetailValue> ON_BTC = known(DetailType.CHAIN, "BTC");

    // --- transaction hashes

    @Test
    void evmHashIsStoredInLowerCase() {
        DetailValue v = assertOk(parse(DetailType.TX_HASH, "hash: " + EVM_HASH.toUpperCase(Locale.ROOT).replace("0X", "0x")));
        assertEquals(EVM_HASH, v.value());
        assertEquals("0x5c504e…b22060", v.display());
    }

    @Test
    void capitalPrefixIsAccepted() {
        assertEquals(EVM_HASH, assertOk(parse(DetailType.TX_HASH, "0X" + EVM_HASH.substring(2))).value());
    }

    @Test
    void bareHexHashFitsTronAndBitcoin() {
        assertEquals(HEX_HASH, assertOk(parse(DetailType.TX_HASH, HEX_HASH)).value());
        assertEquals(HEX_HASH, assertOk(parse(DetailType.TX_HASH, HEX_HASH, ON_TRON)).value());
        assertEquals(HEX_HASH, assertOk(parse(DetailType.TX_HASH, HEX_HASH, ON_BTC)).value());
    }

    @Test
    void theZeroXPrefixIsAdjustedToTheKnownChain() {
        // Explorers differ on showing 0x; the 64 digits are the same transaction either way.
        assertEquals(HEX_HASH, assertOk(parse(DetailType.TX_HASH, EVM_HASH, ON_TRON)).value());
        assertEquals(EVM_HASH, assertOk(parse(DetailType.TX_HASH, HEX_HASH, ON_ETH)).value());
    }

    @Test
    void solanaSignatureKeepsItsCase() {
        DetailValue v = assertOk(parse(DetailType.TX_HASH, SOL_SIGNATURE, ON_SOL));
        assertEquals(SOL_SIGNATURE, v.value());
        assertTrue(v.display().endsWith("(Solana)"), v.display());
    }

    @Test
    void cutOffHashSaysHowManyDigitsItHas() {
        ParseResult r = parse(DetailType.TX_HASH, EVM_HASH.substring(0, 2 + 50));
        assertHint(HintKeys.TX_HASH_WRONG_LENGTH, r);
        assertEquals("50", r.hintArgs().get("digits"));
        ParseResult tooLong = parse(DetailType.TX_HASH, EVM_HASH + "ab");
        assertHint(HintKeys.TX_HASH_WRONG_LENGTH, tooLong);
        assertEquals("66", tooLong.hintArgs().get("digits"));
    }

    @Test
    void anAddressIsNotAHash() {
        assertHint(HintKeys.TX_HASH_IS_ADDRESS, parse(DetailType.TX_HASH, EVM_ADDRESS));
        assertHint(HintKeys.TX_HASH_IS_ADDRESS, parse(DetailType.TX_HASH, TRON_ADDRESS, ON_TRON));
    }

    @Test
    void aHashOfAnotherChainNamesTheExpectedFormat() {
        ParseResult r = parse(DetailType.TX_HASH, SOL_SIGNATURE, ON_ETH);
        assertHint("tx_hash.format.evm", r);
        assertEquals("Ethereum", r.hintArgs().get("chain"));
        assertHint("tx_hash.format.sol", parse(DetailType.TX_HASH, EVM_HASH, ON_SOL));
    }

    @Test
    void textWithoutAHashIsRejected() {
        assertHint(HintKeys.TX_HASH_INVALID, parse(DetailType.TX_HASH, "I don't have it"));
        assertHint("tx_hash.format.tron", parse(DetailType.TX_HASH, "找不到", ON_TRON));
    }

    // --- addresses

    @Test
    void evmAddressKeepsItsChecksumCase() {
        DetailValue v = assertOk(parse(DetailType.ADDRESS, EVM_ADDRESS));
        assertEquals(EVM_ADDRESS, v.value());
        assertEquals("0x529084…169EE7", v.display(), "no chain named: four chains share the format");
    }

    @Test
    void addressesNameTheirChainWhenOnlyOneFits() {
        assertTrue(assertOk(parse(DetailType.ADDRESS, TRON_ADDRESS)).display().endsWith("(TRON)"));
        assertTrue(assertOk(parse(DetailType.ADDRESS, BTC_LEGACY)).display().endsWith("(Bitcoin)"));
        assertTrue(assertOk(parse(DetailType.ADDRESS, BTC_SCRIPT)).display().endsWith("(Bitcoin)"));
        assertTrue(assertOk(parse(DetailType.ADDRESS, SOL_ADDRESS)).display().endsWith("(Solana)"));
        assertEquals(BTC_SEGWIT, assertOk(parse(DetailType.ADDRESS, BTC_SEGWIT.toUpperCase(Locale.ROOT))).value());
    }

    @Test
    void addressesValidForTheKnownChainAreAccepted() {
        assertEquals(EVM_ADDRESS, assertOk(parse(DetailType.ADDRESS, "收款地址 " + EVM_ADDRESS, ON_ETH)).value());
        assertEquals(TRON_ADDRESS, assertOk(parse(DetailType.ADDRESS, TRON_ADDRESS, ON_TRON)).value());
        assertEquals(BTC_TAPROOT, assertOk(parse(DetailType.ADDRESS, BTC_TAPROOT, ON_BTC)).value());
        assertEquals(SOL_ADDRESS, assertOk(parse(DetailType.ADDRESS, SOL_ADDRESS, ON_SOL)).value());
    }

    @Test
    void anAddressOfAnotherChainIsCalledOut() {
        ParseResult r = parse(DetailType.ADDRESS, EVM_ADDRESS, ON_TRON);
        assertHint(HintKeys.ADDRESS_CHAIN_MISMATCH, r);
        assertEquals("TRON", r.hintArgs().get("chain"));
        assertTrue(r.hintArgs().get("detected").startsWith("Ethereum / BNB Smart Chain"), r.hintArgs().toString());
        // A TRON address is also base58 of Solana's length; the more specific format wins.
        ParseResult onSol = parse(DetailType.ADDRESS, TRON_ADDRESS, ON_SOL);
        assertHint(HintKeys.ADDRESS_CHAIN_MISMATCH, onSol);
        assertEquals("TRON", onSol.hintArgs().get("detected"));
    }

    @Test
    void aMistypedAddressFailsItsChecksum() {
        assertHint(HintKeys.ADDRESS_CHECKSUM, parse(DetailType.ADDRESS, TRON_ADDRESS_TYPO, ON_TRON));
        assertHint(HintKeys.ADDRESS_CHECKSUM, parse(DetailType.ADDRESS, TRON_ADDRESS_TYPO));
        assertHint(HintKeys.ADDRESS_CHECKSUM, parse(DetailType.ADDRESS, BTC_SEGWIT.replace("mdq", "mdp"), ON_BTC));
    }

    @Test
    void aMalformedAddressNamesTheExpectedFormat() {
        ParseResult r = parse(DetailType.ADDRESS, "0x1234abcd", ON_ETH);
        assertHint("address.format.evm", r);
        assertEquals("Ethereum", r.hintArgs().get("chain"));
        assertHint("address.format.tron", parse(DetailType.ADDRESS, "T123", ON_TRON));
        assertHint(HintKeys.ADDRESS_INVALID, parse(DetailType.ADDRESS, "my usual address"));
    }

    @Test
    void aTransactionHashIsNotAnAddress() {
        assertHint(HintKeys.ADDRESS_IS_TX_HASH, parse(DetailType.ADDRESS, EVM_HASH));
        assertHint(HintKeys.ADDRESS_IS_TX_HASH, parse(DetailType.ADDRESS, EVM_HASH, ON_ETH));
    }
}
