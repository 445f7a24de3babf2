package supportbot.dialogue.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.dialogue.details.DetailFixtures.EVM_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.EVM_HASH;
import static supportbot.dialogue.details.DetailFixtures.HEX_HASH;
import static supportbot.dialogue.details.DetailFixtures.PARSERS;
import static supportbot.dialogue.details.DetailFixtures.SHANGHAI;
import static supportbot.dialogue.details.DetailFixtures.SOL_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.TRON_ADDRESS;
import static supportbot.dialogue.details.DetailFixtures.TRON_ADDRESS_TYPO;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;

/** First messages as users write them. Now is Wednesday 2026-11-25 14:00 in Shanghai. */
class ExtractAllTest {

    private static Map<DetailType, DetailValue> extract(String text) {
        return PARSERS.extractAll(text, SHANGHAI, LanguageDetector.detect(text));
    }

    /** type key -> value, sorted, so a failure shows everything that was (or was not) found. */
    private static Map<String, String> values(Map<DetailType, DetailValue> found) {
        Map<String, String> out = new TreeMap<>();
        found.forEach((k, v) -> out.put(k.key(), v.value()));
        return out;
    }

    @Test
    void chineseFirstMessageWithTimeDeviceCoinAndHash() {
        Map<DetailType, DetailValue> found = extract("昨天用iPhone转USDT失败了 " + EVM_HASH.toUpperCase().replace("0X", "0x"));
        assertEquals(Map.of(
                "time", "2026-11-24",
                "device", "iPhone / iOS",
                "coin", "USDT",
                "tx_hash", EVM_HASH), values(found), "no chain: four chains take 0x hashes");
        assertEquals("2026-11-24（昨天）", found.get(DetailType.TIME).display());
    }

    /**
     * Two chains named on a wrong network: the hash was made on the chain the funds went over, the address is the
     * destination's, so the hash decides; with no hash the address still does.
     */
    @Test
    void onAWrongNetworkTheHashNamesTheChainUsed() {
        String tron = "TSxdXMzqPsiu3LJ51VA9Skz5VLhhiaBFnp";
        Map<String, String> withHash = values(extract("用bep20把usdt发到了" + tron + " 这个trc20地址 hash " + EVM_HASH));
        assertEquals("BSC", withHash.get("chain"), withHash.toString());
        assertEquals(EVM_HASH, withHash.get("tx_hash"), withHash.toString());
        assertEquals(tron, withHash.get("address"), withHash.toString());
        assertEquals("TRON", values(extract("sent on erc20 to my trc20 address " + tron)).get("chain"));
    }

    /** The coin before the number ("usdt 300") is an amount; minutes after 点 or ":" and durations are not. */
    @Test
    void amountsWrittenCoinFirstAndMinutesThatAreNotAmounts() {
        assertEquals("300 USDT", extract("上午10点 bep20 usdt 300 deposit 没有 arrive").get(DetailType.AMOUNT).value());
        assertEquals("1200 USDT", extract("USDT: 1,200 还没到").get(DetailType.AMOUNT).value());
        Map<DetailType, DetailValue> clock = extract("transfer failed 今天上午9点45 usdt trc20");
        assertEquals("2026-11-25T09:45+08:00", clock.get(DetailType.TIME).value());
        assertFalse(clock.containsKey(DetailType.AMOUNT), clock.toString());
        assertFalse(extract("转了usdt 3个小时了还没到").containsKey(DetailType.AMOUNT));
        assertFalse(extract("sent usdt 2 hours ago, not here").containsKey(DetailType.AMOUNT));
        assertFalse(extract("usdt trc20 没到账").containsKey(DetailType.AMOUNT));
        assertFalse(extract("以太坊的USDT换ETH 一直报错").containsKey(DetailType.AMOUNT));
    }

    @Test
    void englishFirstMessageWithEverything() {
        Map<DetailType, DetailValue> found = extract("Yesterday 3pm I sent 100 USDT on TRC20 to " + TRON_ADDRESS
                + " from my Pixel 8, my email is Alice@Example.com");
        assertEquals(Map.of(
                "time", "2026-11-24T15:00+08:00",
                "amount", "100 USDT",
                "coin", "USDT",
                "chain", "TRON",
                "address", TRON_ADDRESS,
                "device", "Pixel 8 / Android",
                "account", "alice@example.com"), values(found));
    }

    @Test
    void aDualNameAloneIsBothCoinAndChain() {
        assertEquals(Map.of(
                "amount", "0.5 ETH",
                "coin", "ETH",
                "chain", "ETH",
                "address", EVM_ADDRESS), values(extract("转了0.5个ETH到" + EVM_ADDRESS + "，一直没到账")));
        assertEquals(Map.of("coin", "SOL", "chain", "SOL", "time", "2026-11-20"),
                values(extract("SOL transfer stuck since last friday")));
    }

    @Test
    void aCoinAloneSetsNoChain() {
        assertEquals(Map.of("coin", "USDT"), values(extract("my USDT is missing")));
    }

    @Test
    void slangForCoinsChainsAndNumbers() {
        assertEquals(Map.of(
                "device", "Xiaomi 13 / Android 14",
                "time", "2026-11-24T20:00+08:00",
                "amount", "500 USDT",
                "coin", "USDT",
                "chain", "TRON"), values(extract("用小米13 安卓14 昨天晚上8点转了五百U到波场地址，还没到")));
        assertEquals(Map.of("chain", "BSC", "coin", "USDT", "time", "2026-11-25T11:00+08:00"),
                values(extract("币安链上转U失败 3小时前")));
    }

    @Test
    void dualNameBesideACoinIsTheChain() {
        assertEquals(Map.of("coin", "USDT", "chain", "ETH", "amount", "50 USDT"),
                values(extract("在ETH链上转50 USDT，gas扣了但没到账")));
    }

    @Test
    void chainIsInferredFromAnAddressOnlyWhenUnambiguous() {
        assertEquals("TRON", extract("打到 " + TRON_ADDRESS + " 了").get(DetailType.CHAIN).value());
        assertEquals("SOL", extract("sent to " + SOL_ADDRESS).get(DetailType.CHAIN).value());
        assertFalse(extract("sent to " + EVM_ADDRESS).containsKey(DetailType.CHAIN));
    }

    @Test
    void bareHexHashIsKeptWithoutGuessingTheChain() {
        Map<DetailType, DetailValue> found = extract("txid " + HEX_HASH.toUpperCase());
        assertEquals(Map.of("tx_hash", HEX_HASH), values(found));
    }

    @Test
    void hashFollowsTheNamedChainsNotation() {
        assertEquals(HEX_HASH, extract("TRC20转账 " + EVM_HASH).get(DetailType.TX_HASH).value());
    }

    @Test
    void aMistypedAddressIsLeftForTheQuestion() {
        assertFalse(extract("地址是 " + TRON_ADDRESS_TYPO).containsKey(DetailType.ADDRESS));
    }

    @Test
    void aHashIsNotAnAddressAndItsDigitsAreNotAnAmount() {
        Map<DetailType, DetailValue> found = extract("0x hash " + EVM_HASH + " 100");
        assertEquals(Map.of("tx_hash", EVM_HASH), values(found));
    }

    @Test
    void displaysAreInTheGivenLanguage() {
        Map<DetailType, DetailValue> en = PARSERS.extractAll("yesterday 3pm", SHANGHAI, Lang.EN);
        assertEquals("yesterday 15:00 (2026-11-24 15:00 +08:00)", en.get(DetailType.TIME).display());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I need help with my wallet",
            "你好 在吗",
            "Good morning, can you help me?",
            "早上好，我有一点问题",
            "有一点问题想问一下",
            "Can you help me today?",
            "今天能处理吗",
            "u there?",
            "我的U盘坏了",
            "My score is 11/20",
            "I have 3 questions",
            "我有3个问题",
            "I sat down and the app crashed",
            "Thank you so much, have a nice evening",
            "please call me at 5",
            "the window closed",
            "转账一直显示处理中",
            "my id is 12345678",
            "What is the fee?",
            "it may 3 times fail",
            "Please fix it by Friday",
            "3日内能到账吗",
            "",
            "   "})
    void ordinarySentencesYieldNothing(String text) {
        assertEquals(Map.of(), values(extract(text)), text);
    }

    @Test
    void neverDescriptionOrScreenshot() {
        Map<DetailType, DetailValue> found = extract("My USDT transfer to Binance has been pending for 3 hours, screenshot attached");
        assertFalse(found.containsKey(DetailType.DESCRIPTION));
        assertFalse(found.containsKey(DetailType.SCREENSHOT));
        assertTrue(found.containsKey(DetailType.COIN));
    }
    @Test
    void aNumberTheUserCallsTheirIdIsTheAccount() {
        assertEquals("73310458", values(extract("cant get in, my uid is 73310458, using a pixel 7")).get("account"));
        assertEquals("66120937", values(extract("帳號ID：66120937 無法登入")).get("account"));
        assertEquals("51234987", values(extract("会员号 51234987 登录不了")).get("account"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 73310458 failed", "sent 12345678 usdt yesterday", "my account has 100000 usdt"})
    void aNumberNotCalledAnIdIsNoAccount(String text) {
        assertFalse(extract(text).containsKey(DetailType.ACCOUNT), () -> values(extract(text)).toString());
    }

    @Test
    void whenTwoChainsAreNamedThePastedAddressSaysWhichOneWasUsed() {
        Map<String, String> found = values(extract("打到 " + TRON_ADDRESS + " 了，用的是trc20，对方只收bep20"));
        assertEquals("TRON", found.get("chain"), found.toString());
        assertFalse(extract("trc20 or bep20, which one is cheaper?").containsKey(DetailType.CHAIN));
        assertFalse(extract("bep20 to " + EVM_ADDRESS + " but they only take erc20").containsKey(DetailType.CHAIN),
                "an 0x address fits both chains named");
    }

    @Test
    void aLoneHanNumeralAfterTheHourIsTheNextWordNotMinutes() {
        assertEquals("2026-11-23T20:00+08:00", values(extract("前天晚上8点一直在转圈")).get("time"));
        assertEquals("2026-11-24T15:20+08:00", values(extract("昨天下午3点二十转的")).get("time"));
    }

    @Test
    void aroundAnHourNextToADayOrPartOfTheDayIsTheClock() {
        assertEquals("2026-11-24T19:00+08:00", values(extract("yesterday evening around 7 it failed")).get("time"));
        assertEquals("2026-11-24", values(extract("tried about 4 times yesterday")).get("time"), "a count, not 4 o'clock");
    }

    @Test
    void applePlusAModelNumberIsAnIphone() {
        assertEquals("iPhone 13 / iOS", values(extract("用苹果13转账失败")).get("device"));
        assertFalse(extract("买了两斤苹果 14块钱").containsKey(DetailType.DEVICE));
    }

    @Test
    void theVersionTheAppWasUpdatedToIsTheAppVersion() {
        assertEquals("5.8.2", values(extract("升级到5.8.2以后就登不上了")).get("app_version"));
        assertEquals("7.0.1", values(extract("since I upgraded the wallet to 7.0.1 it won't open")).get("app_version"));
        assertFalse(extract("手机系统升级到17.1以后打不开").containsKey(DetailType.APP_VERSION), "the phone's system");
    }
    @Test
    void anAddressWithAValidChecksumNeedsNoDigits() {
        String noDigits = "TCiZoJSKQGVnDdnDzMTaMJUQfWZAGdMPPy";
        Map<String, String> found = values(extract("转到了这个地址" + noDigits + " 能找回吗"));
        assertEquals(noDigits, found.get("address"), found.toString());
        assertEquals("TRON", found.get("chain"), found.toString());
        String typo = "TCiZoJSKQGVnDdnDzMTaMJUQfWZAGdMPPz";
        assertFalse(extract("转到了这个地址" + typo).containsKey(DetailType.ADDRESS), "a checksum typo is no address");
    }
    @Test
    void todayAsTheMomentSomethingBeganIsTheIncidentsDay() {
        assertEquals("2026-11-25", values(extract("今天升级之后一直登不上")).get("time"));
        assertEquals("2026-11-25", values(extract("the app keeps crashing since today")).get("time"));
        assertFalse(extract("今天能处理吗 我的usdt没到").containsKey(DetailType.TIME), "today as the request's deadline");
    }
}
