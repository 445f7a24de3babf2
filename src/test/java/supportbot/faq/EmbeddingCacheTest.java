package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    @TempDir
    Path dir;

    @Test
    void vectorsSurviveARestartAndAreNotRecomputed() {
        var first = new CachingEmbedder(new HashingEmbedder(), new EmbeddingCache(dir));
        List<float[]> computed = first.embedAll(List.of("alpha", "beta"), Lang.EN, n -> { });
        assertEquals(2, first.misses());

        var model = new HashingEmbedder();
        var second = new CachingEmbedder(model, new EmbeddingCache(dir));
        List<float[]> reloaded = second.embedAll(List.of("alpha", "beta", "gamma"), Lang.EN, n -> { });
        assertEquals(2, second.hits());
        assertEquals(1, second.misses());
        assertEquals(1, model.calls, "only the new text is embedded");
        assertArrayEquals(computed.get(1), reloaded.get(1));
    }

    @Test
    void modelsDoNotShareVectors() {
        var cache = new EmbeddingCache(dir);
        cache.put("model-a", 2, "text", new float[] {1, 0});
        assertNull(cache.get("model-b", 2, "text"));
    }

    @Test
    void aTornLastRecordFromACrashIsIgnored() throws Exception {
        var cache = new EmbeddingCache(dir);
        cache.put("m", 2, "one", new float[] {1, 2});
        try (var files = Files.list(dir)) {
            Path file = files.findFirst().orElseThrow();
            Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        }
        var reopened = new EmbeddingCache(dir);
        assertArrayEquals(new float[] {1, 2}, reopened.get("m", 2, "one"));
        assertEquals(1, reopened.size("m", 2));
    }
}
