package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The four-lane dot product against the one-chain sum it replaced: only the order of additions differs. */
class IntentExamplesDotTest {
    @Test
    void matchesTheSequentialSumForEveryLengthAndOffset() {
        var random = new Random(14);
        for (int dimension : new int[] {1, 3, 4, 5, 384, 511, 512}) {
            float[] q = unit(random, dimension);
            float[] rows = new float[dimension * 3];
            for (int r = 0; r < 3; r++) {
                System.arraycopy(unit(random, dimension), 0, rows, r * dimension, dimension);
            }
            for (int r = 0; r < 3; r++) {
                double sequential = 0;
                for (int i = 0; i < dimension; i++) {
                    sequential += q[i] * rows[r * dimension + i];
                }
                assertEquals(sequential, IntentExamples.dot(q, rows, r * dimension), 1e-12, "dimension " + dimension + " row " + r);
            }
        }
    }

    @Test
    void aVectorWithItselfIsOne() {
        float[] v = unit(new Random(7), 512);
        assertEquals(1.0, IntentExamples.dot(v, v, 0), 1e-6);
    }

    private static float[] unit(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
