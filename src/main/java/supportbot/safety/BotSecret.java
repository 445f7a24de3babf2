package supportbot.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import supportbot.config.ConfigException;

/**
 * The bot's own key, for signing button data and deriving agents' verification codes. From
 * {@code SUPPORT_BOT_SECRET} (hex, at least 32 bytes) or else made once and kept in the data directory,
 * readable by the owner only, so signatures and codes survive restarts.
 */
public final class BotSecret {
    public static final String ENV = "SUPPORT_BOT_SECRET";
    static final String FILE = "secret.key";

    private final byte[] key;

    private BotSecret(byte[] key) {
        this.key = key.clone();
    }

    public static BotSecret of(byte[] key) {
        return new BotSecret(key);
    }

    public static BotSecret load(Path dataDir, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (!fromEnv.strip().matches("(?i)[0-9a-f]{64,}")) {
                throw new ConfigException(ENV + ": at least 64 hex digits (32 bytes), e.g. from `openssl rand -hex 32`");
            }
            return new BotSecret(HexFormat.of().parseHex(fromEnv.strip()));
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                byte[] stored = HexFormat.of().parseHex(Files.readString(file).strip());
                if (stored.length < 32) {
                    throw new ConfigException(file + ": the key is too short; delete the file to make a new one");
                }
                return new BotSecret(stored);
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            Files.writeString(tmp, HexFormat.of().formatHex(fresh));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new BotSecret(fresh);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": not a hex key; delete the file to make a new one");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "BotSecret[hidden]";
    }
}
