package supportbot.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured agents; finds one by bearer token without storing or logging the token itself. */
public final class AgentDirectory {
    private final Map<String, Agent> byName;
    private final Map<String, Agent> byTokenHash;
    private final Map<Long, Agent> byTelegramId;

    public AgentDirectory(List<Agent> agents) {
        this.byName = agents.stream().collect(Collectors.toUnmodifiableMap(Agent::name, Function.identity()));
        this.byTokenHash = agents.stream().filter(a -> a.tokenSha256() != null)
                .collect(Collectors.toUnmodifiableMap(a -> a.tokenSha256().toLowerCase(), Function.identity()));
        this.byTelegramId = agents.stream().filter(a -> a.telegramUserId() != null)
                .collect(Collectors.toUnmodifiableMap(Agent::telegramUserId, Function.identity()));
    }

    public Optional<Agent> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = HexFormat.of().parseHex(sha256(token));
        // Constant-time comparison against every hash: timing reveals nothing about how close a guess was.
        Agent found = null;
        for (var e : byTokenHash.entrySet()) {
            if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(e.getKey()))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Only configured ids act in the staff group: a group member is not an agent by being there. */
    public Optional<Agent> byTelegramId(long userId) {
        return Optional.ofNullable(byTelegramId.get(userId));
    }

    public java.util.Collection<Agent> all() {
        return byName.values();
    }

    public Optional<Agent> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
