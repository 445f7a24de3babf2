package supportbot.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of the desk: a random id in an HttpOnly, SameSite=Strict cookie, and a CSRF token the page
 * must echo in a header on every change. Held in memory only: a restart signs agents out, nothing leaks to disk.
 */
final class DeskSessions {
    static final String COOKIE = "sb_desk";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Duration IDLE = Duration.ofHours(12);

    record Session(String agent, String csrf, Instant lastSeen) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    DeskSessions(Clock clock) {
        this.clock = clock;
    }

    /** @return the new session id */
    String open(String agent) {
        String id = token();
        sessions.put(id, new Session(agent, token(), clock.instant()));
        return id;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastSeen().plus(IDLE).isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.agent(), s.csrf(), clock.instant());
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
