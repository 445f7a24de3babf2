package supportbot.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a conversation's files live: one directory per conversation, so /forget and retention can remove a
 * user's files without reading any transcript.
 */
public final class AttachmentFiles {
    private AttachmentFiles() {
    }

    public static Path dirFor(Path root, String conversationKey) {
        return root.resolve(conversationKey.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** A file name safe on every OS, keeping the end (where the extension is) of a long one. */
    public static String safeName(String fileName) {
        // The whole name is checked before it is shortened or its non-ASCII chars replaced: a phrase in a long
        // name would otherwise survive as its last 80 chars, and a disguised one as unreadable underscores.
        String name = supportbot.safety.Fragments.withoutSecret(fileName);
        String safe = name == null || name.isBlank() ? "file" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(safe.length() - 80) : safe;
    }

    /** The file's plain bytes, unsealed with the key its record holds. */
    public static byte[] read(supportbot.dialogue.Attachment a) throws IOException {
        return supportbot.crypto.SealedFiles.read(Path.of(a.ref()), a.fileKey());
    }

    /** The file's plain bytes, or null when it is gone (erased by /forget or swept meanwhile): nothing to send. */
    public static byte[] readOrNull(supportbot.dialogue.Attachment a) {
        try {
            return read(a);
        } catch (IOException e) {
            return null;
        }
    }

    public static void deleteAll(Path root, String conversationKey) {
        Path dir = dirFor(root, conversationKey);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files of a forgotten conversation in " + dir, e);
        }
    }
}
