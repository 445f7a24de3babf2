package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Decision;

/** Issue 14: fewer turns, optional details together, urgent tickets first, interruptions and corrections anywhere. */
class DetailFlowTest {
    static final String TRON_ADDRESS = CategoryScenarioTest.TRON_ADDRESS;

    private static List<Action.TicketDetail> ticketDetails(EngineHarness h) {
        return h.actions.stream().filter(a -> a instanceof Action.TicketDetail).map(a -> (Action.TicketDetail) a).toList();
    }

    /** User turns from the first message to the open ticket, skipping all optional details and confirming. */
    private static int turnsToTicket(String firstMessage) {
        var h = new EngineHarness().say(firstMessage);
        int turns = 1;
        while (h.action(Action.OpenTicket.class).isEmpty() && turns < 10) {
            if (h.phase() == Phase.CONFIRMING) {
                h.press("confirm");
            } else if (h.buttons().contains("skip")) {
                h.press("skip");
            } else {
                return 99; // a required detail was asked although the message gave it
            }
            turns++;
        }
        return turns;
    }

    @Test
    void everythingUpFrontReachesTheTicketInAtMostThreeTurns() {
        List<String> messages = List.of(
                "the app crashes every time I open the asset page, iPhone 15 iOS 17.2, since yesterday 3pm",
                "钱包App一打开就闪退，小米13 安卓14，昨天下午3点开始的，app版本6.1.0",
                "I can't log in to my wallet after the update today, alice@example.com, Pixel 8 Android 14",
                "我的钱包登录不了,输入密码后一直提示错误，邮箱alice@example.com，iPhone 15 iOS 17.2",
                "给朋友转账的时候一直提示转账失败，昨天下午3点，波场 USDT，iPhone 15 iOS 17.2",
                "every time I try to send to my friend the transfer failed with an error, yesterday 3pm, 100 USDT on TRC20, "
                        + "Samsung S23 Android 14",
                "在钱包里兑换代币的时候兑换失败了，提示错误，昨天晚上8点，以太坊上的USDT，华为Mate60 鸿蒙4",
                "my transfer has been pending for many hours now, since yesterday 9pm, TRC20, txid "
                        + CategoryScenarioTest.TRON_HASH);
        var turns = new ArrayList<Integer>();
        for (String m : messages) {
            turns.add(turnsToTicket(m));
        }
        var sorted = turns.stream().sorted().toList();
        int median = sorted.get(sorted.size() / 2);
        assertTrue(median <= 3, "median turns " + median + " of " + turns);
        assertTrue(turns.stream().allMatch(t -> t <= 3), "turns per message " + turns);
    }

    @Test
    void optionalDetailsAreAskedTogetherAndSeveralAnswersAreTakenAtOnce() {
        // The device is missing, so the report is collected; once it is given the optional details come together.
        var h = new EngineHarness().say("the app crashes every time I open the asset page, since yesterday 3pm");
        assertEquals(DetailType.DEVICE, h.state.awaiting());
        h.say("iPhone 15 iOS 17.2");
        assertEquals(Phase.COLLECTING, h.phase());
        String ask = h.reply();
        assertTrue(ask.contains("App version") && ask.contains("Account") && ask.contains("Screenshot"), ask);
        h.say("app version 6.1.0, alice@example.com");
        assertEquals(Phase.CONFIRMING, h.phase(), h.reply());
        assertEquals("6.1.0", h.value(DetailType.APP_VERSION));
        assertEquals("alice@example.com", h.value(DetailType.ACCOUNT));
        assertTrue(h.state.skipped().contains(DetailType.SCREENSHOT));
        assertEquals("iPhone 15 / iOS 17.2", h.value(DetailType.DEVICE), "the app version never mixes with the OS");
    }

    @Test
    void skipAllSkipsEveryOptionalDetail() {
        var h = new EngineHarness().say("钱包App一打开就闪退，昨天下午3点开始的");
        h.say("小米13 安卓14");
        assertTrue(h.buttons().contains("skip"), h.buttons().toString());
        h.press("skip");
        assertEquals(Phase.CONFIRMING, h.phase());
        assertTrue(h.state.skipped().containsAll(List.of(DetailType.APP_VERSION, DetailType.ACCOUNT, DetailType.SCREENSHOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my wallet was drained, someone stole all my funds overnight", "我的钱包被盗了，币全被转走了"})
    void anUrgentReportOpensATopPriorityTicketAfterAtMostOneQuestion(String report) {
        var h = new EngineHarness().say(report);
        int questions = 0;
        if (h.action(Action.OpenTicket.class).isEmpty()) {
            questions++;
            h.say(report.startsWith("my") ? "yesterday 3pm" : "昨天下午3点");
        }
        var ticket = h.action(Action.OpenTicket.class).orElseThrow(() -> new AssertionError(h.reply())).ticket();
        assertTrue(questions <= 1);
        assertTrue(ticket.urgent());
        assertEquals(1, ticket.priority());
        assertEquals("2026-11-24T15:00+08:00", ticket.details().get(DetailType.TIME).value());
        assertEquals(Phase.WITH_TICKET, h.phase());
        assertNotNull(h.state.awaiting(), "the rest is collected while the user waits");
        h.say(TRON_ADDRESS);
        var added = ticketDetails(h);
        assertEquals(List.of(DetailType.ADDRESS), added.stream().map(d -> d.value().type()).distinct().filter(
                d -> d == DetailType.ADDRESS).toList(), added.toString());
        assertTrue(h.reply().contains("#" + ticket.number()), h.reply());
    }

    @Test
    void aCorrectionAfterTheTicketOpenedUpdatesOnlyThatPartOfTheTicket() {
        var h = new EngineHarness().say("the app crashes every time I open the asset page, iPhone 15 iOS 17.2, since yesterday 3pm");
        h.press("skip").press("confirm");
        long number = h.action(Action.OpenTicket.class).orElseThrow().ticket().number();
        h.say("sorry it was Monday");
        var added = ticketDetails(h);
        assertEquals(1, added.size(), h.actions.toString());
        assertEquals(number, added.get(0).ticketNumber());
        assertEquals("2026-11-23T15:00+08:00", added.get(0).value().value(), "the day changes, the hour stays");
        assertEquals("sorry it was Monday", h.action(Action.AppendToTicket.class).orElseThrow().text(),
                "the agent sees the user's words as well");
    }

    @Test
    void aCorrectionWhileAnotherDetailIsPendingUpdatesItAndAsksThePendingOneAgain() {
        var h = new EngineHarness().say("给朋友转账的时候一直提示转账失败，昨天下午3点，波场");
        DetailType pending = h.state.awaiting();
        assertNotNull(pending);
        h.say("不对，是前天");
        assertEquals("2026-11-23T15:00+08:00", h.value(DetailType.TIME));
        assertEquals(pending, h.state.awaiting(), h.reply());
        assertTrue(h.reply().contains("时间"), h.reply());
    }

    @Test
    void aNewValueForAGivenDetailCorrectsItThoughNoCorrectionWordIsUsed() {
        var h = new EngineHarness().say("转账一直pending 昨天晚上10点 波场 usdt");
        DetailType pending = h.state.awaiting();
        assertNotNull(pending);
        assertEquals("2026-11-24T22:00+08:00", h.value(DetailType.TIME), h.reply());
        h.say("是晚上9点");
        assertEquals("2026-11-24T21:00+08:00", h.value(DetailType.TIME), h.reply());
        assertEquals(pending, h.state.awaiting(), "the pending question is asked again: " + h.reply());
    }

    @Test
    void anApologyBeforeAQuestionIsAnsweredAsAQuestionNotTakenAsACorrection() {
        var h = new EngineHarness();
        h.faq.topic("find-hash", "在交易详情里复制哈希。", "Copy the hash from the transaction details.")
                .when("sorry, how do I find the hash?", supportbot.faq.Decision.ANSWER, "find-hash");
        h.say("sent usdt trc20 yesterday 3pm, still not received");
        DetailType pending = h.state.awaiting();
        assertNotNull(pending);
        h.say("sorry, how do I find the hash?");
        assertTrue(h.reply().contains("Copy the hash from the transaction details."), h.reply());
        assertEquals(pending, h.state.awaiting());
        assertEquals("2026-11-24T15:00+08:00", h.value(DetailType.TIME), "nothing collected is lost");
    }

    @Test
    void switchingLanguageWhileADetailIsPendingAsksItAgainInTheNewLanguage() {
        var h = new EngineHarness().say("sent usdt trc20 yesterday 3pm, still not received");
        assertEquals(DetailType.TX_HASH, h.state.awaiting(), h.reply());
        h.say("/lang zh");
        assertEquals(DetailType.TX_HASH, h.state.awaiting());
        assertTrue(h.reply().contains(EngineHarness.DATA.messages().get(supportbot.faq.Lang.ZH, "ask.tx_hash")), h.reply());
        assertEquals("2026-11-24T15:00+08:00", h.value(DetailType.TIME), "nothing collected is lost");
    }

    @Test
    void aCorrectionOnTheSummaryKeepsTheCoin() {
        var h = new EngineHarness().say("every time I try to send to my friend the transfer failed with an error, yesterday 3pm, "
                + "300 USDT on TRC20, Samsung S23 Android 14");
        h.press("skip");
        assertEquals(Phase.CONFIRMING, h.phase(), h.reply());
        h.say("500 not 300");
        assertEquals("500 USDT", h.value(DetailType.AMOUNT));
        assertEquals("USDT", h.value(DetailType.COIN));
        assertEquals(Phase.CONFIRMING, h.phase());
    }

    @Test
    void restartClearsTheReport() {
        var h = new EngineHarness().say("给朋友转账的时候一直提示转账失败");
        assertEquals(Phase.COLLECTING, h.phase());
        h.say("重新开始");
        assertNull(h.state.categoryId());
        assertTrue(h.state.details().isEmpty());
        assertTrue(h.reply().contains("重新开始"), h.reply());
        new EngineHarness().say("my transfer has been pending for many hours now").say("start over");
    }

    @ParameterizedTest
    @ValueSource(strings = {"重來一次", "從頭開始吧", "restart 重新来", "ok start over please", "重新来过吧"})
    void restartIsHeardInEitherScriptAndWithWordsAround(String restart) {
        var h = new EngineHarness().say("给朋友转账的时候一直提示转账失败");
        assertEquals(Phase.COLLECTING, h.phase());
        h.say(restart);
        assertNull(h.state.categoryId(), restart + " -> " + h.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {"等等 我发现钱包里的钱被人转走了！！不是我操作的", "wait someone just drained my wallet!!! all gone",
            "等等 我的錢包被盜了 餘額全沒了"})
    void stolenFundsMidReportSwitchToTheUrgentPathWithoutAsking(String theft) {
        var h = new EngineHarness().say("给朋友转账的时候一直提示转账失败");
        assertEquals(Phase.COLLECTING, h.phase());
        h.say(theft);
        assertEquals("scam-stolen", h.state.categoryId(), h.reply());
    }

    @Test
    void aQuestionIsAnsweredAndThePendingQuestionRepeated() {
        var h = new EngineHarness();
        h.faq.topic("fees", "手续费按网络收取。", "Fees depend on the network.")
                .when("how much is the network fee?", Decision.ANSWER, "fees");
        h.say("my transfer has been pending for many hours now");
        DetailType pending = h.state.awaiting();
        h.say("how much is the network fee?");
        assertTrue(h.reply().contains("Fees depend on the network."), h.reply());
        assertEquals(pending, h.state.awaiting());
        assertEquals(Phase.COLLECTING, h.phase());
        assertTrue(h.state.faqTried().contains("fees"));
    }

    @Test
    void aQuestionOnTheSummaryIsAnsweredAndTheSummaryShownAgain() {
        var h = new EngineHarness();
        h.faq.topic("fees", "手续费按网络收取。", "Fees depend on the network.")
                .when("手续费是多少？", Decision.ANSWER, "fees");
        h.say("钱包App一打开就闪退，小米13 安卓14，昨天下午3点开始的").press("skip");
        assertEquals(Phase.CONFIRMING, h.phase());
        h.say("手续费是多少？");
        assertTrue(h.reply().contains("手续费按网络收取。"), h.reply());
        assertEquals(Phase.CONFIRMING, h.phase());
        assertTrue(h.buttons().contains("confirm"), h.buttons().toString());
        assertEquals("Xiaomi 13 / Android 14", h.value(DetailType.DEVICE));
    }

    @Test
    void aDifferentProblemIsOfferedAsASwitch() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        DetailType pending = h.state.awaiting();
        h.say("also the app crashes every time I open it");
        assertTrue(h.buttons().contains("cat:app-crash") && h.buttons().contains("cat:transfer-pending"), h.buttons().toString());
        h.press("cat:transfer-pending");
        assertEquals("transfer-pending", h.state.categoryId());
        assertEquals(pending, h.state.awaiting());
        h.say("also the app crashes every time I open it").press("cat:app-crash");
        assertEquals("app-crash", h.state.categoryId());
    }

    @Test
    void anUnreadableAnswerGetsTheDetailsOwnHintInTheUsersLanguage() {
        var h = new EngineHarness().say("我的转账一直在等待确认");
        assertEquals(DetailType.TIME, h.state.awaiting());
        h.say("嗯嗯");
        assertTrue(h.reply().contains("昨天下午3点"), "the time hint with an example: " + h.reply());
        assertEquals(DetailType.TIME, h.state.awaiting());
    }

    @Test
    void cancelAndHumanStillWorkWhileADetailIsPending() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now").say("cancel");
        assertNull(h.state.categoryId());
        h = new EngineHarness().say("my transfer has been pending for many hours now").say("talk to a human");
        assertTrue(h.action(Action.OpenTicket.class).isPresent(), h.reply());
    }

    @Test
    void fullWidthDigitsInTheFirstMessageAreRead() {
        var h = new EngineHarness().say("给朋友转账的时候一直提示转账失败，转了３０００ＴＲＸ 昨天");
        assertEquals("3000 TRX", h.value(DetailType.AMOUNT));
        assertEquals("TRX", h.value(DetailType.COIN));
        assertEquals("2026-11-24", h.value(DetailType.TIME), "a day without an hour stays a day");
        assertFalse(h.reply().contains("12:00"), h.reply());
    }
}
