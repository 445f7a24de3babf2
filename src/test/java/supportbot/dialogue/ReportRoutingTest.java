package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Decision;

/** First-turn routing of reports (issue 14); messages written for this test, not taken from the suite. */
class ReportRoutingTest {
    @Test
    void aReportWhoseFaqMatchesStartsTheReportWithTheAnswerBeside() {
        var h = new EngineHarness();
        String text = "withdrew bnb from kraken on monday, still not received";
        h.faq.topic("deposit-not-received", "先查交易哈希。", "Look the hash up on the explorer.")
                .when(text, Decision.ANSWER, "deposit-not-received");
        h.say(text);
        assertEquals(Phase.COLLECTING, h.phase(), h.reply());
        assertEquals("deposit-not-received", h.state.categoryId());
        assertTrue(h.reply().contains("Look the hash up on the explorer."), h.reply());
    }

    @Test
    void aReportInWordsTheKeywordsLackFindsItsCategoryThroughTheFaqTopic() {
        var h = new EngineHarness();
        String text = "yesterday my solana payout went nowhere";
        h.faq.topic("transfer-failed", "先检查手续费。", "Check the network fee.")
                .when(text, Decision.SUGGEST, "transfer-failed");
        h.say(text);
        assertEquals("transfer-failed", h.state.categoryId(), h.reply());
        assertEquals(Phase.COLLECTING, h.phase());
    }

    @Test
    void everythingRequiredGivenUpFrontGoesStraightToTheSummary() {
        var h = new EngineHarness().say("無法登入 密碼一直錯誤 帳號 zhou.qi@example.net iPhone 14");
        assertEquals("account-login", h.state.categoryId(), h.reply());
        assertEquals(Phase.CONFIRMING, h.phase(), h.reply());
        assertEquals("zhou.qi@example.net", h.value(DetailType.ACCOUNT));
    }

    @Test
    void aQuestionWithoutSignalsStillGetsTheFaqFirst() {
        var h = new EngineHarness();
        h.faq.topic("transfer-failed", "先检查手续费是否充足。", "Check the fee.")
                .when("转账老是失败是什么原因", Decision.ANSWER, "transfer-failed");
        h.say("转账老是失败是什么原因");
        assertEquals(Phase.FAQ_OFFERED, h.phase(), h.reply());
    }

    @Test
    void aCrashWordOutweighsCannotOpenTheWallet() {
        var h = new EngineHarness().say("钱包打不开 一打开就崩溃 前天开始的");
        assertEquals("app-crash", h.state.categoryId(), h.reply());
    }

    @Test
    void aWrongBalanceOfTheUsersOwnIsReportedAsAnotherProblem() {
        var h = new EngineHarness();
        String text = "my usdc balance looks wrong, about half is missing";
        h.faq.topic("balance-wrong", "先刷新资产列表。", "Refresh the asset list.").when(text, Decision.SUGGEST, "balance-wrong");
        h.say(text);
        assertEquals("other", h.state.categoryId(), h.reply());
    }
}
