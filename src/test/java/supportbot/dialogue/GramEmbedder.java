package supportbot.dialogue;

import supportbot.faq.Embedder;
import supportbot.faq.Lang;

/**
 * A deterministic, fast stand-in for the BGE models: hashed words and character bigrams/trigrams. It knows no
 * meaning, only shared spelling, so intent tests run without ONNX; whatever accuracy it reaches the real
 * models should beat (IntentCalibrationTest checks them).
 */
final class GramEmbedder implements Embedder {
    static final int DIM = 1024;
    int calls;

    @Override
    public String modelId(Lang lang) {
        return "grams-" + lang.code();
    }

    @Override
    public int dimension(Lang lang) {
        return DIM;
    }

    @Override
    public float[] embed(String text, Lang lang) {
        calls++;
        float[] v = new float[DIM];
        String s = text.toLowerCase(java.util.Locale.ROOT);
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && w.codePoints().allMatch(cp -> cp < 128)) {
                v[Math.floorMod(("w" + w).hashCode(), DIM)] += 2;
            }
        }
        String packed = " " + s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
        for (int n = 2; n <= 3; n++) {
            for (int i = 0; i + n <= packed.length(); i++) {
                v[Math.floorMod(packed.substring(i, i + n).hashCode(), DIM)] += 1;
            }
        }
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < DIM; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
