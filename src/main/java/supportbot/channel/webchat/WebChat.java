package supportbot.channel.webchat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import supportbot.channel.AgentTyping;
import supportbot.channel.AttachmentFiles;
import supportbot.channel.ConversationSignals;
import supportbot.channel.Inbox;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Inbound;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/**
 * The built-in web chat as a channel: sessions, messages in, attachments in, and the transcript out by long
 * poll. The HTTP layer (web.WebChatApi) only translates requests to these calls.
 */
public final class WebChat {
    public static final String CHANNEL = "web";
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    public static final int MAX_TEXT_CHARS = 4000;
    public static final int MAX_WAIT_SECONDS = 30;

    private final Store store;
    private final GroupCommitter committer;
    private final Inbox inbox;
    private final ConversationSignals signals;
    private final Path attachmentsDir;
    private final Clock clock;
    private final AgentTyping typing;

    public WebChat(Store store, GroupCommitter committer, Inbox inbox, ConversationSignals signals, Path attachmentsDir,
                   Clock clock) {
        this.store = store;
        this.committer = committer;
        this.inbox = inbox;
        this.signals = signals;
        this.attachmentsDir = attachmentsDir;
        this.clock = clock;
        this.typing = new AgentTyping(signals, System::nanoTime);
    }

    /** The desk's "an agent is typing" hints; this chat shows them, other channels get them forwarded. */
    public AgentTyping agentTyping() {
        return typing;
    }

    /**
     * What the widget shows besides messages.
     *
     * @param agentHolds  a person has claimed the user's open ticket: the bot is not the one about to answer
     * @param agentTyping that person is typing right now
     */
    public record Presence(boolean agentHolds, boolean agentTyping) {
    }

    /** @param lines what this poll returns: an agent's message among them ends the typing hint */
    public Presence presence(String sessionId, List<TranscriptLine> lines) {
        String key = key(sessionId);
        if (lines.stream().anyMatch(l -> "agent".equals(l.from()))) {
            typing.stopped(key);
        }
        boolean holds = store.conversation(key).map(c -> c.ticketNumber()).flatMap(store::ticket)
                .filter(t -> t.status().open() && t.assignee() != null).isPresent();
        return new Presence(holds, holds && typing.isTyping(key));
    }

    public String createSession() {
        return createSession(null);
    }

    /**
     * @param zone the browser's time zone, or null: the conversation starts in it, so "yesterday 3 pm" means the
     *             user's 3 pm; /tz still changes it later
     */
    public String createSession(java.time.ZoneId zone) {
        String id = UUID.randomUUID().toString();
        java.time.Instant now = clock.instant();
        Store.Encoded opened = zone == null ? null : Store.encodeConversation(new supportbot.store.StoredConversation(
                inbox.opened(CHANNEL, key(id), key(id), zone, now), List.of(), List.of()));
        committer.submit(tx -> {
            tx.registerWebSession(id, now);
            if (opened != null) {
                tx.saveConversation(key(id), opened);
            }
        }).join();
        return id;
    }

    public boolean exists(String sessionId) {
        return sessionId != null && sessionId.matches("[0-9a-f-]{36}") && store.webSessionExists(sessionId);
    }

    static String key(String sessionId) {
        return CHANNEL + ":" + sessionId;
    }

    /**
     * Completes once the message and the bot's replies are committed (or were already: DUPLICATE), or with
     * FLOODED when it was not read. A sender that does not hear back resends with the same {@code messageId}.
     *
     * @param messageId the client's id for this message, so a resend is recognised; null for a fresh one
     */
    public CompletableFuture<Inbox.Outcome> sendText(String sessionId, String text, String messageId) {
        return inbox.submitWaiting(Inbound.text(CHANNEL, key(sessionId), key(sessionId), text, idOrNew(messageId),
                clock.instant()));
    }

    public CompletableFuture<Inbox.Outcome> pressButton(String sessionId, String payload, String messageId) {
        return inbox.submitWaiting(Inbound.button(CHANNEL, key(sessionId), key(sessionId), payload, idOrNew(messageId),
                clock.instant()));
    }

    /** How long a session that was told FLOODED should wait before sending again. */
    public java.time.Duration retryAfter(String sessionId) {
        return inbox.retryAfter(key(sessionId));
    }

    private static String idOrNew(String messageId) {
        return messageId != null ? messageId : UUID.randomUUID().toString();
    }

    /** Stores the file under the data directory first, so the message that refers to it never dangles. */
    public CompletableFuture<Inbox.Outcome> attach(String sessionId, String fileName, String contentType, InputStream body,
                                                   String messageId) {
        String safeName = AttachmentFiles.safeName(fileName);
        Path dir = AttachmentFiles.dirFor(attachmentsDir, key(sessionId));
        Path target = dir.resolve(UUID.randomUUID() + "-" + safeName);
        supportbot.crypto.SealedFiles.Written sealed;
        try {
            Files.createDirectories(dir);
            sealed = supportbot.crypto.SealedFiles.write(body, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        var attachment = new Attachment(target.toString(), safeName, contentType == null ? "application/octet-stream"
                : contentType.toLowerCase(Locale.ROOT), sealed.size(), sealed.key());
        return inbox.submitWaiting(new Inbound(CHANNEL, key(sessionId), key(sessionId), "", List.of(attachment), null,
                idOrNew(messageId), clock.instant())).whenComplete((outcome, e) -> {
                    // Not kept (refused, a resend, or not committed): the copy would be an orphan.
                    if (e != null || outcome == Inbox.Outcome.FLOODED || outcome == Inbox.Outcome.DUPLICATE) {
                        try {
                            Files.deleteIfExists(target);
                        } catch (IOException ignored) {
                            // the retention sweep removes what is left
                        }
                    }
                });
    }

    /** The conversation as a text file in the user's language and zone; secrets were redacted when stored. */
    public byte[] transcript(String sessionId) {
        return supportbot.channel.TranscriptText.of(store, inbox.messages(), key(sessionId));
    }

    public byte[] export(String sessionId) {
        return supportbot.safety.DataExport.of(store, key(sessionId), clock.instant());
    }

    /**
     * A file in this session's own conversation, so the user sees the screenshot they sent; empty when the line
     * or the file index does not exist. Whoever holds the session id is the user, as for {@link #export}.
     */
    public java.util.Optional<supportbot.dialogue.Attachment> file(String sessionId, long seq, int index) {
        return store.transcript(key(sessionId), seq - 1).stream().filter(l -> l.seq() == seq).findFirst()
                .filter(l -> index >= 0 && index < l.attachments().size()).map(l -> l.attachments().get(index));
    }

    /** Lines after {@code after}; waits up to {@code waitSeconds} for the first one when there are none yet. */
    public CompletableFuture<List<TranscriptLine>> poll(String sessionId, long after, int waitSeconds) {
        String key = key(sessionId);
        CompletableFuture<Void> signal = signals.next(key);
        List<TranscriptLine> now = store.transcript(key, after);
        if (!now.isEmpty() || waitSeconds <= 0) {
            return CompletableFuture.completedFuture(now);
        }
        // A private timeout: completing the shared signal would wake (and confuse) other waiters.
        var timeout = new CompletableFuture<Void>().completeOnTimeout(null, Math.min(waitSeconds, MAX_WAIT_SECONDS),
                TimeUnit.SECONDS);
        return signal.applyToEither(timeout, v -> v).thenApply(v -> store.transcript(key, after));
    }
}
