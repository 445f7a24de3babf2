package supportbot.channel.discord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.StaffFeed;
import supportbot.store.Store;
import supportbot.ticket.Ticket;

/**
 * Keeps the bot's threads within Discord's 1,000 active threads per server. When Discord refuses a new thread
 * for that reason, the bot archives its own threads whose ticket is settled (resolved or closed, or a user's
 * thread with no open ticket), the longest settled first, and the caller tries once more. Archived threads are
 * kept, not deleted: a reopened ticket or a returning user unarchives theirs.
 */
final class DiscordThreads {
    private static final Logger log = LoggerFactory.getLogger(DiscordThreads.class);
    /** Archived at once when the limit is hit, so that the next few new threads do not each hit it again. */
    static final int ARCHIVE_BATCH = 10;

    private final Store store;
    private final Set<Long> parents;

    /** @param parents the channels the bot opens threads in (support and staff channel) */
    DiscordThreads(Store store, Set<Long> parents) {
        this.store = store;
        this.parents = Set.copyOf(parents);
    }

    static boolean atLimit(Throwable e) {
        Throwable c = e;
        while (c != null) {
            if (c instanceof ErrorResponseException r && r.getErrorResponse() == ErrorResponse.MAX_ACTIVE_THREADS) {
                return true;
            }
            c = c.getCause();
        }
        return false;
    }

    /**
     * Runs {@code attempt} (make or unarchive a thread); if Discord refuses it for the limit, archives settled
     * threads off the caller's thread and runs it once more.
     */
    <T> java.util.concurrent.CompletableFuture<T> withRoom(Guild guild,
                                                           java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> attempt) {
        return attempt.get().exceptionallyCompose(e -> {
            if (!atLimit(e)) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> archiveSettled(guild)).thenCompose(n -> n == 0
                    ? java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(fullMessage(), e))
                    : attempt.get());
        });
    }

    /**
     * One of the bot's threads, archived ones included: JDA forgets a thread once it is archived, so those are
     * looked up in the parent channels' archives. Blocking.
     */
    Optional<ThreadChannel> find(net.dv8tion.jda.api.JDA jda, long id) {
        ThreadChannel cached = jda.getThreadChannelById(id);
        if (cached != null) {
            unarchived.remove(id);
            return Optional.of(cached);
        }
        ThreadChannel justUnarchived = unarchived.get(id);
        if (justUnarchived != null) {
            return Optional.of(justUnarchived);
        }
        for (long parentId : parents) {
            var parent = jda.getTextChannelById(parentId);
            if (parent == null) {
                continue;
            }
            for (var archive : java.util.List.of(parent.retrieveArchivedPublicThreadChannels(),
                    parent.retrieveArchivedPrivateThreadChannels())) {
                try {
                    Optional<ThreadChannel> found = archive.stream().filter(t -> t.getIdLong() == id).findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (RuntimeException e) {
                    // Not "gone": the caller retries later rather than giving the thread up.
                    throw new IllegalStateException("could not read the archived threads of " + parentId + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    /** Unarchives a thread to use it again, making room first if the server is at its limit. Blocking. */
    void unarchive(ThreadChannel t) {
        try {
            t.getManager().setArchived(false).complete();
        } catch (RuntimeException e) {
            if (!atLimit(e) || archiveSettled(t.getGuild()) == 0) {
                throw e;
            }
            t.getManager().setArchived(false).complete();
        }
        // JDA caches the thread again only when the gateway's THREAD_UPDATE arrives, which may be after the next
        // send to it: until then this instance serves (JDA does not check archived state before sending).
        unarchived.put(t.getIdLong(), t);
    }

    private final java.util.Map<Long, ThreadChannel> unarchived = new java.util.concurrent.ConcurrentHashMap<>();

    /** An active thread of ours whose ticket is settled, and since when. */
    private record Settled(ThreadChannel thread, Instant since) {
    }

    /**
     * Archives up to {@link #ARCHIVE_BATCH} settled threads, longest settled first. Blocking: callers run off
     * JDA's event thread (the staff feed's loop, or a future's completion).
     *
     * @return how many were archived; 0 means every active thread of ours still has an open ticket
     */
    int archiveSettled(Guild guild) {
        var settled = new ArrayList<Settled>();
        for (ThreadChannel t : guild.getThreadChannels()) {
            if (t.isArchived() || !parents.contains(t.getParentChannel().getIdLong())) {
                continue;
            }
            since(t).ifPresent(s -> settled.add(new Settled(t, s)));
        }
        settled.sort(Comparator.comparing(Settled::since));
        int archived = 0;
        for (Settled s : settled.subList(0, Math.min(ARCHIVE_BATCH, settled.size()))) {
            try {
                s.thread().getManager().setArchived(true).complete();
                archived++;
            } catch (RuntimeException e) {
                log.warn("Discord: could not archive thread {}: {}", s.thread().getId(), e.getMessage());
            }
        }
        log.info("Discord: the server is at its active thread limit; archived {} thread(s) of settled tickets", archived);
        return archived;
    }

    /** When the thread's ticket was settled, or empty while it still needs the thread. */
    private Optional<Instant> since(ThreadChannel t) {
        Optional<Long> ticket = StaffFeed.ticketOf(store, DiscordStaffSurface.NAME, t.getIdLong());
        if (ticket.isPresent()) {
            return store.ticket(ticket.get()).filter(x -> !x.status().open()).map(DiscordThreads::lastChange);
        }
        if (store.surfaceState(DiscordUsers.THREAD_USER + t.getIdLong(), DiscordUsers.ThreadRef.class).isEmpty()) {
            return Optional.empty(); // not ours
        }
        var conversation = store.conversation(DiscordKeys.thread(t.getIdLong()));
        Long number = conversation.map(c -> c.ticketNumber()).orElse(null);
        Optional<Ticket> open = number == null ? Optional.empty() : store.ticket(number).filter(x -> x.status().open());
        if (open.isPresent()) {
            return Optional.empty();
        }
        Instant quiet = conversation.map(c -> c.updatedAt()).orElse(null);
        return Optional.of(quiet != null ? quiet : t.getTimeCreated().toInstant());
    }

    private static Instant lastChange(Ticket t) {
        var events = t.events();
        return events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).at();
    }

    /** Names what an operator must do when even archiving freed nothing. */
    static String fullMessage() {
        return "Discord's limit of 1,000 active threads is reached and every thread of the bot has an open ticket; "
                + "archive other threads in the server";
    }
}
