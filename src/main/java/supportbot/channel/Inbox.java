package supportbot.channel;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.dialogue.Action;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.DeskEvent;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Messages;
import supportbot.dialogue.Turn;
import supportbot.faq.LanguageDetector;
import supportbot.safety.InboundGuard;
import supportbot.safety.SecretDetector;
import supportbot.safety.SplitPhraseWatch;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.StoreScrub;
import supportbot.store.StoredConversation;

/**
 * Where every connector hands in user messages. Drops duplicate deliveries (by persisted platform message
 * id), runs the messages of one conversation strictly in order and different conversations in parallel,
 * and completes a message's future only after its new state and replies are committed, so a connector
 * acknowledges to its platform only what is safe.
 */
public final class Inbox implements AutoCloseable, supportbot.desk.ConversationLanes {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /**
     * PROCESSED; DUPLICATE (seen before, nothing done); DROPPED (refused silently: banned, flooding);
     * SECRET_REMOVED (handled without the secret it held: the connector should delete the original message);
     * FLOODED (only for {@link #submitWaiting}: not read and nothing kept, the sender should retry later).
     */
    public enum Outcome { PROCESSED, DUPLICATE, DROPPED, SECRET_REMOVED, FLOODED }

    private final Store store;
    private final GroupCommitter committer;
    private final DialogueEngine engine;
    private final Messages messages;
    private final Set<String> pushChannels;
    private final InboundGuard guard;
    private final supportbot.metrics.BotMetrics metrics;
    private final ExecutorService workers;
    private final Map<String, CompletableFuture<Outcome>> lanes = new ConcurrentHashMap<>();
    /** Turns of one conversation that overlap on two instances: a handful of re-runs settles any real race. */
    private static final int MAX_ATTEMPTS = 8;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> forgetListeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.BiConsumer<String, List<String>>> pieceListeners = new CopyOnWriteArrayList<>();
    private final SplitPhraseWatch splitPhrases = new SplitPhraseWatch(SplitPhraseWatch.Settings.defaults());
    /**
     * Committed state of recently active conversations. Reading MapDB waits for the commit lock, and the
     * conversations that write are the ones that read next; only committed state goes in, so it never runs
     * ahead of the store.
     */
    private final Cache<String, StoredConversation> recent = CacheBuilder.newBuilder().maximumSize(10_000).build();

    /** @param pushChannels channels whose replies go through the outbox to a {@link ChannelSender} */
    /** The bot's texts, for files built outside a turn (a transcript). */
    public Messages messages() {
        return messages;
    }

    public Inbox(Store store, GroupCommitter committer, DialogueEngine engine, Messages messages, int threads,
                 Set<String> pushChannels) {
        this(store, committer, engine, messages, threads, pushChannels, new InboundGuard(InboundGuard.Settings.defaults(),
                supportbot.safety.Secrets::redact, store::isBanned, System::nanoTime));
    }

    public Inbox(Store store, GroupCommitter committer, DialogueEngine engine, Messages messages, int threads,
                 Set<String> pushChannels, InboundGuard guard) {
        this(store, committer, engine, messages, threads, pushChannels, guard, supportbot.metrics.BotMetrics.none());
    }

    public Inbox(Store store, GroupCommitter committer, DialogueEngine engine, Messages messages, int threads,
                 Set<String> pushChannels, InboundGuard guard, supportbot.metrics.BotMetrics metrics) {
        this.guard = guard;
        this.metrics = metrics;
        this.store = store;
        this.committer = committer;
        this.engine = engine;
        this.messages = messages;
        this.pushChannels = Set.copyOf(pushChannels);
        forgetListeners.add(splitPhrases::forget); // an erased user's pieces leave memory too
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "inbox");
            t.setDaemon(true);
            return t;
        });
    }

    /** Called with the conversation key after each commit: long polls and the outbox wake up on it. */
    public void onCommitted(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Another instance committed in this conversation: the same listeners run as for a commit here, so long polls,
     * the outbox and the staff mirrors of this instance look again.
     */
    public void committedElsewhere(String conversationKey) {
        notify(listeners, conversationKey);
    }

    /** Another instance committed this user's erasure: this one forgets what its memory and files hold of them. */
    public void forgottenElsewhere(String conversationKey) {
        notify(forgetListeners, conversationKey);
    }

    /** Called with the conversation key once a user's erasure is committed: files and caches go next. */
    public void onForgotten(Consumer<String> listener) {
        forgetListeners.add(listener);
    }

    /**
     * Called with the conversation key and the platform message ids of the earlier pieces of a recovery phrase
     * sent in pieces, once they are removed from the store: connectors delete them where the platform lets them.
     * (The last piece is the message whose outcome is {@link Outcome#SECRET_REMOVED}.)
     */
    public void onPiecesRemoved(java.util.function.BiConsumer<String, List<String>> listener) {
        pieceListeners.add(listener);
    }

    /** A conversation that has not said anything yet, in the zone its client reported (null: the configured one). */
    public Conversation opened(String channel, String key, String userId, java.time.ZoneId zone, java.time.Instant at) {
        return engine.opened(channel, key, userId, zone, at);
    }

    public CompletableFuture<Outcome> submit(Inbound in) {
        return inLane(in.conversationKey(), () -> process(in, false)).whenComplete((o, e) -> metrics.messageReceived(in.channel(),
                e != null ? "failed" : o.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * A category's form, filled in and read ({@link supportbot.dialogue.CategoryForms}): handled in the
     * conversation's lane like a message, with {@code in}'s text (a readable copy of the answers) as what the
     * user said, checked and kept like any message.
     */
    public CompletableFuture<Outcome> submitForm(Inbound in, supportbot.dialogue.Category category, supportbot.faq.Lang lang,
                                                 Map<supportbot.dialogue.details.DetailType, supportbot.dialogue.details.DetailValue> details) {
        return inLane(in.conversationKey(), () -> process(in, false,
                (current, handled) -> engine.handleForm(current, handled, category, lang, details)))
                .whenComplete((o, e) -> metrics.messageReceived(in.channel(),
                        e != null ? "failed" : o.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * For a sender that waits for the answer (HTTP): over the flood limit the message is refused with
     * {@link Outcome#FLOODED} rather than skipped behind a notice, so the sender knows to send it again.
     */
    public CompletableFuture<Outcome> submitWaiting(Inbound in) {
        return inLane(in.conversationKey(), () -> process(in, true)).whenComplete((o, e) -> metrics.messageReceived(in.channel(),
                e != null ? "failed" : o.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** How long a flooded conversation should wait before its next message is read. */
    public java.time.Duration retryAfter(String conversationKey) {
        return guard.retryAfter(conversationKey);
    }

    /**
     * The desk changed a ticket: the engine tells the user, in the conversation's lane, and {@code ticketChange}
     * is committed together with that.
     */
    @Override
    public CompletableFuture<Outcome> submit(DeskEvent event, Consumer<Store.Tx> ticketChange) {
        return inLane(event.conversationKey(), () -> processDesk(event, ticketChange));
    }

    private CompletableFuture<Outcome> inLane(String key, java.util.function.Supplier<CompletableFuture<Outcome>> job) {
        CompletableFuture<Outcome> next = lanes.compute(key, (k, tail) -> {
            CompletableFuture<?> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return previous.handle((v, e) -> null).thenComposeAsync(v -> attempt(k, job, MAX_ATTEMPTS), workers);
        });
        next.whenComplete((o, e) -> lanes.computeIfPresent(key, (k, tail) -> tail.isDone() ? null : tail));
        return next;
    }

    /**
     * Runs a lane's job; a turn that ran on state another instance changed meanwhile wrote nothing and runs
     * again on fresh state, and a message another instance already handled ends as a duplicate. Only a shared
     * store (PostgreSQL) ever answers either way.
     */
    private CompletableFuture<Outcome> attempt(String key, java.util.function.Supplier<CompletableFuture<Outcome>> job,
                                               int attemptsLeft) {
        CompletableFuture<Outcome> run;
        try {
            run = logged(key, job);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        return run.handle((outcome, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null) {
                return CompletableFuture.completedFuture(outcome);
            }
            if (cause instanceof supportbot.store.DuplicateInbound) {
                return CompletableFuture.completedFuture(Outcome.DUPLICATE);
            }
            if (cause instanceof supportbot.store.ConversationChanged && attemptsLeft > 1) {
                log.debug("another instance changed the conversation during this turn; running it again");
                metrics.turnRetried();
                // Off the commit thread, which is where this callback runs.
                return CompletableFuture.supplyAsync(() -> attempt(key, job, attemptsLeft - 1), workers)
                        .thenCompose(f -> f);
            }
            return CompletableFuture.<Outcome>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    /** Runs a lane's job with the conversation (and its ticket, once known) on every log line, and times it. */
    private CompletableFuture<Outcome> logged(String key, java.util.function.Supplier<CompletableFuture<Outcome>> job) {
        long start = System.nanoTime();
        try (var scope = supportbot.logging.LogContext.of(key, null)) {
            return job.get().whenComplete((o, e) -> metrics.turn(System.nanoTime() - start));
        }
    }

    private CompletableFuture<Outcome> processDesk(DeskEvent event, Consumer<Store.Tx> ticketChange) {
        Store.Read read = current(event.conversationKey());
        StoredConversation stored = read.conversation();
        supportbot.logging.LogContext.ticket(event.ticketNumber()); // cleared when the lane's job returns
        Turn turn = engine.handleDesk(stored == null ? null : stored.conversation(), event);
        return commit(event.conversationKey(), TurnRecorder.prepare(read, event, turn, pushChannels, ticketChange))
                .thenApply(o -> countPolled(turn, o));
    }

    /** Replies to a channel that polls (the web chat) reach the user when committed: the outbox never sees them. */
    private Outcome countPolled(Turn turn, Outcome outcome) {
        turn.actions().stream().filter(a -> a instanceof Action.Reply || a instanceof Action.AgentMessage
                        || a instanceof Action.Export || a instanceof Action.Transcript)
                .map(a -> a instanceof Action.Reply r ? r.channel() : a instanceof Action.AgentMessage m ? m.channel()
                        : a instanceof Action.Transcript x ? x.channel() : ((Action.Export) a).channel())
                .filter(channel -> !pushChannels.contains(channel)).forEach(metrics::messageSent);
        return outcome;
    }

    /**
     * The state a turn starts from. With a store other instances write, always read fresh with its version (a
     * cache would be stale the moment another instance took a turn); otherwise this process's last commit.
     */
    private Store.Read current(String key) {
        if (store.shared()) {
            return store.read(key);
        }
        StoredConversation stored = recent.getIfPresent(key);
        return Store.Read.unchecked(stored != null ? stored : store.stored(key).orElse(null));
    }

    private CompletableFuture<Outcome> commit(String key, TurnRecorder.Prepared prepared) {
        return committer.submit(prepared.writes()).whenComplete((v, e) -> {
            if (e == null && !store.shared()) {
                recent.put(key, prepared.conversation());
            } else {
                recent.invalidate(key);
            }
        }).thenApply(v -> {
            if (prepared.forgotten()) {
                notify(forgetListeners, key);
            }
            notify(listeners, key);
            return Outcome.PROCESSED;
        });
    }

    /**
     * The turn is committed by now: a listener that throws must neither keep the others (the outbox, long
     * polls, staff mirrors) from waking nor fail the message's future, or the connector would redeliver it.
     */
    private static void notify(List<Consumer<String>> targets, String key) {
        for (Consumer<String> l : targets) {
            try {
                l.accept(key);
            } catch (RuntimeException e) {
                log.error("a commit listener failed for {}; the others still run", key, e);
            }
        }
    }

    private CompletableFuture<Outcome> process(Inbound in, boolean senderWaits) {
        return process(in, senderWaits, null);
    }

    /** @param form handles a form instead of the engine's message handling; null for a message */
    private CompletableFuture<Outcome> process(Inbound in, boolean senderWaits,
                                               java.util.function.BiFunction<Conversation, Inbound, Turn> form) {
        Store.Read read = current(in.conversationKey());
        StoredConversation stored = read.conversation();
        if (stored != null && stored.hasSeen(in.platformMessageId())) {
            return CompletableFuture.completedFuture(Outcome.DUPLICATE);
        }
        Conversation current = stored == null ? null : stored.conversation();
        supportbot.logging.LogContext.ticket(current == null ? null : current.ticketNumber()); // cleared by logged()
        InboundGuard.Verdict verdict = guard.check(in, senderWaits);
        if (verdict instanceof InboundGuard.TooFast) {
            return CompletableFuture.completedFuture(Outcome.FLOODED);
        }
        if (verdict instanceof InboundGuard.Drop drop) {
            log.info("dropped a message: {}", drop.why());
            return CompletableFuture.completedFuture(Outcome.DROPPED);
        }
        Inbound handled;
        Turn turn;
        boolean secret;
        if (in.isButton() && !OfferedButtons.offered(stored, in.button())) {
            // Made up, replayed from elsewhere, or from before an erasure: nothing happens, and the payload
            // (which may hold anything, a recovery phrase included) is neither handled nor kept.
            log.warn("refused a button this conversation was not offered (payload length {})", in.button().length());
            handled = OfferedButtons.withoutPayload(in);
            secret = false;
            turn = notice(current, handled, "button.invalid", java.util.Map.of());
        } else if (verdict instanceof InboundGuard.Refuse refuse) {
            handled = refuse.recorded();
            secret = refuse.secretRemoved();
            turn = notice(current, handled, refuse.key().equals("secret.warning") ? secretWarningKey(in) : refuse.key(),
                    refuse.args());
        } else {
            var pass = (InboundGuard.Pass) verdict;
            handled = pass.in();
            secret = pass.secretRemoved();
            var split = secret || handled.isButton() || form != null ? java.util.Optional.<SplitPhraseWatch.Found>empty()
                    : splitPhrases.offer(in.conversationKey(), in.platformMessageId(), handled.text(), in.time());
            if (split.isPresent()) {
                return splitPhrase(read, handled, split.get());
            }
            try {
                turn = form != null && !secret ? form.apply(current, handled) : engine.handle(current, handled);
            } catch (RuntimeException e) {
                if (supportbot.store.StoreFailure.in(e)) {
                    // The database, not the message: nothing is recorded, so the platform or the widget delivers it
                    // again and the turn runs in full, instead of an apology standing in for an answer for good.
                    throw e;
                }
                log.error("engine failed on a message; the message is kept and the user told", e);
                turn = apology(current, handled);
            }
            if (secret) {
                turn = withNotice(turn, handled, secretWarningKey(in), Map.of());
            }
            if (pass.unreadBefore() > 0) {
                turn = withNotice(turn, handled, "limit.flood_unread", Map.of("count", pass.unreadBefore()));
            }
        }
        if (secret) {
            log.warn("removed a secret (recovery phrase or key) from a message before storing it");
        }
        supportbot.logging.LogContext.ticket(turn.conversation().ticketNumber()); // the turn may have opened one
        Outcome outcome = secret ? Outcome.SECRET_REMOVED : Outcome.PROCESSED;
        Turn done = turn;
        // The guard's cleaned copy of the message drops who sent it; the card still wants to know.
        return commit(in.conversationKey(), TurnRecorder.prepare(read, handled.from(in.contact()), turn, pushChannels))
                .thenApply(o -> countPolled(done, outcome));
    }

    /**
     * The message completed a recovery phrase sent in pieces: it is recorded without its text, like a message
     * holding a whole phrase, the earlier pieces are redacted wherever they were stored (state, transcript,
     * tickets, outbox; the staff feed then edits its copies), the file's free space is cleared of them, and the
     * user is warned and told what the platform lets the bot delete.
     */
    private CompletableFuture<Outcome> splitPhrase(Store.Read read, Inbound in, SplitPhraseWatch.Found found) {
        StoredConversation stored = read.conversation();
        var words = found.words();
        StoredConversation cleaned = stored == null ? null : StoreScrub.redacted(stored, words::redact);
        Inbound recorded = new Inbound(in.channel(), in.conversationKey(), in.userId(), SecretDetector.REDACTION,
                in.attachments(), null, in.platformMessageId(), in.time(), in.publicPlace());
        int pieces = found.earlier().size() + 1;
        Turn turn = notice(cleaned == null ? null : cleaned.conversation(), recorded, "secret.split_warning",
                java.util.Map.of("pieces", pieces));
        turn = new Turn(turn.conversation(), appended(turn.actions(), new Action.Reply(in.channel(), in.conversationKey(),
                messages.get(turn.conversation().lang(), deleteNoticeKey(in), java.util.Map.of("pieces", pieces)), List.of())));
        log.warn("removed a recovery phrase sent in {} messages in {}; redacting the earlier ones everywhere", pieces,
                in.conversationKey());
        var prepared = TurnRecorder.prepare(new Store.Read(cleaned, read.version()), recorded.from(in.contact()), turn,
                pushChannels);
        String key = in.conversationKey();
        var withRedaction = new TurnRecorder.Prepared(prepared.conversation(),
                prepared.writes().andThen(tx -> tx.redactConversation(key, words::redact)), prepared.forgotten());
        List<String> ids = found.earlier().stream().map(SplitPhraseWatch.Part::messageId).filter(java.util.Objects::nonNull)
                .toList();
        return commit(key, withRedaction)
                .thenApply(v -> {
                    pieceListeners.forEach(l -> l.accept(key, ids));
                    return Outcome.SECRET_REMOVED;
                });
    }

    /**
     * Telegram lets the bot delete the user's messages (private chats; groups where it is an admin) and does; on
     * Discord a bot cannot delete a user's DM messages, and earlier pieces in threads are not deleted either: each
     * user is told the truth.
     */
    private static String deleteNoticeKey(Inbound in) {
        return switch (in.channel()) {
            case "telegram" -> "secret.split_deleted";
            case "discord" -> "secret.split_delete_yourself";
            default -> "secret.split_cleared";
        };
    }

    /** A bot cannot delete a user's message in a Discord DM: that user is asked to delete it, not told it is gone. */
    private static String secretWarningKey(Inbound in) {
        return in.channel().equals("discord") && in.conversationKey().startsWith("discord:dm:")
                ? "secret.warning_delete_yourself" : "secret.warning";
    }

    private static List<Action> appended(List<Action> actions, Action last) {
        var out = new java.util.ArrayList<>(actions);
        out.add(last);
        return out;
    }

    /** The state stays as it was; the user reads why their message was not handled. */
    private Turn notice(Conversation current, Inbound in, String key, java.util.Map<String, ?> args) {
        var lang = current != null ? current.lang() : LanguageDetector.detect(in.text());
        // A refused first message still starts the conversation in the configured zone, never the server's.
        Conversation state = current != null ? current : Conversation.start(in, lang, engine.defaultZone().getId());
        return new Turn(state, List.of(new Action.Reply(in.channel(), in.conversationKey(), messages.get(lang, key, args),
                List.of())));
    }

    private Turn withNotice(Turn turn, Inbound in, String key, Map<String, ?> args) {
        var actions = new java.util.ArrayList<Action>();
        actions.add(new Action.Reply(in.channel(), in.conversationKey(), messages.get(turn.conversation().lang(), key, args),
                List.of()));
        actions.addAll(turn.actions());
        return new Turn(turn.conversation(), actions);
    }

    /** The state stays as it was; the user hears that something went wrong rather than nothing. */
    private Turn apology(Conversation current, Inbound in) {
        var lang = current != null ? current.lang() : LanguageDetector.detect(in.text());
        // A refused first message still starts the conversation in the configured zone, never the server's.
        Conversation state = current != null ? current : Conversation.start(in, lang, engine.defaultZone().getId());
        return new Turn(state, List.of(new Action.Reply(in.channel(), in.conversationKey(),
                messages.get(lang, "error.internal"), List.of())));
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
