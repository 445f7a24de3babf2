package supportbot.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import supportbot.channel.ConnectorParts;
import supportbot.channel.Inbox;
import supportbot.channel.Outbox;
import supportbot.channel.SendFailure;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskService;
import supportbot.dialogue.Messages;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * The Telegram channel: users in private chats and groups, agents in the staff forum. Updates come by long
 * polling (telegrambots) or by webhook (our own HTTP server); either way an update counts as done only once
 * its effects are committed, and only then does the polling offset move past it.
 */
public final class TelegramConnector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramConnector.class);
    static final String OFFSET = "telegram.offset";


    private final TelegramSettings settings;
    private final ConnectorParts parts;
    private final BotApi api;
    private final BotIdentity me;
    private final UserUpdates users;
    private final StaffUpdates staff;
    /** Makes the staff forum's mirror for one term of the poller role; null without a staff forum. */
    private final java.util.function.Supplier<supportbot.channel.StaffFeed> newMirror;
    /** True while this instance holds the poller role. */
    private volatile boolean leading;
    /** The mirror running on this instance, while it holds the poller role; else null. */
    private volatile supportbot.channel.StaffFeed mirror;
    private supportbot.cluster.Leadership.Role pollerRole;
    private supportbot.cluster.Leadership ownLeadership;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile boolean running = true;
    private final supportbot.channel.DeadLetters deadLetters;
    /** Replays dead letters off the commit and polling threads, one at a time. */
    private final java.util.concurrent.ExecutorService replays = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "telegram-replay");
        t.setDaemon(true);
        return t;
    });
    /** What Telegram must send with each webhook call; null in polling mode. */
    private final String webhookSecret;
    /** Failed tries per webhook update id: Telegram redelivers, so the count lives here. */
    private final com.google.common.cache.Cache<Integer, Integer> webhookFailures = com.google.common.cache.CacheBuilder
            .newBuilder().maximumSize(10_000).expireAfterWrite(1, TimeUnit.HOURS).build();
    private final java.util.concurrent.atomic.AtomicLong replayRequestsSeen = new java.util.concurrent.atomic.AtomicLong(-1);
    private final supportbot.metrics.ConnectorState state;
    private final UpdateLanes lanes = new UpdateLanes();
    /**
     * The confirmed offset, kept here so the polling thread never reads the store: closing interrupts that
     * thread, and an interrupt during file I/O closes the store's file.
     */
    private final java.util.concurrent.atomic.AtomicLong confirmed = new java.util.concurrent.atomic.AtomicLong();
    /** While an update is still in flight, how long a poll waits for it before fetching what else came. */
    private static final java.time.Duration IN_FLIGHT_POLL = java.time.Duration.ofMillis(200);

    private TelegramConnector(TelegramSettings settings, ConnectorParts parts, BotApi api, BotIdentity me) {
        this.settings = settings;
        this.parts = parts;
        this.api = api;
        this.me = me;
        this.deadLetters = new supportbot.channel.DeadLetters(parts.store(), parts.committer(), parts.clock());
        this.state = parts.metrics().connector(TelegramKeys.CHANNEL);
        // Known before the web server takes calls, so an instance that just started accepts them at once.
        this.webhookSecret = settings.mode() == TelegramSettings.Mode.WEBHOOK
                ? WebhookSecret.resolve(settings, parts.committer()) : null;
        var limiter = new SendLimiter(settings.limits(), System::nanoTime);
        parts.store().sharedRates().ifPresent(limiter::sharedWith); // several instances: one bot-wide limit
        var keyboards = new Keyboards(parts.signer());
        var shown = new ShownKeyboards();
        this.users = new UserUpdates(keyboards, shown, parts.inbox(), parts.store(), api, me, parts.attachmentsRoot(),
                settings.maxAttachmentBytes(), parts.messages(), parts.clock());
        var relayed = new RelayedReplies(parts.store(), parts.committer());
        parts.outbox().register(new UserSender(api, limiter, keyboards, me.privateChatLink(), parts.store(), parts.clock(),
                shown).withMessages(parts.messages()).withRelayedReplies(relayed));
        if (settings.staffChatId() != null) {
            this.staff = new StaffUpdates(parts.desk(), parts.agents(), parts.store(), parts.committer(), api, me,
                    settings.staffChatId(), settings.supervisorChatId(), parts.signer()).withRelayedReplies(relayed);
            // Every instance keeps the feed, not only the one that mirrors it: a ticket changed on another instance
            // would otherwise never reach the staff forum.
            parts.store().followTicketFeed(TelegramStaffSurface.NAME);
            this.newMirror = () -> new supportbot.channel.StaffFeed(parts.store(), parts.committer(), new TelegramStaffSurface(
                    parts.store(), parts.committer(), api, limiter,
                    new StaffCards(parts.categoryName(), parts.signer(), settings.staffChatId(), parts.slaVerdict())
                            .withContacts(new supportbot.channel.ContactLine(parts.messages(), supportbot.faq.Lang.EN,
                                    supportbot.channel.ContactLine.stored(parts.store())).withLinks(parts.store())), settings.staffChatId(),
                    settings.supervisorChatId()).mentioning(settings.newTicketMention())).withTranscripts(parts.messages());
            parts.inbox().onCommitted(key -> wakeMirror());
            users.onSecretExposed(this::tellAgentsOfSecret);
        } else {
            this.staff = null;
            this.newMirror = null;
        }
    }

    /**
     * Agents on the ticket should know the user exposed a phrase or key (the bot kept nothing of it) and
     * whether a copy is still in the user's chat, so they can tell the user to move the funds.
     */
    private void tellAgentsOfSecret(String conversationKey, boolean deletedFromChat) {
        var ticket = parts.store().conversation(conversationKey).map(c -> c.ticketNumber()).orElse(null);
        if (ticket == null) {
            return;
        }
        var place = supportbot.channel.StaffFeed.placeOf(parts.store(), TelegramStaffSurface.NAME, ticket);
        if (place.isEmpty()) {
            return;
        }
        String line = "⚠️ The user pasted what looked like a recovery phrase or private key. It was not stored or relayed; "
                + (deletedFromChat ? "the bot deleted it from the user's chat." : "Telegram did not let the bot delete it from "
                + "the user's chat, so the user was asked to delete it.")
                + " The user was told to treat it as stolen and move the funds to a new wallet.";
        try {
            api.sendHtml(settings.staffChatId(), (int) place.get().place(), TelegramText.escapeHtml(line), null);
        } catch (SendFailure e) {
            log.warn("could not tell ticket #{}'s topic that the user exposed a secret: {}", ticket, e.getMessage());
        }
    }

    /** Checks the token with getMe and wires the connector; nothing is received until {@link #start()}. */
    public static TelegramConnector connect(TelegramSettings settings, ConnectorParts parts) {
        var api = new BotApi(settings);
        try {
            var user = api.me();
            log.info("Telegram: signed in as @{} via {} ({} mode{})", user.getUserName(), settings.apiUrl(),
                    settings.mode().name().toLowerCase(java.util.Locale.ROOT),
                    settings.staffChatId() == null ? ", no staff group" : ", staff group " + settings.staffChatId());
            return new TelegramConnector(settings, parts, api, new BotIdentity(user.getId(), user.getUserName()));
        } catch (SendFailure e) {
            throw new IllegalStateException("Telegram did not accept the bot token or cannot be reached at "
                    + settings.apiUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Starts as the only instance: it polls (in polling mode) and mirrors to the staff forum. */
    public TelegramConnector start() {
        ownLeadership = supportbot.cluster.Leadership.alone();
        return start(ownLeadership);
    }

    /**
     * Starts receiving. Every instance sends and, in webhook mode, takes updates; the poller (in polling mode) and
     * the staff forum's mirror run on the one instance that holds {@link #POLLER_ROLE}: two pollers would take
     * each other's updates away, two mirrors would open each ticket's topic twice.
     */
    public TelegramConnector start(supportbot.cluster.Leadership leadership) {
        // A replay asked for through the desk API or the CLI is a store change: look after every commit.
        parts.committer().onCommit(this::replayIfRequested);
        // Any commit here or on another instance may change a ticket the staff forum shows.
        parts.committer().onCommit(this::wakeMirror);
        try {
            api.setCommands(parts.messages(), settings.staffChatId());
        } catch (SendFailure e) {
            log.warn("Telegram: the command menu was not set ({}); commands still work when typed", e.getMessage());
        }
        try {
            if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
                api.setWebhook(settings.webhookUrl(), webhookSecret);
                log.info("Telegram: webhook set to {}", settings.webhookUrl());
            }
            state.connected(true);
        } catch (SendFailure e) {
            throw new IllegalStateException("Telegram: cannot start receiving updates: " + e.getMessage(), e);
        }
        pollerRole = leadership.hold(POLLER_ROLE, this::lead);
        return this;
    }

    /** The poller role's name among the instances sharing a database. */
    public static final String POLLER_ROLE = "telegram-poller";

    /** One term of the poller role: the staff mirror, and in polling mode the poller. */
    private AutoCloseable lead(supportbot.cluster.Leadership.Lease lease) throws TelegramApiException {
        leading = true;
        replayRequestsSeen.set(-1); // requests made while another instance led may still wait
        replayIfRequested();
        supportbot.channel.StaffFeed feed = newMirror == null ? null : newMirror.get().start();
        mirror = feed;
        wakeMirror();
        AutoCloseable poller = null;
        try {
            if (settings.mode() == TelegramSettings.Mode.POLLING) {
                poller = startPolling(lease);
            }
        } catch (TelegramApiException | RuntimeException e) {
            leading = false;
            mirror = null;
            if (feed != null) {
                feed.close();
            }
            throw e;
        }
        AutoCloseable pollerToStop = poller;
        return () -> {
            leading = false;
            if (pollerToStop != null) {
                pollerToStop.close();
            }
            mirror = null;
            if (feed != null) {
                feed.close();
            }
        };
    }

    private void wakeMirror() {
        var feed = mirror;
        if (feed != null) {
            feed.wake();
        }
    }

    /** Polls from the offset in the store, which the previous poller (here or on another instance) confirmed. */
    private AutoCloseable startPolling(supportbot.cluster.Leadership.Lease lease) throws TelegramApiException {
        confirmed.set(parts.store().counter(OFFSET));
        ScheduledExecutorService pollingThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-polling");
            t.setDaemon(true);
            return t;
        });
        long readTimeout = settings.pollTimeoutSeconds() + 20L;
        var polling = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                () -> new OkHttpClient.Builder().readTimeout(readTimeout, TimeUnit.SECONDS)
                        .connectTimeout(15, TimeUnit.SECONDS).build(),
                () -> pollingThread);
        // The library's own offset moves before updates are handled; ours moves after they are committed.
        polling.registerBot(settings.token(), () -> BotApi.telegramUrl(settings),
                ignored -> {
                    if (!lease.confirm()) {
                        // Another instance may be polling already: this one asks Telegram for nothing more.
                        throw new IllegalStateException("Telegram: this instance no longer holds the poller role");
                    }
                    polls.incrementAndGet();
                    boolean idle = settle();
                    // Updates still in flight stay unconfirmed, so Telegram answers at once: poll briskly, not long.
                    return GetUpdates.builder().offset((int) (confirmed.get() + 1)).limit(100)
                            .timeout(idle ? settings.pollTimeoutSeconds() : 0)
                            .allowedUpdates(List.of("message", "edited_message", "callback_query")).build();
                },
                this::consume); // the application counts as running from construction: registering starts polling
        return () -> {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("closing long polling: {}", e.toString());
            }
            pollingThread.shutdownNow();
        };
    }

    /** Whether this instance holds the poller role now (and so polls, in polling mode, and mirrors). */
    public boolean holdsPollerRole() {
        return pollerRole != null && pollerRole.held();
    }

    /** Polls this connector has made: for tests that check only the elected instance polls. */
    long pollsMade() {
        return polls.get();
    }

    private final java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();

    /**
     * One batch from getUpdates, on the polling thread: each update goes to its chat's lane and the thread is
     * free for the next poll at once. The library skips updates it has handed over already, so one that is
     * still in flight (and so still unconfirmed) is not run twice.
     */
    private void consume(List<Update> updates) {
        state.updateReceived(parts.clock().millis());
        for (Update u : updates) {
            lanes.submit(u.getUpdateId(), laneOf(u), () -> awaitWithRetry(u, dispatchSafely(u)));
        }
    }

    /**
     * Before each poll: waits a little for updates in flight, then confirms every update up to the first one
     * not yet committed. Returns whether nothing is in flight.
     */
    private boolean settle() {
        boolean idle;
        try {
            idle = lanes.awaitIdle(IN_FLIGHT_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        var done = lanes.takeDonePrefix();
        if (done.isPresent() && running) {
            try {
                // Raised, never lowered: a poller that lost its role a moment ago must not move it back.
                parts.committer().submit(tx -> tx.raiseCounter(OFFSET, done.getAsInt())).join();
                confirmed.accumulateAndGet(done.getAsInt(), Math::max);
                state.connected(true);
            } catch (RuntimeException e) {
                state.connected(false);
                log.error("Telegram: the polling offset was not saved; the updates will be fetched again", e);
            }
        }
        return idle;
    }

    /** Updates of one chat keep their order: a private chat, a group, or the staff forum. */
    private static long laneOf(Update u) {
        if (u.hasCallbackQuery()) {
            var m = u.getCallbackQuery().getMessage();
            return m != null ? m.getChatId() : u.getCallbackQuery().getFrom().getId();
        }
        var m = u.getMessage() != null ? u.getMessage() : u.getEditedMessage();
        return m != null ? m.getChatId() : 0;
    }

    /**
     * Waits for one update, trying it again with growing waits; after the configured tries it is kept as a dead
     * letter and counts as done, so one update that can never succeed does not hold up everyone else's.
     */
    private void awaitWithRetry(Update u, CompletableFuture<?> first) {
        var retry = settings.retry();
        CompletableFuture<?> attempt = first;
        for (int tries = 1; ; tries++) {
            try {
                attempt.join();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                String why = reason(e);
                if (tries >= retry.attempts()) {
                    deadLetter(u, why, tries);
                    return;
                }
                long wait = retry.backoffAfter(tries).toMillis();
                log.warn("Telegram update {} failed ({}); try {} of {} in {} ms", u.getUpdateId(), why, tries + 1,
                        retry.attempts(), wait);
                sleep(wait);
                attempt = dispatchSafely(u);
            }
        }
    }

    private void deadLetter(Update u, String why, int tries) {
        String payload;
        try {
            payload = json.writeValueAsString(u);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot keep Telegram update " + u.getUpdateId() + " as a dead letter", e);
        }
        var letter = deadLetters.record(TelegramKeys.CHANNEL, "telegram-" + u.getUpdateId(), payload, why, tries);
        parts.metrics().deadLetter(TelegramKeys.CHANNEL, "retries");
        log.error("Telegram update {} failed {} times ({}); kept as dead letter {} and skipped: replay it with "
                + "POST /api/desk/deadletters/{}/replay", u.getUpdateId(), tries, why, letter.id(), letter.id());
    }

    /** The failure, without the bot token (Bot API file URLs carry it) and without the exception wrappers. */
    private String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.replace(settings.token(), "<token>").replaceAll("\\d{3,15}:[A-Za-z0-9_-]{20,}", "<token>");
    }

    /** Dead letters are replayed by the poller role's holder only: every instance sees the request. */
    private void replayIfRequested() {
        if (!leading) {
            return;
        }
        long requested = parts.store().counter(supportbot.channel.DeadLetters.REQUESTED_COUNTER);
        if (requested != replayRequestsSeen.getAndSet(requested) && running) {
            replays.execute(this::replayRequested);
        }
    }

    /** Each requested dead letter, once: a replay that fails again is marked so and can be asked for again. */
    private void replayRequested() {
        for (var letter : deadLetters.requested(TelegramKeys.CHANNEL)) {
            try {
                Update u = json.readValue(letter.payload(), Update.class);
                dispatchSafely(u).get(50, TimeUnit.SECONDS);
                deadLetters.replayed(letter);
                log.info("Telegram dead letter {} replayed", letter.id());
            } catch (Exception e) {
                String why = reason(e);
                log.warn("Telegram dead letter {} failed again on replay ({})", letter.id(), why);
                try {
                    deadLetters.replayFailed(letter, why);
                } catch (RuntimeException stored) {
                    log.warn("could not record the failed replay of {}: {}", letter.id(), stored.toString());
                }
            }
        }
    }

    CompletableFuture<?> dispatchSafely(Update u) {
        try {
            if (staff != null && staff.isStaff(u)) {
                staff.handle(u);
                wakeMirror();
                return CompletableFuture.completedFuture(null);
            }
            return users.handle(u);
        } catch (SendFailure | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A webhook delivery. Telegram sends the secret we gave it in setWebhook; anything else is refused. The
     * answer is 200 only once the update is committed, so Telegram re-sends what we could not take.
     *
     * @return the HTTP status to answer
     */
    public int onWebhook(String secretHeader, byte[] body) {
        String expected = webhookSecret;
        if (secretHeader == null || expected == null || !MessageDigest.isEqual(secretHeader.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            log.warn("refused a webhook call without the right X-Telegram-Bot-Api-Secret-Token");
            return 401;
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
            state.updateReceived(parts.clock().millis());
        } catch (java.io.IOException e) {
            log.warn("refused a webhook call whose body is not a Telegram update: {}", e.getMessage());
            return 400;
        }
        try {
            dispatchSafely(update).get(50, TimeUnit.SECONDS);
            webhookFailures.invalidate(update.getUpdateId());
            return 200;
        } catch (Exception e) {
            String why = reason(e);
            Integer before = webhookFailures.getIfPresent(update.getUpdateId());
            int tries = before == null ? 1 : before + 1;
            if (tries >= settings.retry().attempts()) {
                // Telegram would keep delivering it: keep it here instead, and take it.
                webhookFailures.invalidate(update.getUpdateId());
                try {
                    deadLetter(update, why, tries);
                    return 200;
                } catch (RuntimeException stored) {
                    log.warn("could not keep Telegram update {} as a dead letter: {}", update.getUpdateId(), stored.toString());
                    return 500;
                }
            }
            webhookFailures.put(update.getUpdateId(), tries);
            log.warn("Telegram update {} failed ({}, try {} of {}); Telegram will deliver it again", update.getUpdateId(),
                    why, tries, settings.retry().attempts());
            return 500;
        }
    }

    public String webhookPath() {
        return settings.webhookPath();
    }

    public TelegramSettings.Mode mode() {
        return settings.mode();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        replays.shutdownNow();
        lanes.close();
        state.connected(false);
        if (pollerRole != null) {
            pollerRole.release();
        }
        if (ownLeadership != null) {
            ownLeadership.close();
        }
    }
}
