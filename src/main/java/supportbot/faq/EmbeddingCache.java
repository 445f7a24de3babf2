package supportbot.faq;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Embeddings on disk, keyed by model and SHA-256 of the text, so a restart with an unchanged FAQ embeds
 * nothing. One append-only file per model: records are [32-byte hash][float32 x dim]; a torn last record
 * (crash while appending) is ignored on load. Several processes (run, eval, ask) may share the directory.
 */
public final class EmbeddingCache {
    private static final int HASH_BYTES = 32;

    private final Path dir;
    private final Map<String, Map<String, float[]>> byModel = new HashMap<>();

    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    public synchronized float[] get(String modelId, int dim, String text) {
        return loaded(modelId, dim).get(key(text));
    }

    public synchronized void put(String modelId, int dim, String text, float[] vector) {
        if (vector.length != dim) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, model " + modelId + " has " + dim);
        }
        String key = key(text);
        Map<String, float[]> cache = loaded(modelId, dim);
        if (cache.putIfAbsent(key, vector) != null) {
            return;
        }
        ByteBuffer record = ByteBuffer.allocate(HASH_BYTES + 4 * dim).order(ByteOrder.LITTLE_ENDIAN);
        record.put(HexFormat.of().parseHex(key));
        for (float f : vector) {
            record.putFloat(f);
        }
        record.flip();
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(file(modelId), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                // Whole records only: another process may be appending to the same file.
                try (var lock = ch.lock()) {
                    while (record.hasRemaining()) {
                        ch.write(record);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write embedding cache " + file(modelId), e);
        }
    }

    public synchronized int size(String modelId, int dim) {
        return loaded(modelId, dim).size();
    }

    private Map<String, float[]> loaded(String modelId, int dim) {
        return byModel.computeIfAbsent(modelId, m -> read(file(m), dim));
    }

    private Path file(String modelId) {
        return dir.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".vec");
    }

    private static Map<String, float[]> read(Path file, int dim) {
        var map = new HashMap<String, float[]>();
        if (!Files.exists(file)) {
            return map;
        }
        byte[] hash = new byte[HASH_BYTES];
        byte[] body = new byte[4 * dim];
        try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                in.readFully(hash);
                in.readFully(body);
                float[] v = new float[dim];
                ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                map.put(HexFormat.of().formatHex(hash), v);
            }
        } catch (EOFException endOrTornRecord) {
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding cache " + file, e);
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
