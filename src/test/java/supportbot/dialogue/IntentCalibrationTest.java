package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.Lang;

/**
 * The real BGE models (the only intent test that loads them): calibration of minScore and minMargin on the
 * held-back fifth of the examples, printed so config/intents.yaml can take the values, and accuracy on the
 * separate held-out set with the configured values.
 */
class IntentCalibrationTest {
    static BgeEmbedder bge;

    @BeforeAll
    static void load() {
        bge = new BgeEmbedder();
    }

    @Test
    void calibratedThresholdsReadTheHeldOutSet() {
        IntentClassifier base = EngineHarness.DATA.intents();
        Calibration.Result calibrated = Calibration.run(base, bge);
        System.out.print("BGE calibration (held-back fifth of the examples)\n" + calibrated.describe());
        IntentClassifier configured = base.withEmbedder(bge);
        System.out.println("configured: " + base.thresholds());
        double accuracy = HeldOut.accuracy(HeldOut.load(), configured::classify, "held-out, BGE, configured thresholds");
        double rulesOnly = HeldOut.accuracy(HeldOut.load(), base::classify, "held-out, rules only (before)");
        assertTrue(accuracy >= 0.85, "accuracy " + accuracy);
        assertTrue(accuracy > rulesOnly + 0.2, accuracy + " vs rules only " + rulesOnly);
    }

    /**
     * The quantized BGE graphs quantize activations dynamically (48 DynamicQuantizeLinear nodes feeding
     * MatMulInteger): one scale per tensor, taken over the whole batch, padding rows included. A batch therefore
     * cannot reproduce a single run bit for bit; measured worst case cos 0.9947 ("hi" beside two long texts).
     * The tolerance accepts that rounding; what it is there to catch (a wrong pooling row, no normalisation,
     * padding not masked) changes the vector as a whole, not in the third decimal.
     */
    static final double BATCH_TOLERANCE = 0.01;

    @Test
    void aBatchEmbedsEachTextAsItWouldAlone() {
        List<String> texts = List.of("hi", "my usdt never arrived after I sent it 2 hours ago", "how do I back up my wallet");
        List<float[]> batch = bge.embedBatch(texts, Lang.EN);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = bge.embed(texts.get(i), Lang.EN);
            double cos = 0;
            for (int d = 0; d < alone.length; d++) {
                cos += alone[d] * batch.get(i)[d];
            }
            assertEquals(1.0, cos, BATCH_TOLERANCE, texts.get(i));
        }
        List<float[]> zh = bge.embedBatch(List.of("你好", "昨天转了3000U到交易所一直没到账"), Lang.ZH);
        float[] alone = bge.embed("昨天转了3000U到交易所一直没到账", Lang.ZH);
        double cos = 0;
        for (int d = 0; d < alone.length; d++) {
            cos += alone[d] * zh.get(1)[d];
        }
        assertEquals(1.0, cos, BATCH_TOLERANCE);
    }
}
