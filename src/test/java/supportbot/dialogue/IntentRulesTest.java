package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import supportbot.faq.Decision;
import supportbot.faq.Lang;

/**
 * The rules alone (config/intents.yaml, no embedder): what they must read while a detail is pending, when only
 * the rules run, and when no model is loaded. Phrasings here are new, not the conversation suite's.
 */
class IntentRulesTest {
    private static final IntentClassifier RULES = EngineHarness.DATA.intents();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "okay thank u so much!! bye        | THANKS",
            "嗯嗯 好的 多谢 👍                   | THANKS",
            "感謝您 辛苦了～                     | THANKS",
            "alright, see ya later             | GOODBYE",
            "好 那 拜拜啦                       | GOODBYE",
            "good evening team 🙂              | GREETING",
            "有人在吗？？ 你好                   | GREETING",
            "hey hey anybody online            | GREETING",
            "午安 客服                          | GREETING",
            "早安☀️ 請問客服在嗎                 | GREETING",
            "ok cheers mate                    | THANKS",
            "谢了兄弟 👍                         | THANKS",
    })
    void smallTalkInAnyCombinationIsRead(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(Intent::valueOf), RULES.classify(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hi, my swap failed an hour ago",
            "thanks but the usdt is still not there",
            "好的 但是我的币还没到账",
            "ok so where is my deposit",
    })
    void smallTalkWithAProblemInItIsNotSmallTalk(String text) {
        Optional<Intent> read = RULES.classify(text);
        assertTrue(read.isEmpty() || !(read.get() == Intent.THANKS || read.get() == Intent.GOODBYE
                || read.get() == Intent.GREETING), text + " read as " + read);
    }

    @Test
    void aLongRunOfFillersThatEndsOtherwiseIsRejectedQuickly() {
        String text = "嗯".repeat(70) + "x";
        long start = System.nanoTime();
        assertEquals(Optional.empty(), RULES.classify(text).filter(i -> i == Intent.THANKS || i == Intent.GREETING));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "backtracking");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "麻烦讲普通话                | LANG_ZH",
            "could you reply in mandarin | LANG_ZH",
            "請切換成中文                | LANG_ZH",
            "能讲英语吗                  | LANG_EN",
            "en pls                      | LANG_EN",
            "please answer in english    | LANG_EN",
            "connect me with a live person please | HUMAN",
            "帮我接人工                   | HUMAN",
            "我不想和机器人说了            | HUMAN",
            "my case has any progress? update on my case pls | STATUS",
            "我那个ticket有进展吗          | STATUS",
    })
    void languageHandoffAndStatusRequestsAreReadByTheRules(String text, String expected) {
        assertEquals(Optional.of(Intent.valueOf(expected)), RULES.classify(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "is pepe going to pump this week",
            "which token should i ape into",
            "should i hold my eth or sell",
            "狗狗币下个月能涨到多少",
            "有没有百倍币推荐",
            "how to delete my facebook account",
            "抖音的账号怎么注销",
            "which exchange is best for altcoins",
            "cheapest exchange to buy btc?",
            "how do i register an account on kraken",
            "bybit怎么开合约",
            "okx上怎么实名认证",
            "推荐一个靠谱的交易所",
            "行情这么差 现在还能上车吗",
            "is it a good time to buy eth",
            "do i have to pay taxes on my staking rewards",
            "币圈收益怎么报税",
    })
    void adviceAndOtherAppsAreOutOfScope(String text) {
        assertEquals(Optional.of(Intent.OUT_OF_SCOPE), RULES.classify(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "how do I buy usdt in the app",
            "my account is lina.k@gmail.com",
            "我的app是英文界面 转账失败了",
            "the app switched to chinese after the update",
            "which exchange address format do i use, trc20 or erc20?",
            "从币安提币到钱包怎么操作",
            "binance withdrawal to this wallet never arrived",
            "app里可以买币吗",
            "钱包还能进吗 一直登录失败",
    })
    void ourOwnTopicsAreNotOutOfScopeNorALanguageSwitch(String text) {
        Optional<Intent> read = RULES.classify(text);
        assertNotEquals(Optional.of(Intent.OUT_OF_SCOPE), read, text);
        assertNotEquals(Optional.of(Intent.LANG_EN), read, text);
        assertNotEquals(Optional.of(Intent.LANG_ZH), read, text);
    }

    /** Taking the report back at the summary is a cancel; an instruction about what to send is not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ok don't open the ticket yet                     | CANCEL",
            "please do not submit this, it might still arrive | CANCEL",
            "其实先别提交了                                      | CANCEL",
            "那不用开单了，谢谢                                  | CANCEL",
            "不要发送到这个地址                                   |",
            "don't send usdt on erc20                          |",
    })
    void aTakeBackIsACancel(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(Intent::valueOf), RULES.classify(text), text);
    }

    /** A second problem brought up mid-report; a question in passing is not one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "还有件事 提币也失败了                 | true",
            "另外我的swap也一直报错              | true",
            "and also the app crashes on start | true",
            "one more thing, my nft is missing | true",
            "iPhone 13                         | false",
            "昨天下午三点                         | false",
    })
    void aSecondProblemIsSaidAsOne(String text, boolean expected) {
        assertEquals(expected, RULES.anotherProblem(text), text);
    }

    @Test
    void midReportALanguageRequestSwitchesAndKeepsTheQuestion() {
        var h = new EngineHarness().say("充值没到账 usdt trc20 今天早上");
        assertEquals(Phase.COLLECTING, h.phase());
        h.say("could you reply in english please");
        assertEquals(Lang.EN, h.state.lang());
        assertEquals(Phase.COLLECTING, h.phase());
    }

    @Test
    void aCoinTipGetsNoConfidentAnswerEvenWhenTheSearchIsSure() {
        var h = new EngineHarness();
        h.faq.topic("buy-crypto", "在应用内购买。", "Buy in the app.")
                .when("which coin should I buy before it moons", Decision.ANSWER, "buy-crypto");
        h.say("which coin should I buy before it moons");
        assertEquals(EngineHarness.DATA.messages().get(Lang.EN, "faq.out_of_scope"), h.reply());
    }
}
