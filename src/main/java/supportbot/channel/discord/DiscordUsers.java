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
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
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
    private static final String THREAD_USER = "discord-thread-user:";

    /** Which private support thread belongs to which user, both ways. */
    record ThreadRef(long id) {
    }

    private final Inbox inbox;
    private final Store store;
    private final GroupCommitter committer;
    private final DiscordSettings settings;
    private final Path attachmentsRoot;
    private final Clock clock;

    DiscordUsers(Inbox inbox, Store store, GroupCommitter committer, DiscordSettings settings, Path attachmentsRoot,
                 Clock clock) {
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
    String keyFor(User user, TextChannel support) {
        return DiscordKeys.thread(threadFor(user, support).getIdLong());
    }

    ThreadChannel threadFor(User user, TextChannel support) {
        Optional<Long> known = store.surfaceState(USER_THREAD + user.getIdLong(), ThreadRef.class).map(ThreadRef::id);
        if (known.isPresent()) {
            ThreadChannel existing = support.getJDA().getThreadChannelById(known.get());
            if (existing != null && !existing.isArchived()) {
                return existing;
            }
        }
        ThreadChannel thread = support.createThreadChannel("support · " + user.getName(), true).complete();
        thread.addThreadMember(user).complete();
        committer.submit(tx -> {
            tx.putSurfaceState(USER_THREAD + user.getIdLong(), new ThreadRef(thread.getIdLong()));
            tx.putSurfaceState(THREAD_USER + thread.getIdLong(), new ThreadRef(user.getIdLong()));
        }).join();
        return thread;
    }

    CompletableFuture<?> onMessage(MessageReceivedEvent event) {
        Message m = event.getMessage();
        User author = event.getAuthor();
        String key;
        if (!event.isFromGuild()) {
            key = DiscordKeys.dm(author.getIdLong());
        } else if (settings.supportChannelId() != null && event.getChannel().getIdLong() == settings.supportChannelId()) {
            TextChannel support = event.getChannel().asTextChannel();
            key = keyFor(author, support);
            deleteQuietly(m); // what they wrote continues in private, not here
        } else if (event.getChannelType().isThread() && isUserThread(event.getChannel().getIdLong())) {
            key = DiscordKeys.thread(event.getChannel().getIdLong());
        } else {
            return CompletableFuture.completedFuture(null);
        }
        List<Attachment> files = files(m, key);
        String text = m.getContentRaw();
        if (text.isBlank() && files.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        var in = new Inbound(DiscordKeys.CHANNEL, key, "discord:" + author.getIdLong(), text, files, null,
                "m" + m.getId(), clock.instant());
        return inbox.submit(in).thenAccept(outcome -> {
            if (outcome == Inbox.Outcome.SECRET_REMOVED && event.isFromGuild()) {
                deleteQuietly(m);
            }
        });
    }

    private List<Attachment> files(Message m, String key) {
        var out = new ArrayList<Attachment>();
        for (Message.Attachment a : m.getAttachments()) {
            if (a.getSize() > settings.maxAttachmentBytes()) {
                log.info("skipped a {} byte attachment over the cap", a.getSize());
                continue;
            }
            String name = m.getId() + "-" + AttachmentFiles.safeName(a.getFileName());
            Path target = AttachmentFiles.dirFor(attachmentsRoot, key).resolve(name);
            try (InputStream in = a.getProxy().download().join()) {
                Files.createDirectories(target.getParent());
                var sealed = supportbot.crypto.SealedFiles.write(in, target);
                String type = a.getContentType() == null ? "application/octet-stream"
                        : a.getContentType().toLowerCase(Locale.ROOT);
                out.add(new Attachment(target.toString(), AttachmentFiles.safeName(a.getFileName()), type, sealed.size(),
                        sealed.key()));
            } catch (Exception e) {
                throw new IllegalStateException("could not download a Discord attachment: " + e.getMessage(), e);
            }
        }
        return out;
    }

    static void deleteQuietly(Message m) {
        m.delete().queue(ok -> { }, e -> log.warn("could not delete a message in {} (the bot may lack Manage Messages): {}",
                m.getChannel().getId(), e.getMessage()));
    }
}
