package supportbot.faq;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;

/**
 * One language's document vectors, compared with a query one by one: the exact k nearest, scored as Lucene's
 * cosine k-NN search scores them, (1 + cos) / 2. With a few hundred documents per language and k = 200 the
 * HNSW graph visited nearly all of them anyway, at several times the cost of a plain scan, and only
 * approximately.
 */
final class VectorScan {
    private final int[] docs;
    private final float[][] rows;
    /** Each row's squared norm, summed in Lucene's order: the only part of the cosine that is the row's own. */
    private final float[] squaredNorms;

    VectorScan(int[] docs, float[][] rows) {
        if (docs.length != rows.length) {
            throw new IllegalArgumentException(docs.length + " doc ids for " + rows.length + " vectors");
        }
        this.docs = docs.clone();
        this.rows = rows.clone();
        this.squaredNorms = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            squaredNorms[i] = squaredNorm(rows[i]);
        }
    }

    int size() {
        return docs.length;
    }

    /** The {@code k} best documents, best first, equal scores by doc id (as Lucene lists them). */
    ScoreDoc[] nearest(float[] query, int k) {
        int n = docs.length;
        if (k <= 0 || n == 0) {
            return new ScoreDoc[0];
        }
        double queryNorm = squaredNorm(query);
        // Score and doc in one long that sorts as "best first, then lowest doc": scores are never negative, and
        // the bits of a non-negative float order as the float does.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            float cosine = (float) (dot(query, rows[i]) / Math.sqrt(queryNorm * (double) squaredNorms[i]));
            float score = Math.max((1 + cosine) / 2, 0);
            keys[i] = ((long) Float.floatToIntBits(score) << 32) | (Integer.MAX_VALUE - i);
        }
        Arrays.sort(keys);
        int found = Math.min(k, n);
        var out = new ScoreDoc[found];
        for (int j = 0; j < found; j++) {
            long key = keys[n - 1 - j];
            int row = Integer.MAX_VALUE - (int) key;
            out[j] = new ScoreDoc(docs[row], Float.intBitsToFloat((int) (key >>> 32)));
        }
        return out;
    }

    private static float squaredNorm(float[] v) {
        float sum = 0;
        for (float f : v) {
            sum += f * f;
        }
        return sum;
    }

    /**
     * In eight independent sums, so the additions overlap instead of each waiting on the last: the result may
     * differ from one running sum in the last bit of a float, far below what any threshold can see.
     */
    static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < a.length; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
