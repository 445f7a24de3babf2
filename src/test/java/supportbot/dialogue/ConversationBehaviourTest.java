package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Decision;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;

class ConversationBehaviourTest {
    private static final String EVM_HASH = "0x" + "5f".repeat(32);

    @Test
    void aReportWithNothingPrefilledNeverShowsNull() {
        // The screenshot of the widget showed a line "null" between the opening and the first question.
        for (String report : java.util.List.of("my deposit has not arrived", "充值没到账", "我的轉帳一直沒到帳")) {
            var h = new EngineHarness().say(report);
            assertFalse(h.reply().isBlank(), report);
            assertFalse(h.reply().contains("null"), h.reply());
        }
    }

    @Test
    void detailsInTheFirstMessageAreNotAskedAgain() {
        var h = new EngineHarness().say("昨天用iPhone转USDT失败了 " + EVM_HASH);
        assertEquals("transfer-failed", h.state.categoryId());
        assertTrue(h.value(DetailType.TIME).startsWith("2026-11-24"), h.value(DetailType.TIME));
        assertTrue(h.value(DetailType.DEVICE).startsWith("iPhone"), h.value(DetailType.DEVICE));
        assertEquals("USDT", h.value(DetailType.COIN));
        assertEquals(EVM_HASH, h.value(DetailType.TX_HASH));
        assertTrue(h.reply().contains("iPhone"), "the bot says what it already has: " + h.reply());
        var asked = new java.util.ArrayList<DetailType>();
        for (int i = 0; i < 12 && h.phase() == Phase.COLLECTING; i++) {
            asked.add(h.state.awaiting());
            h.press("skip");
            if (h.phase() == Phase.COLLECTING && asked.get(asked.size() - 1) == h.state.awaiting()) {
                h.say(CategoryScenarioTest.ANSWERS.get(Lang.ZH).getOrDefault(h.state.awaiting(), "跳过"));
            }
        }
        for (DetailType prefilled : List.of(DetailType.TIME, DetailType.DEVICE, DetailType.COIN, DetailType.TX_HASH)) {
            assertFalse(asked.contains(prefilled), prefilled + " was asked again; asked " + asked);
        }
    }

    @Test
    void aWrongValueGetsASpecificHintAndTheSameQuestionAgain() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        assertEquals(DetailType.TIME, h.state.awaiting());
        h.say("tomorrow at 5pm");
        assertEquals(DetailType.TIME, h.state.awaiting(), "still waiting for a valid time");
        assertNull(h.value(DetailType.TIME));
        String hint = h.reply();
        assertFalse(hint.isBlank());
        h.say("2 hours ago");
        assertEquals("2026-11-25T12:00+08:00", h.value(DetailType.TIME));
    }

    @Test
    void correctingTheEmailAsksForItAgainAndKeepsTheRest() {
        var h = new EngineHarness().say("我的钱包登录不了,输入密码后一直提示错误");
        assertEquals(DetailType.ACCOUNT, h.state.awaiting());
        h.say("alice@example.com");
        assertEquals("alice@example.com", h.value(DetailType.ACCOUNT));
        h.say("邮箱写错了");
        assertEquals(DetailType.ACCOUNT, h.state.awaiting(), h.reply());
        h.say("alice.w@example.com");
        assertEquals("alice.w@example.com", h.value(DetailType.ACCOUNT));
        assertNotNull(h.value(DetailType.DESCRIPTION));
    }

    @Test
    void actuallyItWasYesterdayUpdatesTheTimeOnTheSummary() {
        var h = reachSummary();
        h.say("actually it was yesterday");
        assertEquals(Phase.CONFIRMING, h.phase());
        assertTrue(h.value(DetailType.TIME).startsWith("2026-11-24"), h.value(DetailType.TIME));
        assertTrue(h.buttons().contains("confirm"), "the summary is shown again");
    }

    @Test
    void editFromTheSummaryReturnsToTheSummary() {
        var h = reachSummary();
        h.press("edit");
        assertTrue(h.buttons().contains("edit:device"), h.buttons().toString());
        h.press("edit:device");
        assertEquals(DetailType.DEVICE, h.state.awaiting());
        h.say("Samsung S23 Android 14");
        assertEquals(Phase.CONFIRMING, h.phase());
        assertTrue(h.value(DetailType.DEVICE).contains("Android 14"), h.value(DetailType.DEVICE));
    }

    @Test
    void cancelWorksAtAnyStepAndSubmitsNothing() {
        var h = new EngineHarness().say("the app crashes every time I open the asset page");
        h.say("cancel");
        assertEquals(Phase.IDLE, h.phase());
        assertTrue(h.state.details().isEmpty());
        assertTrue(h.action(Action.OpenTicket.class).isEmpty());

        var summary = reachSummary();
        summary.press("cancel");
        assertEquals(Phase.IDLE, summary.phase());
        assertTrue(summary.action(Action.OpenTicket.class).isEmpty());
        summary.say("/cancel");
        assertTrue(summary.reply().toLowerCase().contains("nothing to cancel"), summary.reply());
    }

    @Test
    void languageFollowsTheUserAndLangPinsIt() {
        var h = new EngineHarness().say("hello there, I have a question");
        assertEquals(Lang.EN, h.state.lang());
        h.say("你好,我想问一下手续费");
        assertEquals(Lang.ZH, h.state.lang(), "a clearly Chinese message switches");
        h.say(EVM_HASH);
        assertEquals(Lang.ZH, h.state.lang(), "a hash says nothing about language");
        h.say("/lang en");
        assertEquals(Lang.EN, h.state.lang());
        assertFalse(LanguageDetector.containsHan(h.reply()), h.reply());
        h.say("转账失败了怎么办啊");
        assertEquals(Lang.EN, h.state.lang(), "/lang pins the language");
        assertFalse(LanguageDetector.containsHan(h.reply()), h.reply());
    }

    @Test
    void aConfidentFaqAnswerComesFirstAndCanSolveIt() {
        var h = new EngineHarness();
        h.faq.topic("transfer-failed", "先检查手续费是否充足。", "Check that you have enough for the network fee.")
                .when("给朋友转账的时候一直提示转账失败", Decision.ANSWER, "transfer-failed");
        h.say("给朋友转账的时候一直提示转账失败");
        assertEquals(Phase.FAQ_OFFERED, h.phase());
        assertTrue(h.reply().contains("先检查手续费是否充足。"), h.reply());
        assertEquals(List.of("faq:yes", "faq:no"), h.buttons());
        h.press("faq:yes");
        assertEquals(new Action.FaqVote("transfer-failed", true), h.action(Action.FaqVote.class).orElseThrow());
        assertEquals(Phase.IDLE, h.phase());
        assertTrue(h.action(Action.OpenTicket.class).isEmpty());
    }

    @Test
    void stillNeedingHelpAfterTheFaqContinuesTheReportWithTheVoteStored() {
        var h = new EngineHarness();
        h.faq.topic("transfer-failed", "先检查手续费。", "Check the fee.")
                .when("transfer failed error when sending", Decision.SUGGEST, "transfer-failed");
        h.say("transfer failed error when sending"); // a category, but nothing that happened to the user: FAQ first
        assertEquals(Phase.FAQ_OFFERED, h.phase(), "a topic listed for the category is offered even when unsure");
        h.press("faq:no");
        assertEquals(new Action.FaqVote("transfer-failed", false), h.action(Action.FaqVote.class).orElseThrow());
        assertTrue(h.action(Action.KnowledgeGap.class).isEmpty(),
                "the FAQ did answer: the vote counts against the topic, the gap list is for questions it could not answer");
        assertEquals(Phase.COLLECTING, h.phase());
        assertEquals(List.of("transfer-failed"), h.state.faqTried());
    }

    @Test
    void askingForTheStatusBesideAnOfferedAnswerGoesOnWithTheReport() {
        var h = new EngineHarness();
        h.faq.topic("transfer-failed", "先检查手续费。", "Check the fee.")
                .when("transfer failed error when sending", Decision.SUGGEST, "transfer-failed");
        h.say("transfer failed error when sending");
        assertEquals(Phase.FAQ_OFFERED, h.phase());
        h.say("/status");
        assertEquals(Phase.COLLECTING, h.phase(), h.reply());
        assertNotNull(h.state.awaiting(), "the report's next question is asked: " + h.reply());
        assertEquals("transfer-failed", h.state.categoryId());
    }

    @Test
    void typingADetailInsteadOfPressingAFaqButtonContinuesTheReport() {
        var h = new EngineHarness();
        h.faq.topic("app-crash", "重启手机。", "Restart the phone.")
                .when("the app crashes every time I open the asset page", Decision.ANSWER, "app-crash");
        h.say("the app crashes every time I open the asset page");
        assertEquals(Phase.FAQ_OFFERED, h.phase());
        h.say("iPhone 15 iOS 17.2");
        assertEquals(Phase.COLLECTING, h.phase(), h.reply());
        assertEquals("iPhone 15 / iOS 17.2", h.value(DetailType.DEVICE));
        assertEquals(DetailType.TIME, h.state.awaiting());
        assertTrue(h.action(Action.FaqVote.class).isEmpty(), "no vote was given");
    }

    @Test
    void questionsGetAnswersSuggestionsOrAnOfferOfHelp() {
        var h = new EngineHarness();
        h.faq.topic("fees", "手续费归矿工。", "Fees go to the network.").topic("tron-energy", "能量。", "Energy.")
                .when("what are fees", Decision.ANSWER, "fees")
                .when("fee energy thing", Decision.SUGGEST, "fees", "tron-energy");
        h.say("what are fees");
        assertTrue(h.reply().startsWith("Fees go to the network."), h.reply());
        h.say("fee energy thing");
        assertEquals(Phase.SUGGESTED, h.phase());
        assertEquals(List.of("faq:pick:fees", "faq:pick:tron-energy", "faq:none"), h.buttons());
        h.press("faq:pick:tron-energy");
        assertTrue(h.reply().startsWith("Energy."), h.reply());
        h.say("how do I bake sourdough bread");
        assertEquals("how do I bake sourdough bread", h.action(Action.KnowledgeGap.class).orElseThrow().query());
        assertEquals(List.of("report", "human"), h.buttons());
    }

    @Test
    void talkToAHumanOpensATicketWithWhatIsKnownAndLaterMessagesJoinIt() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        h.say("转人工");
        var ticket = h.action(Action.OpenTicket.class).orElseThrow().ticket();
        assertEquals("human", ticket.reason());
        assertEquals("transfer-pending", ticket.categoryId());
        assertEquals("my transfer has been pending for many hours now", ticket.details().get(DetailType.DESCRIPTION).value());
        assertEquals(Phase.WITH_TICKET, h.phase());
        assertTrue(h.reply().contains("第 3 位") && h.reply().contains("约 25 分钟"),
                "the user learns their place and the wait, in Chinese after 转人工: " + h.reply());
        h.say("any news? it is still not confirmed");
        var appended = h.action(Action.AppendToTicket.class).orElseThrow();
        assertEquals(ticket.number(), appended.ticketNumber());
        h.say("/status");
        assertTrue(h.reply().contains("#" + ticket.number()), h.reply());
    }

    @Test
    void aComplaintGoesToATicketMarkedAsComplaint() {
        var h = new EngineHarness().say("我要投诉,昨天的客服态度非常差,问题也没解决");
        assertEquals("complaint", h.state.categoryId());
        assertTrue(h.reply().contains("主管"), "the user hears a supervisor will handle it: " + h.reply());
        for (int i = 0; i < 5 && h.phase() == Phase.COLLECTING; i++) {
            h.press("skip");
        }
        assertEquals(Phase.CONFIRMING, h.phase(), h.reply());
        h.press("confirm");
        var ticket = h.action(Action.OpenTicket.class).orElseThrow().ticket();
        assertEquals("complaint", ticket.reason());
        assertEquals(2, ticket.priority());
    }

    @Test
    void feedbackIsRecordedWithoutKeepingTheUserInATicket() {
        var h = new EngineHarness().say("I have a suggestion: please add a dark mode to the app");
        assertEquals("feedback", h.state.categoryId());
        assertEquals(Phase.CONFIRMING, h.phase(), "the message itself is the feedback: " + h.reply());
        h.press("confirm");
        assertEquals("feedback", h.action(Action.OpenTicket.class).orElseThrow().ticket().categoryId());
        assertEquals(Phase.IDLE, h.phase());
        assertTrue(h.reply().contains("feedback"), h.reply());
    }

    @Test
    void afterResolutionTheUserRatesStarsTheWeakestAspectAndComments() {
        var h = new EngineHarness().say("转人工");
        long ticket = h.state.ticketNumber();
        h.desk(DeskEvent.Kind.AGENT_REPLY, ticket, "请更新到最新版本");
        assertEquals("请更新到最新版本", h.action(Action.AgentMessage.class).orElseThrow().text());
        h.desk(DeskEvent.Kind.RESOLVED, ticket, null);
        assertEquals(Phase.RATING, h.phase());
        // The stars, and the transcript offered beside them; taking it leaves the rating where it was.
        assertEquals(List.of("rate:1", "rate:2", "rate:3", "rate:4", "rate:5", "transcript"), h.buttons());
        h.press("transcript");
        assertEquals(h.state.key(), h.action(Action.Transcript.class).orElseThrow().conversationKey());
        assertEquals(Phase.RATING, h.phase());
        h.press("rate:2");
        assertEquals(List.of("weak:attitude", "weak:speed", "weak:clarity", "weak:solved", "skip"), h.buttons());
        h.press("weak:speed");
        h.say("等了太久才有人回复");
        assertEquals(new Action.Rating(ticket, 2, "speed", "等了太久才有人回复"), h.action(Action.Rating.class).orElseThrow());
        assertEquals(Phase.IDLE, h.phase());
        h.press("rate:5");
        assertTrue(h.reply().contains("失效"), "a second rating is refused as expired: " + h.reply());
    }

    @Test
    void aUserWhoMovesOnInsteadOfRatingIsNotHeldBack() {
        var h = new EngineHarness().say("talk to a human");
        h.desk(DeskEvent.Kind.RESOLVED, h.state.ticketNumber(), null);
        h.say("the app crashes every time I open the asset page");
        assertEquals("app-crash", h.state.categoryId());
        assertTrue(h.action(Action.Rating.class).isEmpty());
    }

    @Test
    void theUserCanAskForASupervisorWithOrWithoutATicket() {
        var fresh = new EngineHarness().say("我的钱包登录不了,输入密码后一直提示错误").say("我要找你们主管");
        var opened = fresh.action(Action.OpenTicket.class).orElseThrow().ticket();
        assertEquals("supervisor", opened.reason());
        assertEquals("account-login", opened.categoryId());

        var withTicket = new EngineHarness().say("talk to a human");
        long number = withTicket.state.ticketNumber();
        withTicket.say("I want to speak to a supervisor");
        assertEquals(number, withTicket.action(Action.EscalateTicket.class).orElseThrow().ticketNumber());
        assertTrue(withTicket.reply().contains("supervisor"), withTicket.reply());
    }

    @Test
    void anUnknownButtonIsRefusedAndChangesNothing() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        Conversation before = h.state;
        h.press("drop table; --");
        assertSame(before, h.state);
        assertEquals(1, h.actions.size());
        assertTrue(h.reply().contains("don't recognise"), h.reply());
    }

    @Test
    void aStaleButtonSaysSoAndShowsTheCurrentStep() {
        var h = new EngineHarness().say("my transfer has been pending for many hours now");
        h.press("confirm");
        assertEquals(Phase.COLLECTING, h.phase());
        assertTrue(h.reply().contains("expired"), h.reply());
    }

    @Test
    void anOptionalScreenshotCanBeAttachedOrSkipped() {
        var h = reachSummary();
        assertTrue(h.state.skipped().contains(DetailType.SCREENSHOT) || h.value(DetailType.SCREENSHOT) != null);
        var withFile = new EngineHarness().say("the app crashes every time I open the asset page");
        withFile.attach("crash.png");
        assertEquals("/tmp/crash.png", withFile.value(DetailType.SCREENSHOT));
    }

    @Test
    void greetingHelpAndThanksAreUnderstoodInBothLanguages() {
        var h = new EngineHarness().say("你好");
        assertTrue(LanguageDetector.containsHan(h.reply()));
        assertEquals(List.of("report", "human"), h.buttons());
        h.say("help");
        assertTrue(h.reply().contains("/status"), h.reply());
        h.say("thanks!");
        assertFalse(h.reply().isBlank());
    }

    /** app-crash in English, answered up to the summary. */
    private static EngineHarness reachSummary() {
        var h = new EngineHarness().say("the app crashes every time I open the asset page");
        for (int i = 0; i < 10 && h.phase() == Phase.COLLECTING; i++) {
            String answer = CategoryScenarioTest.ANSWERS.get(Lang.EN).get(h.state.awaiting());
            if (answer == null) {
                h.press("skip");
            } else {
                h.say(answer);
            }
        }
        assertEquals(Phase.CONFIRMING, h.phase(), h.reply());
        return h;
    }
}
