package supportbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Browser sessions of the desk: a random id in an HttpOnly, SameSite=Strict cookie, and a CSRF token the page
 * must echo in a header on every change. Kept in the store, so a restart or another instance behind the same
 * load balancer keeps agents signed in; the store holds only a hash of the id, so reading it signs nobody in.
 * The CSRF token is derived from the id rather than stored: every instance computes the same one.
 */
final class DeskSessions {
    static final String COOKIE = "sb_desk";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration IDLE = Duration.ofHours(12);
    /** A session's last use is written at most this often: a write per request would tax the database. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    record Session(String agent, String csrf, Instant lastSeen) {
    }

    private final Store store;
    private final GroupCommitter committer;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    DeskSessions(Store store, GroupCommitter committer, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.clock = clock;
    }

    /** @return the new session id, once it is committed (so any instance accepts it at once) */
    String open(String agent) {
        String id = token();
        Instant now = clock.instant();
        // Signing in is rare: the moment to sweep out the sessions nobody came back to.
        committer.submit(tx -> {
            tx.dropDeskSessionsIdleSince(now.minus(IDLE));
            tx.putDeskSession(hash(id), agent, now);
        }).join();
        return id;
    }

    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String hash = hash(id);
        var row = store.deskSession(hash);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastSeen = Instant.ofEpochMilli(row.get().lastSeenMillis());
        if (lastSeen.plus(IDLE).isBefore(now)) {
            committer.submit(tx -> tx.dropDeskSession(hash)).join();
            return Optional.empty();
        }
        if (!lastSeen.plus(TOUCH_EVERY).isAfter(now)) {
            String agent = row.get().agent();
            committer.submit(tx -> tx.putDeskSession(hash, agent, now)).join();
            lastSeen = now;
        }
        return Optional.of(new Session(row.get().agent(), csrf(id), lastSeen));
    }

    void close(String id) {
        if (id != null && !id.isEmpty()) {
            committer.submit(tx -> tx.dropDeskSession(hash(id))).join();
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String id) {
        return HexFormat.of().formatHex(sha256("desk-session\0" + id));
    }

    /** Unguessable without the cookie, and not the stored hash (another prefix), so the table gives no token either. */
    static String csrf(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("desk-csrf\0" + id));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
