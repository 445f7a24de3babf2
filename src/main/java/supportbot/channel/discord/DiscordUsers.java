package supportbot.channel.discord;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.AttachmentFiles;
import supportbot.channel.Inbox;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Inbound;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Users on Discord: direct messages, and the support channel, where the bot answers each user in a private
 * thread of their own (their public message is moved there and deleted) so personal details never sit in a
 * public channel.
 */
final class DiscordUsers {
    private static final Logger log = LoggerFactory.getLogger(DiscordUsers.class);
    private static final String USER_THREAD = "discord-user-thread:";
    static final String THREAD_USER = "discord-thread-user:";

    /** Which private support thread belongs to which user, both ways. */
    record ThreadRef(long id) {
    }

    private final Inbox inbox;
    private final Store store;
    private final GroupCommitter committer;
    private final DiscordSettings settings;
    private final Path attachmentsRoot;
    private final Clock clock;
    private final java.util.Map<Long, CompletableFuture<Long>> making = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, CompletableFuture<?>> lanes = new java.util.concurrent.ConcurrentHashMap<>();

    private final DiscordThreads threads;
    private volatile java.util.function.LongConsumer ownDeletion = id -> { };

    /** Told of each user's message the bot deletes itself, before it does. */
    void onOwnDeletion(java.util.function.LongConsumer listener) {
        this.ownDeletion = listener;
    }

    /** The user of a DM channel the bot has seen a message in, if any. */
    Optional<Long> dmUserOf(long channelId) {
        Seen s = seen.get(channelId);
        return s == null || s.dmUser() == 0 ? Optional.empty() : Optional.of(s.dmUser());
    }

    DiscordUsers(Inbox inbox, Store store, GroupCommitter committer, DiscordSettings settings, Path attachmentsRoot,
                 Clock clock, DiscordThreads threads) {
        this.threads = threads;
        this.inbox = inbox;
        this.store = store;
        this.committer = committer;
        this.settings = settings;
        this.attachmentsRoot = attachmentsRoot;
        this.clock = clock;
    }

    boolean isUserThread(long threadId) {
        return store.surfaceState(THREAD_USER + threadId, ThreadRef.class).isPresent();
    }

    /** The conversation key where this user talks to the bot from a guild channel: their private thread. */
    CompletableFuture<String> keyFor(User user, TextChannel support) {
        return threadFor(user, support).thenApply(DiscordKeys::thread);
    }

    /**
     * The user's private thread, made if needed, without blocking: this runs on JDA's event thread, which
     * serves every user, and making a thread can take seconds on a busy server. Calls for the same user while
     * one is being made share it, so a user never gets two threads.
     */
    CompletableFuture<Long> threadFor(User user, TextChannel support) {
        Optional<Long> known = store.surfaceState(USER_THREAD + user.getIdLong(), ThreadRef.class).map(ThreadRef::id);
        if (known.isPresent()) {
            ThreadChannel existing = support.getJDA().getThreadChannelById(known.get());
            if (existing != null && !existing.isArchived()) {
                return CompletableFuture.completedFuture(existing.getIdLong());
            }
        }
        long id = user.getIdLong();
        CompletableFuture<Long> pending = making.computeIfAbsent(id, k -> known.isEmpty() ? newThread(user, support)
                // Archived (settled, or to make room for others): the user comes back to the thread they know. Off
                // JDA's event thread, as finding an archived thread reads the channel's archive.
                : CompletableFuture.supplyAsync(() -> threads.find(support.getJDA(), known.get()))
                        .thenCompose(found -> found.isEmpty() ? newThread(user, support) : CompletableFuture.supplyAsync(() -> {
                            threads.unarchive(found.get());
                            return found.get().getIdLong();
                        })));
        pending.whenComplete((t, e) -> making.remove(id, pending));
        return pending;
    }

    private CompletableFuture<Long> newThread(User user, TextChannel support) {
        // Private and not invitable: only the user, the bot and agents with Manage Threads can read it.
        return threads.withRoom(support.getGuild(), () -> support
                        .createThreadChannel("support · " + user.getName(), true).setInvitable(false).submit())
                .thenCompose(thread -> thread.addThreadMember(user).submit()
                        .thenCompose(v -> committer.submit(tx -> {
                            tx.putSurfaceState(USER_THREAD + user.getIdLong(), new ThreadRef(thread.getIdLong()));
                            tx.putSurfaceState(THREAD_USER + thread.getIdLong(), new ThreadRef(user.getIdLong()));
                        }))
                        .thenApply(v -> thread.getIdLong()));
    }

    CompletableFuture<?> onMessage(Message m) {
        User author = m.getAuthor();
        if (!m.isFromGuild()) {
            seen(m, author.getIdLong());
            return inOrder(author.getIdLong(), () -> handle(m, author, DiscordKeys.dm(author.getIdLong()), false));
        }
        if (settings.supportChannelId() != null && m.getChannel().getIdLong() == settings.supportChannelId()) {
            seen(m, 0);
            TextChannel support = m.getChannel().asTextChannel();
            deleteQuietly(m); // what they wrote continues in private, not here
            return inOrder(author.getIdLong(), () -> keyFor(author, support).thenCompose(key -> handle(m, author, key, true)));
        }
        if (m.getChannelType().isThread() && isUserThread(m.getChannel().getIdLong())) {
            seen(m, 0);
            String key = DiscordKeys.thread(m.getChannel().getIdLong());
            return inOrder(author.getIdLong(), () -> handle(m, author, key, false));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The newest message seen in a place users talk in, and the DM's user (0 for a guild channel). */
    private record Seen(long lastMessageId, long dmUser) {
    }

    private final java.util.Map<Long, Seen> seen = new java.util.concurrent.ConcurrentHashMap<>();

    private void seen(Message m, long dmUser) {
        seen.merge(m.getChannel().getIdLong(), new Seen(m.getIdLong(), dmUser),
                (a, b) -> a.lastMessageId() >= b.lastMessageId() ? a : b);
        marksChanged = true;
    }

    /** Where the marks are kept for the next gateway holder, which may be another instance. */
    static final String SEEN_MARKS = "discord.seen-marks";

    /** The newest message seen per place, as stored. */
    record SeenMarks(List<Mark> marks) {
        record Mark(long channel, long lastMessageId, long dmUser) {
        }
    }

    private volatile boolean marksChanged;

    /** Stores the marks if they moved since last time, so a takeover catches up from here. */
    void saveMarks() {
        if (!marksChanged) {
            return;
        }
        marksChanged = false;
        var marks = new SeenMarks(seen.entrySet().stream()
                .map(e -> new SeenMarks.Mark(e.getKey(), e.getValue().lastMessageId(), e.getValue().dmUser())).toList());
        committer.submit(tx -> tx.putSurfaceState(SEEN_MARKS, marks)).exceptionally(e -> {
            marksChanged = true;
            log.warn("Discord: the newest messages seen were not stored ({}); trying again", e.getMessage());
            return null;
        });
    }

    /** Takes over the marks the previous gateway holder stored (older than ours where both know a place). */
    void loadMarks() {
        store.surfaceState(SEEN_MARKS, SeenMarks.class).ifPresent(stored -> stored.marks().forEach(m ->
                seen.merge(m.channel(), new Seen(m.lastMessageId(), m.dmUser()),
                        (a, b) -> a.lastMessageId() >= b.lastMessageId() ? a : b)));
    }

    /**
     * After a session was replaced rather than resumed, Discord does not replay what was said meanwhile: read
     * each place's history after the last message seen there and take what was missed, oldest first. What did
     * arrive is dropped by the inbox's message-id check, so nothing is handled twice.
     */
    void catchUp(net.dv8tion.jda.api.JDA jda) {
        seen.forEach((channelId, mark) -> {
            net.dv8tion.jda.api.requests.RestAction<net.dv8tion.jda.api.entities.MessageHistory> history;
            if (mark.dmUser() != 0) {
                history = jda.openPrivateChannelById(mark.dmUser())
                        .flatMap(dm -> dm.getHistoryAfter(mark.lastMessageId(), 100));
            } else {
                var channel = jda.getChannelById(net.dv8tion.jda.api.entities.channel.middleman.MessageChannel.class, channelId);
                if (channel == null) {
                    return;
                }
                history = channel.getHistoryAfter(mark.lastMessageId(), 100);
            }
            history.queue(h -> {
                var missed = new ArrayList<>(h.getRetrievedHistory());
                missed.sort(java.util.Comparator.comparingLong(Message::getIdLong));
                missed.stream().filter(m -> !m.getAuthor().isBot() && !m.isWebhookMessage()).forEach(m -> {
                    log.info("Discord: took a message missed while the session was replaced");
                    onMessage(m);
                });
            }, e -> log.warn("Discord: could not read missed messages in {}: {}", channelId, e.getMessage()));
        });
    }

    /**
     * One user's messages are handed to the inbox in the order they came, even when an earlier one waits for
     * its thread or a download; other users never wait behind them.
     */
    private CompletableFuture<?> inOrder(long userId, java.util.function.Supplier<CompletableFuture<?>> step) {
        CompletableFuture<?>[] mine = new CompletableFuture<?>[1];
        lanes.compute(userId, (id, tail) -> {
            mine[0] = tail == null ? step.get() : tail.handle((v, e) -> null).thenCompose(v -> step.get());
            return mine[0];
        });
        mine[0].whenComplete((v, e) -> lanes.remove(userId, mine[0]));
        return mine[0];
    }

    /** @param alreadyDeleted the message was in the public channel and is deleted already */
    private CompletableFuture<?> handle(Message m, User author, String key, boolean alreadyDeleted) {
        return files(m, key).thenCompose(files -> {
            String text = m.getContentRaw();
            if (text.isBlank() && files.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            var in = new Inbound(DiscordKeys.CHANNEL, key, "discord:" + author.getIdLong(), text, files, null,
                    "m" + m.getId(), clock.instant()).from(DiscordContacts.of(author));
            return inbox.submit(in).thenAccept(outcome -> {
                if (outcome == Inbox.Outcome.SECRET_REMOVED && m.isFromGuild() && !alreadyDeleted) {
                    ownDeletion.accept(m.getIdLong());
                    deleteQuietly(m);
                }
            });
        });
    }

    private CompletableFuture<List<Attachment>> files(Message m, String key) {
        var downloads = new ArrayList<CompletableFuture<Attachment>>();
        for (Message.Attachment a : m.getAttachments()) {
            if (a.getSize() > settings.maxAttachmentBytes()) {
                log.info("skipped a {} byte attachment over the cap", a.getSize());
                continue;
            }
            downloads.add(download(a, AttachmentFiles.dirFor(attachmentsRoot, key), m.getId()));
        }
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new))
                .thenApply(v -> downloads.stream().map(CompletableFuture::join).toList());
    }

    /** Fetches a file from Discord's CDN and seals it into {@code dir}, without blocking the caller. */
    static CompletableFuture<Attachment> download(Message.Attachment a, Path dir, String messageId) {
        return a.getProxy().download().thenApply(in -> seal(dir, messageId, a, in));
    }

    private static Attachment seal(Path dir, String messageId, Message.Attachment a, InputStream body) {
        String name = messageId + "-" + AttachmentFiles.safeName(a.getFileName());
        Path target = dir.resolve(name);
        try (InputStream in = body) {
            Files.createDirectories(target.getParent());
            var sealed = supportbot.crypto.SealedFiles.write(in, target);
            String type = a.getContentType() == null ? "application/octet-stream"
                    : a.getContentType().toLowerCase(Locale.ROOT);
            return new Attachment(target.toString(), AttachmentFiles.safeName(a.getFileName()), type, sealed.size(),
                    sealed.key());
        } catch (Exception e) {
            throw new IllegalStateException("could not download a Discord attachment: " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Message m) {
        m.delete().queue(ok -> { }, e -> log.warn("could not delete a message in {} (the bot may lack Manage Messages): {}",
                m.getChannel().getId(), e.getMessage()));
    }
}
