package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Candidate;
import supportbot.faq.Decision;
import supportbot.faq.FaqEntry;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;
import supportbot.faq.LocalizedFaq;
import supportbot.faq.SearchResult;

/** What the engine does with what the intents read: reports, urgent cases, out of scope, rejected answers. */
class IntentFlowTest {
    private static final DialogueData DATA = new DialogueData(EngineHarness.DATA.messages(), EngineHarness.DATA.categories(),
            IntentExamplesTest.CLASSIFIER, EngineHarness.DATA.details());

    private static EngineHarness harness() {
        var h = new EngineHarness();
        h.engine = new DialogueEngine(DATA, h.faq, new DetailParsers(DATA.details(), h.clock), h.tickets, h.clock, Lang.EN);
        return h;
    }

    private static EngineHarness harness(FaqLookup faq) {
        var h = new EngineHarness();
        h.engine = new DialogueEngine(DATA, faq, new DetailParsers(DATA.details(), h.clock), h.tickets, h.clock, Lang.EN);
        return h;
    }

    @Test
    void aReportStartsTheTicketPathEvenWhenAnFaqAnswersIt() {
        var h = harness();
        String report = "昨天转了3000U到交易所一直没到账";
        h.faq.topic("deposit-not-received", "请先核对链和地址。", "Check the chain and address.")
                .when(report, Decision.ANSWER, "deposit-not-received");
        h.say(report);
        assertEquals("deposit-not-received", h.state.categoryId());
        assertEquals(Phase.COLLECTING, h.phase(), h.reply());
        assertTrue(h.reply().contains("请先核对链和地址。"), "the answer goes beside the report: " + h.reply());
        assertFalse(h.buttons().contains("faq:yes"), "no vote: the report goes on at once");
        assertEquals(List.of("deposit-not-received"), h.state.faqTried());
    }

    @Test
    void anEnglishReportOfWhatHappenedIsAReportToo() {
        var h = harness();
        String report = "my usdt never arrived after I sent it 2 hours ago";
        h.faq.topic("deposit-not-received", "请先核对链和地址。", "Check the chain and address.")
                .when(report, Decision.ANSWER, "deposit-not-received");
        h.say(report);
        assertEquals("deposit-not-received", h.state.categoryId());
        assertEquals(Phase.COLLECTING, h.phase(), h.reply());
    }

    @Test
    void mixedScriptReportWithNoCategoryWordIsStillAReport() {
        var h = harness();
        h.faq.topic("failed-fee-charged", "失败的交易也收手续费。", "Failed transactions still pay the fee.")
                .when("我的TRX transfer失败了", Decision.ANSWER, "failed-fee-charged");
        h.say("我的TRX transfer失败了");
        assertEquals("transfer-failed", h.state.categoryId(), "a report, not the fee answer: " + h.reply());
        assertEquals(Phase.COLLECTING, h.phase());
        assertFalse(h.reply().startsWith("失败的交易也收手续费。"), h.reply());
    }

    @Test
    void theftInTraditionalCharactersTakesTheUrgentPath() {
        var h = harness().say("我的帳號被盜了");
        assertEquals("scam-stolen", h.state.categoryId());
        assertTrue(h.reply().contains(DATA.messages().get(Lang.ZH, "urgent.advice")), h.reply());
    }

    @Test
    void aLeakedPhraseIsUrgentWithoutAnyCategoryWord() {
        var h = harness().say("我把助记词发给别人了");
        assertEquals("scam-stolen", h.state.categoryId(), h.reply());
    }

    @Test
    void aHowToQuestionWithACategoryWordGetsTheFaq() {
        var h = harness();
        h.faq.topic("transfer-pending", "等待区块确认。", "Wait for confirmations.")
                .when("how do I speed up a pending transfer", Decision.ANSWER, "transfer-pending");
        h.say("how do I speed up a pending transfer");
        assertEquals(Phase.FAQ_OFFERED, h.phase(), h.reply());
    }

    @Test
    void outOfScopeIsSaidHonestlyWithAHumanOffered() {
        var h = harness();
        h.faq.topic("seed-phrase", "助记词是钱包的唯一凭证。", "The seed phrase is your wallet.")
                .when("推荐一个币", Decision.ANSWER, "seed-phrase");
        h.say("推荐一个币");
        assertEquals(DATA.messages().get(Lang.ZH, "faq.out_of_scope"), h.reply());
        assertEquals(List.of("report", "human"), h.buttons());
        assertTrue(h.action(Action.KnowledgeGap.class).isEmpty(), "not a gap in the FAQ");
    }

    @Test
    void anAnswerTheUserRejectedIsNeverOfferedAgain() {
        var h = harness();
        h.faq.topic("backup", "在设置里备份。", "Back up in settings.").topic("export-key", "导出私钥。", "Export the key.")
                .when("how do I back up the wallet", Decision.ANSWER, "backup", "export-key");
        h.say("how do I back up the wallet");
        assertTrue(h.reply().startsWith("Back up in settings."), h.reply());
        h.press("faq:no");
        assertEquals(List.of("backup"), h.state.faqRejected());
        h.say("how do I back up the wallet");
        assertFalse(h.reply().contains("Back up in settings."), h.reply());
        assertFalse(h.buttons().contains("faq:pick:backup"), h.buttons().toString());
        assertEquals(List.of("backup"), h.state.faqRejected(), "kept across topics");
    }

    @Test
    void topicsTheUserSaidNoneOfHelpAreNotSuggestedAgain() {
        var h = harness();
        h.faq.topic("import", "导入钱包。", "Import a wallet.").topic("migrate", "换手机迁移。", "Move to a new phone.")
                .when("how do i get my old wallet back", Decision.SUGGEST, "import", "migrate")
                .when("i mean restore it from the old words", Decision.SUGGEST, "import", "migrate");
        h.say("how do i get my old wallet back");
        assertEquals(Phase.SUGGESTED, h.phase());
        h.press("faq:none");
        assertEquals(List.of("import", "migrate"), h.state.faqRejected());
        h.say("i mean restore it from the old words");
        assertFalse(h.buttons().contains("faq:pick:import"), h.buttons().toString());
        assertFalse(h.buttons().contains("faq:pick:migrate"), h.buttons().toString());
    }

    @Test
    void notHelpfulPressedOnASuggestionListRejectsTheListedTopics() {
        var h = harness();
        h.faq.topic("fees", "手续费说明。", "About fees.").topic("energy", "能量说明。", "About energy.")
                .when("why so expensive to send", Decision.SUGGEST, "fees", "energy");
        h.say("why so expensive to send");
        h.press("faq:no");
        assertEquals(List.of("fees", "energy"), h.state.faqRejected());
        assertEquals(List.of("report", "human"), h.buttons());
    }

    @Test
    void didYouMeanOnlyListsTopicsThatShareMeaningWithTheQuestion() {
        FaqEntry near = entry("fees");
        FaqEntry unrelated = entry("nft-display");
        FaqEntry far = entry("staking");
        FaqLookup faq = new FaqLookup() {
            public SearchResult search(String text) {
                return new SearchResult(text, LanguageDetector.detect(text), Decision.SUGGEST, List.of(
                        new Candidate(near, 0.50, 0.55, 0.4),
                        new Candidate(unrelated, 0.48, 0.45, 0.0),
                        new Candidate(far, 0.30, 0.70, 0.2)));
            }

            public Optional<FaqEntry> entry(String id) {
                return Optional.empty();
            }
        };
        var h = harness(faq).say("fee thing question");
        assertEquals(List.of("faq:pick:fees", "faq:none"), h.buttons());
    }

    @Test
    void didYouMeanWithNothingRelatedSaysSoAndOffersAHuman() {
        FaqLookup faq = new FaqLookup() {
            public SearchResult search(String text) {
                return new SearchResult(text, Lang.EN, Decision.SUGGEST, List.of(new Candidate(IntentFlowTest.entry("staking"), 0.4, 0.4, 0)));
            }

            public Optional<FaqEntry> entry(String id) {
                return Optional.empty();
            }
        };
        var h = harness(faq).say("the purple elephant dances");
        assertEquals(List.of("report", "human"), h.buttons());
    }

    @Test
    void greetingsAndThanksWithEmojiAndPunctuationAreUnderstood() {
        var h = harness().say("hello 👋");
        assertEquals(DATA.messages().get(Lang.EN, "greeting"), h.reply());
        h.say("多谢啦～");
        assertEquals(DATA.messages().get(Lang.ZH, "thanks"), h.reply());
        h.say("human please!!!");
        assertTrue(h.action(Action.OpenTicket.class).isPresent());
    }

    @Test
    void aDetailBeingAnsweredIsNotReadByTheExamples() {
        var h = harness().say("the app crashes every time I open it");
        assertEquals(Phase.COLLECTING, h.phase());
        int before = IntentExamplesTest.EMBEDDER.calls;
        h.say("iPhone 15 iOS 17.2");
        assertEquals(before, IntentExamplesTest.EMBEDDER.calls, "no embedding for a detail");
        assertEquals("iPhone 15 / iOS 17.2", h.value(supportbot.dialogue.details.DetailType.DEVICE));
    }

    private static FaqEntry entry(String id) {
        return new FaqEntry(id, "test", List.of(), java.util.Map.of(Lang.ZH, new LocalizedFaq("问题 " + id, List.of(), "答 " + id),
                Lang.EN, new LocalizedFaq("Question " + id, List.of(), "Answer " + id)), id);
    }
}
