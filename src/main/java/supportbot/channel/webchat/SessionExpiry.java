package supportbot.channel.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Expires web chat sessions nobody uses: one nobody wrote in after {@code empty}, one quiet for {@code idle}.
 * Only the session id stops working (the widget then starts a new conversation); the transcript stays until
 * the retention sweep. Without this, every page view that never chats would leave a row forever.
 */
public final class SessionExpiry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionExpiry.class);

    public record Settings(Duration empty, Duration idle) {
        public Settings {
            if (empty.isNegative() || empty.isZero() || idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("session expiry times must be positive");
            }
        }
    }

    private final Store store;
    private final GroupCommitter committer;
    private final Settings settings;
    private final Clock clock;
    private supportbot.channel.WakeLoop loop;

    public SessionExpiry(Store store, GroupCommitter committer, Settings settings, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sweeps now and then every {@code every}. */
    public SessionExpiry start(Duration every) {
        loop = new supportbot.channel.WakeLoop("web-session-expiry", every, () -> {
            sweep();
            return Duration.ZERO;
        }).start();
        return this;
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }

    /** One pass; returns how many sessions expired. */
    public int sweep() {
        Instant now = clock.instant();
        Instant emptyBefore = now.minus(settings.empty());
        Instant idleBefore = now.minus(settings.idle());
        Instant oldest = emptyBefore.isAfter(idleBefore) ? emptyBefore : idleBefore;
        var expired = new java.util.ArrayList<String>();
        for (String id : store.webSessionsCreatedBefore(oldest)) {
            // The conversation's state is one small read; its updatedAt moves with every turn.
            var conversation = store.conversation(WebChat.key(id));
            // A session opened with the browser's zone has a conversation before its first message: still empty.
            boolean empty = conversation.map(c -> c.turns() == 0).orElse(true);
            Instant last = conversation.map(c -> c.updatedAt()).orElse(null);
            if (empty || last != null && last.isBefore(idleBefore)) {
                expired.add(id);
            }
        }
        if (!expired.isEmpty()) {
            committer.submit(tx -> expired.forEach(tx::dropWebSession)).join();
            log.info("expired {} unused web chat sessions", expired.size());
        }
        return expired.size();
    }
}
