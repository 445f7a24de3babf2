package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static supportbot.dialogue.details.DetailFixtures.PARSERS;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;
import static supportbot.dialogue.details.DetailFixtures.TRON_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.assertHint;
import static supportbot.dialogue.details.DetailFixtures.assertOk;
import static supportbot.dialogue.details.DetailFixtures.known;
import static supportbot.dialogue.details.DetailFixtures.parse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.faq.Lang;

class ChainCoinAmountTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TRC20            | TRON
            trc-20           | TRON
            波场              | TRON
            USDT-TRC20       | TRON
            ERC20            | ETH
            以太坊            | ETH
            ETH链            | ETH
            eth              | ETH
            BEP20            | BSC
            BSC              | BSC
            币安链            | BSC
            BNB Chain        | BSC
            Polygon          | POLYGON
            马蹄链            | POLYGON
            Arbitrum         | ARBITRUM
            比特币            | BTC
            Solana           | SOL
            SOL              | SOL
            TRON             | TRON
            走的是TRC20网络    | TRON
            USDT on Ethereum | ETH
            """)
    void chainFromAliases(String text, String expected) {
        DetailValue v = assertOk(parse(DetailType.CHAIN, text));
        assertEquals(expected, v.value());
    }

    @Test
    void everyChainsIdAndNameIsAnAnswer() {
        for (ChainSpec chain : DetailFixtures.SETTINGS.chains()) {
            assertEquals(chain.id(), assertOk(parse(DetailType.CHAIN, chain.name())).value(), chain.name());
            assertEquals(chain.id(), assertOk(parse(DetailType.CHAIN, chain.id())).value(), chain.id());
        }
    }

    @Test
    void chainDisplayIsItsName() {
        assertEquals("BNB Smart Chain", assertOk(parse(DetailType.CHAIN, "bep20")).display());
    }

    @Test
    void chainIsInferredFromAPastedAddress() {
        assertEquals("TRON", assertOk(parse(DetailType.CHAIN, TRON_ADDRESS)).value());
    }

    @Test
    void aCoinIsNotANetwork() {
        ParseResult r = parse(DetailType.CHAIN, "USDT");
        assertHint(HintKeys.CHAIN_NEED_NETWORK, r);
        assertEquals("USDT", r.hintArgs().get("coin"));
    }

    @Test
    void twoNetworksAreAmbiguous() {
        ParseResult r = parse(DetailType.CHAIN, "TRC20 or BEP20");
        assertHint(HintKeys.CHAIN_AMBIGUOUS, r);
        assertEquals("BNB Smart Chain, TRON", sortedOptions(r.hintArgs().get("options")));
    }

    @Test
    void unknownNetworkListsTheOptions() {
        ParseResult r = parse(DetailType.CHAIN, "不知道");
        assertHint(HintKeys.CHAIN_UNKNOWN, r);
        assertEquals("Ethereum, BNB Smart Chain, Polygon, Arbitrum One, TRON, Bitcoin, Solana", r.hintArgs().get("options"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USDT       | USDT
            usdt       | USDT
            泰达币      | USDT
            tether     | USDT
            转U失败     | USDT
            U          | USDT
            usd coin   | USDC
            以太坊      | ETH
            比特币      | BTC
            matic      | POL
            TRX        | TRX
            币安币      | BNB
            ARB        | ARB
            dai        | DAI
            USDT TRC20 | USDT
            PEPE       | PEPE
            """)
    void coinFromSymbolsAndAliases(String text, String expected) {
        DetailValue v = PARSERS.parse(DetailType.COIN, text, 0, SHANGHAI, Lang.ZH, Map.of()).value();
        assertEquals(expected, v == null ? null : v.value(), text);
    }

    @Test
    void uIsAWordOfItsOwnOnlyInChinese() {
        assertHint(HintKeys.COIN_UNKNOWN, PARSERS.parse(DetailType.COIN, "u", 0, SHANGHAI, Lang.EN, Map.of()));
        assertHint(HintKeys.COIN_UNKNOWN, parse(DetailType.COIN, "我的U盘"));
        assertHint(HintKeys.COIN_UNKNOWN, parse(DetailType.COIN, "UI有问题"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "不知道", "usd"})
    void unknownCoinListsTheConfiguredOnes(String text) {
        ParseResult r = parse(DetailType.COIN, text);
        assertHint(HintKeys.COIN_UNKNOWN, r);
        assertEquals("USDT, USDC, ETH, BTC, TRX, BNB, SOL, POL, ARB, DAI", r.hintArgs().get("options"));
    }

    @Test
    void twoCoinsAreAmbiguous() {
        assertHint(HintKeys.COIN_AMBIGUOUS, parse(DetailType.COIN, "USDT and USDC"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100 USDT        | 100 USDT
            100USDT         | 100 USDT
            0.5个ETH         | 0.5 ETH
            '1,000 U'       | 1000 USDT
            五百U            | 500 USDT
            两千五百个u       | 2500 USDT
            一万五U           | 15000 USDT
            一千零五U          | 1005 USDT
            2万U             | 20000 USDT
            1.5k usdc       | 1500 USDC
            $200            | 200 USD
            200美元          | 200 USD
            300块            | 300 CNY
            1.50 eth        | 1.5 ETH
            500 PEPE        | 500 PEPE
            USDT 100        | 100 USDT
            大概转了100个泰达币 | 100 USDT
            """)
    void amountWithUnit(String text, String expected) {
        assertEquals(expected, assertOk(parse(DetailType.AMOUNT, text)).value());
    }

    @Test
    void aBareNumberTakesTheKnownCoin() {
        assertEquals("100 USDT", assertOk(parse(DetailType.AMOUNT, "100", known(DetailType.COIN, "USDT"))).value());
        assertEquals("0.25 ETH", assertOk(parse(DetailType.AMOUNT, "0.25", known(DetailType.COIN, "ETH"))).value());
    }

    @Test
    void aBareNumberWithoutCoinAsksForTheUnit() {
        ParseResult r = parse(DetailType.AMOUNT, "100");
        assertHint(HintKeys.AMOUNT_UNIT_MISSING, r);
        assertEquals("100", r.hintArgs().get("amount"));
        assertEquals("1000", parse(DetailType.AMOUNT, "1,000").hintArgs().get("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "不记得了", "0 USDT", ""})
    void noUsableAmount(String text) {
        assertHint(HintKeys.AMOUNT_INVALID, parse(DetailType.AMOUNT, text));
    }

    private static String sortedOptions(String options) {
        return String.join(", ", java.util.Arrays.stream(options.split(", ")).sorted().toList());
    }
}
