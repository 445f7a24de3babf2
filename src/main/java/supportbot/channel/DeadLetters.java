package supportbot.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import supportbot.safety.Secrets;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Platform updates that kept failing after every retry: kept (secrets cut out) so intake can move past them,
 * listed for operators, and replayed on request. A replay is a request in the store: the connector that owns
 * the channel picks it up after the commit (or at its next start, when the request came from the CLI while
 * the bot was stopped), so the desk API, the CLI and the connector share nothing but the store.
 */
public final class DeadLetters {
    /** Bumped with every replay request: connectors compare it after each commit, a cheap read. */
    public static final String REQUESTED_COUNTER = "deadletters.requested";
    private static final String INDEX = "deadletters:index";
    private static final String PREFIX = "deadletter:";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String WAITING = "waiting";
    public static final String REPLAY_REQUESTED = "replay-requested";
    public static final String REPLAYED = "replayed";
    public static final String REPLAY_FAILED = "replay-failed";

    /**
     * @param payload  the update as the platform sent it (JSON), every text in it passed through the secret detector
     * @param reason   the last failure, without credentials
     * @param status   waiting, replay-requested, replayed or replay-failed
     */
    public record DeadLetter(String id, String channel, String payload, String reason, int attempts, Instant at,
                             String status, Instant changedAt) {
        DeadLetter with(String newStatus, String newReason, Instant when) {
            return new DeadLetter(id, channel, payload, newReason, attempts, at, newStatus, when);
        }
    }

    record Index(List<String> ids) {
        Index {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    /** A request that cannot be carried out, with the HTTP status that describes it. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Store store;
    private final GroupCommitter committer;
    private final Clock clock;

    public DeadLetters(Store store, GroupCommitter committer, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.clock = clock;
    }

    /** Keeps a failed update; the same id again (a redelivery that failed again) replaces the record. */
    public DeadLetter record(String channel, String id, String payloadJson, String reason, int attempts) {
        var letter = new DeadLetter(id, channel, withoutSecrets(payloadJson), reason, attempts, clock.instant(), WAITING,
                clock.instant());
        committer.submit(tx -> {
            tx.putSurfaceState(PREFIX + id, letter);
            var ids = new ArrayList<>(index().ids());
            if (!ids.contains(id)) {
                ids.add(id);
                tx.putSurfaceState(INDEX, new Index(ids));
            }
        }).join();
        return letter;
    }

    /** Oldest first. */
    public List<DeadLetter> list() {
        var out = new ArrayList<DeadLetter>();
        for (String id : index().ids()) {
            get(id).ifPresent(out::add);
        }
        return out;
    }

    public Optional<DeadLetter> get(String id) {
        return id == null ? Optional.empty() : store.surfaceState(PREFIX + id, DeadLetter.class);
    }

    /** Asks the channel's connector to handle the update again; a replayed one is not replayed twice. */
    public DeadLetter requestReplay(String id) {
        DeadLetter letter = get(id).orElseThrow(() -> new Refused(404, "no dead letter '" + clip(id) + "'"));
        if (letter.status().equals(REPLAYED)) {
            throw new Refused(409, "dead letter " + id + " was already replayed at " + letter.changedAt());
        }
        DeadLetter requested = letter.with(REPLAY_REQUESTED, letter.reason(), clock.instant());
        committer.submit(tx -> {
            tx.putSurfaceState(PREFIX + id, requested);
            tx.setCounter(REQUESTED_COUNTER, store.counter(REQUESTED_COUNTER) + 1);
        }).join();
        return requested;
    }

    /** Those of one channel that wait for a replay. */
    public List<DeadLetter> requested(String channel) {
        return list().stream().filter(l -> l.channel().equals(channel) && l.status().equals(REPLAY_REQUESTED)).toList();
    }

    public void replayed(DeadLetter letter) {
        save(letter.with(REPLAYED, letter.reason(), clock.instant()));
    }

    public void replayFailed(DeadLetter letter, String reason) {
        save(letter.with(REPLAY_FAILED, reason, clock.instant()));
    }

    private void save(DeadLetter letter) {
        committer.submit(tx -> tx.putSurfaceState(PREFIX + letter.id(), letter)).join();
    }

    private Index index() {
        return store.surfaceState(INDEX, Index.class).orElse(new Index(List.of()));
    }

    /** Every string in the update through the secret detector: a phrase in a failed message is not kept either. */
    static String withoutSecrets(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            return JSON.writeValueAsString(redact(tree));
        } catch (java.io.IOException e) {
            // Not JSON: keep what the detector leaves of it as text.
            return Secrets.redact(json);
        }
    }

    private static JsonNode redact(JsonNode node) {
        if (node.isTextual()) {
            return new TextNode(Secrets.redact(node.asText()));
        }
        if (node.isObject()) {
            var o = (ObjectNode) node;
            var names = new ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> o.set(n, redact(o.get(n))));
        } else if (node.isArray()) {
            var a = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, redact(a.get(i)));
            }
        }
        return node;
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
