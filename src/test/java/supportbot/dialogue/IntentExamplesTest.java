package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Intent reading with a fast deterministic embedder: the held-out set, normalisation, rules as overrides. */
class IntentExamplesTest {
    static final GramEmbedder EMBEDDER = new GramEmbedder();
    /** The stand-in's similarities are on another scale than BGE's, so it gets thresholds calibrated for it. */
    static final Calibration.Result CALIBRATED = Calibration.run(EngineHarness.DATA.intents(), EMBEDDER);
    static final IntentClassifier CLASSIFIER = EngineHarness.DATA.intents().withExamples(EMBEDDER,
            EngineHarness.DATA.intents().examples(), CALIBRATED.thresholds());

    @Test
    void everyIntentHasManyExamplesInBothLanguagesAndTheHeldOutSetIsSeparate() {
        var examples = EngineHarness.DATA.intents().examples();
        var seen = new HashSet<String>();
        for (Intent intent : Intent.values()) {
            var list = examples.getOrDefault(intent, java.util.List.of());
            long zh = list.stream().filter(supportbot.faq.LanguageDetector::containsHan).count();
            assertTrue(zh >= 20 && list.size() - zh >= 20, intent + ": " + zh + " zh of " + list.size());
            list.forEach(e -> seen.add(e.strip().toLowerCase(java.util.Locale.ROOT)));
        }
        var heldOut = HeldOut.load();
        assertTrue(heldOut.size() >= 200, "held-out messages: " + heldOut.size());
        for (HeldOut m : heldOut) {
            // Raw text only: a messy held-out form of a plain example ("你好 👋") is a test of the normalisation.
            assertTrue(!seen.contains(m.text().strip().toLowerCase(java.util.Locale.ROOT)), "in the examples: " + m.text());
        }
    }

    @Test
    void heldOutMessagesAreMostlyRead() {
        System.out.print(CALIBRATED.describe());
        double accuracy = HeldOut.accuracy(HeldOut.load(), CLASSIFIER::classify, "held-out, spelling-only embedder");
        // The stand-in knows spelling, not meaning; the real models must do better (IntentCalibrationTest).
        assertTrue(accuracy >= 0.70, "accuracy " + accuracy);
    }

    @Test
    void aMessageReadAgainIsNotEmbeddedAgainAndGetsTheSameIntent() {
        var embedder = new GramEmbedder();
        IntentClassifier classifier = EngineHarness.DATA.intents().withExamples(embedder,
                EngineHarness.DATA.intents().examples(), CALIBRATED.thresholds());
        int before = embedder.calls;
        var first = classifier.read("what is your name");
        var again = classifier.read("ｗｈａｔ ｉｓ  ｙｏｕｒ ｎａｍｅ");
        assertEquals(before + 1, embedder.calls, "the same reading form must be embedded once");
        assertEquals(first, again);
        classifier.read("你叫什么名字呀");
        assertEquals(before + 2, embedder.calls, "another message is embedded afresh");
    }

    @Test
    void withoutAnEmbedderOnlyTheRulesRead() {
        IntentClassifier rules = EngineHarness.DATA.intents();
        assertEquals(Optional.empty(), rules.classify("你叫什么名字"));
        assertEquals(Optional.of(Intent.HUMAN), rules.classify("转人工"));
    }

    @Test
    void messyFormsReadLikeTheirPlainForms() {
        Map<String, String> sameAs = Map.of(
                "hello 👋", "hello",
                "多谢啦～", "多谢",
                "human please!!!", "human please",
                "ｈｕｍａｎ", "human",
                "轉人工", "转人工",
                "謝謝！！！", "谢谢",
                "ＨＥＬＬＯ", "hello",
                "再見～～", "再见");
        sameAs.forEach((messy, plain) -> {
            Optional<Intent> expected = CLASSIFIER.classify(plain);
            assertTrue(expected.isPresent(), plain);
            assertEquals(expected, CLASSIFIER.classify(messy), messy);
            assertEquals(expected, EngineHarness.DATA.intents().classify(messy), "rules alone: " + messy);
        });
    }

    @Test
    void rulesOverrideTheExamplesAndSayTheyDid() {
        IntentMatch m = CLASSIFIER.read("转人工").orElseThrow();
        assertTrue(m.byRule());
        assertEquals(Intent.HUMAN, m.intent());
        IntentMatch byExample = CLASSIFIER.read("叫个客服过来吧").orElseThrow();
        assertTrue(!byExample.byRule(), byExample.toString());
        assertEquals(Intent.HUMAN, byExample.intent());
        assertTrue(byExample.score() > 0 && byExample.margin() > 0, byExample.toString());
    }

    @Test
    void categoriesReadTraditionalAndFullWidthText() {
        var categories = EngineHarness.DATA.categories();
        assertEquals("scam-stolen", categories.reportedIn("我的帳號被盜了").orElseThrow().id());
        assertEquals("transfer-pending", categories.reportedIn("ＰＥＮＤＩＮＧ for hours").orElseThrow().id());
    }

    /** An emptied wallet is theft; coins the user sent somewhere themselves are not ("被转到了bsc链上"). */
    @Test
    void anEmptiedWalletIsTheftButOwnTransfersAreNot() {
        var categories = EngineHarness.DATA.categories();
        for (String theft : new String[] {"钱包被掏空了", "錢包被清空了", "币被转到一个陌生地址", "余额变成0了 我啥都没操作过",
                "balance went to zero, i didnt do anything", "my wallet got emptied"}) {
            assertEquals("scam-stolen", categories.reportedIn(theft).map(c -> c.id()).orElse(null), theft);
        }
        for (String own : new String[] {"我的usdt被转到了bsc链上", "app froze during the swap", "binance froze my withdrawal"}) {
            assertTrue(!categories.reportedIn(own).map(c -> c.id()).orElse("").equals("scam-stolen"), own);
        }
        assertEquals("app-crash", categories.reportedIn("app froze during the swap").orElseThrow().id());
        // Anger at us is not theft; a scam that happened to the user is.
        for (String insult : new String[] {"this wallet is a scam, my transfer is stuck for 2 days", "you people are scammers",
                "你们就是骗子 钱包转账一直卡着", "是不是诈骗平台啊 提现这么慢"}) {
            assertTrue(!categories.reportedIn(insult).map(c -> c.id()).orElse("").equals("scam-stolen"), insult);
        }
        for (String scam : new String[] {"i got scammed by a fake airdrop", "a scammer took my usdt", "遇到骗子了 钱被转走",
                "被诈骗了"}) {
            assertEquals("scam-stolen", categories.reportedIn(scam).map(c -> c.id()).orElse(null), scam);
        }
        assertEquals("swap-failed", categories.reportedIn("闪兑老是fail").orElseThrow().id());
        assertEquals("transfer-failed", categories.reportedIn("今天一直转不了账").orElseThrow().id());
        assertEquals("account-login", categories.reportedIn("登录老是失败").orElseThrow().id());
        assertEquals("transfer-pending", categories.reportedIn("提币一直 processing").orElseThrow().id());
        // Approving or signing something, then the funds are gone: a drainer, however the rest is put.
        assertEquals("scam-stolen", categories.reportedIn("signed a message on some site and my eth is gone").orElseThrow().id());
        assertEquals("scam-stolen", categories.reportedIn("点了个链接授权之后 钱包里的币全没了").orElseThrow().id());
        assertTrue(categories.reportedIn("connected my ledger and the tokens are missing").map(c -> c.id())
                .filter("scam-stolen"::equals).isEmpty());
        assertTrue(categories.reportedIn("how can i be sure you're not a scam site").isEmpty());
        assertTrue(categories.reportedIn("binance froze my withdrawal").isEmpty());
    }
}
