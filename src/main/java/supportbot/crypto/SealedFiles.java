package supportbot.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Files users send, sealed each under its own key. The key goes into the attachment record, which the store
 * seals under the conversation's key: destroying that key leaves the file unreadable even where a deleted
 * file's blocks survive on disk, and re-keying a conversation never rewrites its files.
 */
public final class SealedFiles {
    private static final byte[] AAD = "support-bot attachment v1".getBytes(StandardCharsets.US_ASCII);

    /** @param key base64, for the attachment record; @param size of the plain file */
    public record Written(String key, long size) {
        @Override
        public String toString() {
            return "Written[size=" + size + "]"; // never the key
        }
    }

    private SealedFiles() {
    }

    /** Reads all of {@code in} (the caller caps its size) and writes it sealed to {@code target}. */
    public static Written write(InputStream in, Path target) throws IOException {
        byte[] plain = in.readAllBytes();
        byte[] key = AesGcm.newKey();
        Files.write(target, AesGcm.seal(key, plain, AAD, 0));
        return new Written(Base64.getEncoder().encodeToString(key), plain.length);
    }

    /** The plain bytes; {@code key} null reads a file stored plain before files were sealed. */
    public static byte[] read(Path file, String key) throws IOException {
        byte[] stored = Files.readAllBytes(file);
        if (key == null) {
            return stored;
        }
        return AesGcm.open(Base64.getDecoder().decode(key), stored, 0, AAD)
                .orElseThrow(() -> new IOException(file.getFileName() + " does not open with its key"));
    }
}
