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
    private final supportbot.channel.StaffFeed mirror;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private TelegramBotsLongPollingApplication polling;
    private ScheduledExecutorService pollingThread;
    private volatile boolean running = true;
    private final supportbot.metrics.ConnectorState state;

    private TelegramConnector(TelegramSettings settings, ConnectorParts parts, BotApi api, BotIdentity me) {
        this.settings = settings;
        this.parts = parts;
        this.api = api;
        this.me = me;
        this.state = parts.metrics().connector(TelegramKeys.CHANNEL);
        var limiter = new SendLimiter(settings.limits(), System::nanoTime);
        var keyboards = new Keyboards(parts.signer());
        this.users = new UserUpdates(keyboards, parts.inbox(), parts.store(), api, me, parts.attachmentsRoot(),
                settings.maxAttachmentBytes(), parts.messages(), parts.clock());
        parts.outbox().register(new UserSender(api, limiter, keyboards, me.privateChatLink(), parts.store(), parts.clock()));
        if (settings.staffChatId() != null) {
            this.staff = new StaffUpdates(parts.desk(), parts.agents(), parts.store(), parts.committer(), api, me,
                    settings.staffChatId(), settings.supervisorChatId(), parts.signer());
            this.mirror = new supportbot.channel.StaffFeed(parts.store(), parts.committer(), new TelegramStaffSurface(
                    parts.store(), parts.committer(), api, limiter,
                    new StaffCards(parts.categoryName(), parts.signer(), settings.staffChatId()), settings.staffChatId(),
                    settings.supervisorChatId()));
            parts.inbox().onCommitted(key -> mirror.wake());
        } else {
            this.staff = null;
            this.mirror = null;
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

    public TelegramConnector start() {
        if (mirror != null) {
            mirror.start();
            mirror.wake();
        }
        try {
            api.setCommands(parts.messages());
        } catch (SendFailure e) {
            log.warn("Telegram: the command menu was not set ({}); commands still work when typed", e.getMessage());
        }
        try {
            if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
                api.setWebhook(settings.webhookUrl(), settings.webhookSecret());
                log.info("Telegram: webhook set to {}", settings.webhookUrl());
            } else {
                startPolling();
            }
            state.connected(true);
        } catch (SendFailure | TelegramApiException e) {
            throw new IllegalStateException("Telegram: cannot start receiving updates: " + e.getMessage(), e);
        }
        return this;
    }

    private void startPolling() throws TelegramApiException {
        pollingThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-polling");
            t.setDaemon(true);
            return t;
        });
        long readTimeout = settings.pollTimeoutSeconds() + 20L;
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                () -> new OkHttpClient.Builder().readTimeout(readTimeout, TimeUnit.SECONDS)
                        .connectTimeout(15, TimeUnit.SECONDS).build(),
                () -> pollingThread);
        // The library's own offset moves before updates are handled; ours moves after they are committed.
        polling.registerBot(settings.token(), () -> BotApi.telegramUrl(settings),
                ignored -> GetUpdates.builder().offset((int) (parts.store().counter(OFFSET) + 1)).limit(100)
                        .timeout(settings.pollTimeoutSeconds()).allowedUpdates(List.of("message", "callback_query"))
                        .build(),
                this::consume); // the application counts as running from construction: registering starts polling
    }

    /** One batch from getUpdates, on the polling thread: returns only when every update is committed. */
    private void consume(List<Update> updates) {
        state.updateReceived(parts.clock().millis());
        try {
            long last = 0;
            var pending = new ArrayList<CompletableFuture<?>>();
            var submitted = new ArrayList<Update>();
            for (Update u : updates) {
                pending.add(dispatchSafely(u));
                submitted.add(u);
                last = Math.max(last, u.getUpdateId());
            }
            for (int i = 0; i < pending.size(); i++) {
                awaitWithRetry(submitted.get(i), pending.get(i));
            }
            long offset = last;
            if (running) {
                parts.committer().submit(tx -> tx.setCounter(OFFSET, offset)).join();
            }
            state.connected(running);
        } catch (RuntimeException e) {
            state.connected(false); // until a batch goes through again
            // An exception here would cancel the library's polling task for good.
            log.error("Telegram: a batch of updates failed; it will be fetched again", e);
        }
    }

    private void awaitWithRetry(Update u, CompletableFuture<?> first) {
        CompletableFuture<?> attempt = first;
        long backoff = 500;
        while (true) {
            try {
                attempt.join();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                log.warn("Telegram update {} failed ({}); retrying in {} ms", u.getUpdateId(), e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(30_000, backoff * 2);
                attempt = dispatchSafely(u);
            }
        }
    }

    CompletableFuture<?> dispatchSafely(Update u) {
        try {
            if (staff != null && staff.isStaff(u)) {
                staff.handle(u);
                mirror.wake();
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
        if (secretHeader == null || !MessageDigest.isEqual(secretHeader.getBytes(StandardCharsets.UTF_8),
                settings.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
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
            return 200;
        } catch (Exception e) {
            log.warn("Telegram update {} failed ({}); Telegram will deliver it again", update.getUpdateId(), e.toString());
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
        state.connected(false);
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                log.debug("closing long polling: {}", e.toString());
            }
            pollingThread.shutdownNow();
        }
        if (mirror != null) {
            mirror.close();
        }
    }
}
