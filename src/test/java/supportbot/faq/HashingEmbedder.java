package supportbot.faq;

/**
 * A deterministic stand-in for the BGE models: hashed bag of words (English) or characters (Chinese). Lets
 * fusion and decision logic be tested exactly, without loading ONNX models.
 */
final class HashingEmbedder implements Embedder {
    static final int DIM = 64;
    int calls;

    @Override
    public String modelId(Lang lang) {
        return "hashing-" + lang.code();
    }

    @Override
    public int dimension(Lang lang) {
        return DIM;
    }

    @Override
    public float[] embed(String text, Lang lang) {
        calls++;
        float[] v = new float[DIM];
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String[] tokens = lang == Lang.ZH ? lower.replaceAll("\\s+", "").split("") : lower.split("[^a-z0-9]+");
        for (String t : tokens) {
            if (!t.isEmpty()) {
                v[Math.floorMod(t.hashCode(), DIM)] += 1;
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
