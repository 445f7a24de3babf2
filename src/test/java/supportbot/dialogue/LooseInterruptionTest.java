package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.faq.Lang;

/**
 * Issue 14, second round: what a user says instead of the pending detail, worded loosely and in any mix of
 * languages. A request for a person wins over the cancel said with it; cancel words in any mix end the report;
 * a problem that went away closes the report politely with no ticket. Rules alone (no model), as while a detail
 * is pending. Phrasings here are not the conversation suite's.
 */
class LooseInterruptionTest {
    private static final IntentClassifier RULES = EngineHarness.DATA.intents();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "never mind this, give me a real human      | HUMAN",
            "不用了不用了 要人工                          | HUMAN",
            "取消吧 直接转human                          | HUMAN",
            "ok forget the form, need an agent pls      | HUMAN",
            "取消掉吧 不搞了                              | CANCEL",
            "nvm 不用了                                  | CANCEL",
            "算了吧 cancel it                            | CANCEL",
            "ok i figured it out myself                 | SOLVED",
            "it came through just now, thanks           | SOLVED",
            "終於自己弄好了                               | SOLVED",
            "到账了 不用了 谢谢                           | SOLVED",
            "it's not fixed yet                         |",
            "好了 我把hash发你                            |",
            "你们公司地址在哪里                            | OUT_OF_SCOPE",
            "who runs this wallet app                   | OUT_OF_SCOPE",
            "who built this app                         | OUT_OF_SCOPE",
            "你們團隊在哪個城市                            | OUT_OF_SCOPE",
    })
    void looseWordings(String text, String expected) {
        assertEquals(Optional.ofNullable(expected).map(Intent::valueOf), RULES.classify(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"can you speed it up", "转账要多久？", "请问手续费多少", "why is it so slow"})
    void questionsHaveTheFormOfAQuestion(String text) {
        assertTrue(RULES.question(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iPhone 15", "昨天下午3点", "please add a dark mode", "TRC20"})
    void answersAndWishesDoNot(String text) {
        assertFalse(RULES.question(text), text);
    }

    private static EngineHarness pending() {
        var h = new EngineHarness().say("昨天转的usdt trc20 一直没到账");
        assertEquals(Phase.COLLECTING, h.phase(), h.reply());
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"算了 找个真人吧", "forget it, get me a person", "不弄了 human please"})
    void aPersonAskedForWhileADetailIsPendingGetsTheTicket(String text) {
        var h = pending().say(text);
        assertTrue(h.action(Action.OpenTicket.class).isPresent(), h.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel吧 不用了", "先不弄了 cancel", "nevermind 不需要了"})
    void cancelWordsInAnyMixEndTheReport(String text) {
        var h = pending().say(text);
        assertNull(h.state.categoryId(), h.reply());
        assertFalse(h.action(Action.OpenTicket.class).isPresent(), h.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {"oh it just arrived, thanks", "已经到账了 谢谢", "sorted it myself"})
    void aProblemThatWentAwayClosesTheReportPolitely(String text) {
        var h = pending().say(text);
        assertNull(h.state.categoryId(), h.reply());
        assertFalse(h.action(Action.OpenTicket.class).isPresent(), h.reply());
        assertTrue(h.reply().contains(EngineHarness.DATA.messages().get(h.state.lang(), "solved.closed")), h.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {"please add a dark mode to the app", "希望以后能支持夜间模式", "it would be great to have price alerts",
            "it would be really useful if you supported more chains", "可不可以加个价格提醒功能"})
    void aWishIsFeedback(String text) {
        var h = new EngineHarness().say(text);
        assertEquals("feedback", h.state.categoryId(), h.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i can't access my wallet, it's locked", "my account got locked after the update", "钱包被锁定了 进不去"})
    void beingLockedOutIsALoginProblem(String text) {
        var h = new EngineHarness().say(text);
        assertEquals("account-login", h.state.categoryId(), h.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {"locked out of my wallet, need help", "客服会找我要助记词吗", "I got locked out after the update"})
    void nothingTakenIsNotTheft(String text) {
        assertFalse(ReportSignals.theft(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"someone drained my wallet", "我把助记词给了假客服", "錢包被盜了", "there are transfers I never made"})
    void takenOrGivenAwayIsTheft(String text) {
        assertTrue(ReportSignals.theft(text), text);
    }

    @org.junit.jupiter.api.Test
    void theSolvedTextExistsInBothLanguages() {
        assertFalse(EngineHarness.DATA.messages().get(Lang.ZH, "solved.closed").isBlank());
        assertFalse(EngineHarness.DATA.messages().get(Lang.EN, "solved.closed").isBlank());
    }
}
