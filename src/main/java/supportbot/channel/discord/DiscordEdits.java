package supportbot.channel.discord;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.Inbox;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Messages;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;
import supportbot.ticket.TicketEvent;

/**
 * Edits and deletions on Discord, reflected on the other side. A user's edit reaches the ticket as a message
 * marked "(edited)" (through the inbox, so a phrase typed into an edit is caught like any other); a user's
 * deletion is recorded in the ticket. An agent's edit or deletion of a relayed reply in the staff thread edits
 * or deletes the copy the user got, found through the mapping staff message → user messages that is kept in
 * the store's surface state when the copy is delivered.
 */
final class DiscordEdits {
    private static final Logger log = LoggerFactory.getLogger(DiscordEdits.class);
    static final String RELAY = "discord-relay:";
    /** Recent ids of users' messages the bot deleted itself (a phrase): their MESSAGE_DELETE is not the user's act. */
    private static final int OWN_DELETES_KEPT = 1000;

    /**
     * The copy a user got of an agent's message.
     *
     * @param prefix what the bot put before the agent's text ("bob (EQLSAQ): "), kept when the text is edited
     */
    record RelayedCopy(String conversationKey, String prefix, String agent, long ticket, List<Long> messageIds) {
        RelayedCopy {
            messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
        }
    }

    /** An agent's message accepted by the desk whose copy has not been delivered yet. */
    private record Pending(long staffMessageId, String agent, long ticket, String text) {
    }

    private final Store store;
    private final GroupCommitter committer;
    private final Inbox inbox;
    private final Messages messages;
    private final Clock clock;
    private final DiscordThreads threads;
    private final Map<String, Deque<Pending>> pending = new ConcurrentHashMap<>();
    private final Set<Long> ownDeletes = ConcurrentHashMap.newKeySet();
    private final Deque<Long> ownDeletesOrder = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile Runnable ticketChanged = () -> { };

    DiscordEdits(Store store, GroupCommitter committer, Inbox inbox, Messages messages, Clock clock, DiscordThreads threads) {
        this.store = store;
        this.committer = committer;
        this.inbox = inbox;
        this.messages = messages;
        this.clock = clock;
        this.threads = threads;
    }

    /** Called after a ticket event is committed here, so the staff feed shows it now rather than on its next tick. */
    void onTicketChanged(Runnable r) {
        this.ticketChanged = r;
    }

    // ---- agents

    /** The agent's message is about to go to the desk: its copy, once delivered, is recorded against it. */
    void expectCopy(String conversationKey, long staffMessageId, String agent, long ticket, String text) {
        if (conversationKey == null || !conversationKey.startsWith(DiscordKeys.CHANNEL + ":")) {
            return; // a user on another platform: their copy is not the Discord connector's to change
        }
        Deque<Pending> q = pending.computeIfAbsent(conversationKey, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(new Pending(staffMessageId, agent, ticket, text == null ? "" : text));
            while (q.size() > 50) {
                q.removeFirst();
            }
        }
    }

    /** The desk refused it: no copy will come. */
    void noCopy(String conversationKey, long staffMessageId) {
        Deque<Pending> q = conversationKey == null ? null : pending.get(conversationKey);
        if (q != null) {
            synchronized (q) {
                q.removeIf(p -> p.staffMessageId() == staffMessageId);
            }
        }
    }

    /** The sender delivered an entry: if it is an agent's message we wait for, the mapping is stored. */
    void delivered(OutboxEntry entry, List<Long> messageIds) {
        Deque<Pending> q = pending.get(entry.conversationKey());
        if (q == null || messageIds.isEmpty() || entry.isExport() || entry.kind() != null) {
            return;
        }
        Pending match = null;
        synchronized (q) {
            for (var it = q.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                boolean same = p.text().isEmpty() ? !entry.attachments().isEmpty() && entry.text().endsWith(":")
                        : entry.text().endsWith(": " + p.text());
                if (same) {
                    it.remove();
                    match = p;
                    break;
                }
            }
        }
        if (match == null) {
            return;
        }
        String prefix = match.text().isEmpty() ? entry.text() + " "
                : entry.text().substring(0, entry.text().length() - match.text().length());
        var copy = new RelayedCopy(entry.conversationKey(), prefix, match.agent(), match.ticket(), messageIds);
        long staffId = match.staffMessageId();
        committer.submit(tx -> tx.putSurfaceState(RELAY + staffId, copy)).join();
    }

    private static RelayedCopy detached(RelayedCopy c) {
        return new RelayedCopy(c.conversationKey(), c.prefix(), c.agent(), c.ticket(), List.of());
    }

    Optional<RelayedCopy> copyOf(long staffMessageId) {
        return store.surfaceState(RELAY + staffMessageId, RelayedCopy.class);
    }

    /**
     * An agent edited a message in the ticket's thread: the user's copy is edited to match. A phrase typed into
     * an edit never reaches the user: the staff message is deleted and the user keeps the earlier wording.
     */
    void agentEdited(JDA jda, Message m, String agent, long ticket) {
        String text = m.getContentRaw().strip();
        Optional<RelayedCopy> copy = copyOf(m.getIdLong()).filter(c -> !c.messageIds().isEmpty());
        if (supportbot.safety.Secrets.contain(text)) {
            // The copy is detached first, so deleting the staff message does not delete what the user already has.
            CompletableFuture<?> detached = copy.isEmpty() ? CompletableFuture.completedFuture(null)
                    : committer.submit(tx -> tx.putSurfaceState(RELAY + m.getIdLong(), detached(copy.get())));
            detached.thenRun(() -> DiscordUsers.deleteQuietly(m));
            notice(m.getChannel(), "That edit looked like a recovery phrase or private key, so the message was deleted "
                    + "here" + (copy.isPresent() ? "; the user keeps the earlier wording." : "."));
            return;
        }
        if (copy.isEmpty() || text.isEmpty() || text.startsWith("!")) {
            if (!text.startsWith("!") && !text.isEmpty()) {
                notice(m.getChannel(), "✏️ That edit did not reach the user: only replies delivered to a Discord user "
                        + "can be changed after sending.");
            }
            return;
        }
        RelayedCopy c = copy.get();
        CompletableFuture.runAsync(() -> {
            MessageChannel channel = userChannel(jda, c.conversationKey());
            List<Long> ids = c.messageIds();
            String said = DiscordText.clip(c.prefix() + text, DiscordText.MAX_MESSAGE_CHARS);
            channel.editMessageById(ids.get(0), new MessageEditBuilder().setContent(said).build()).complete();
            for (long extra : ids.subList(1, ids.size())) {
                channel.deleteMessageById(extra).complete(); // a long reply's later parts: the edit replaces them all
            }
            committer.submit(tx -> {
                tx.putSurfaceState(RELAY + m.getIdLong(), new RelayedCopy(c.conversationKey(), c.prefix(), c.agent(),
                        c.ticket(), ids.subList(0, 1)));
                tx.updateTicket(ticket, t -> t.withEvent(new TicketEvent(clock.instant(), agent, TicketEvent.Type.REPLY_EDITED, text, List.of())));
            }).join();
            ticketChanged.run();
        }).exceptionally(e -> {
            log.warn("Discord: an agent's edit could not be passed on to the user: {}", e.getMessage());
            notice(m.getChannel(), "✏️ That edit could not be passed on to the user; they still read the earlier wording.");
            return null;
        });
    }

    /** An agent deleted a relayed message in the staff thread: the user's copy goes too. */
    void staffMessageDeleted(JDA jda, long staffMessageId, long ticket) {
        Optional<RelayedCopy> copy = copyOf(staffMessageId).filter(c -> !c.messageIds().isEmpty());
        if (copy.isEmpty()) {
            return; // a note, a command, the bot's own line, or a copy already detached or deleted
        }
        RelayedCopy c = copy.get();
        CompletableFuture.runAsync(() -> {
            MessageChannel channel = userChannel(jda, c.conversationKey());
            for (long id : c.messageIds()) {
                channel.deleteMessageById(id).complete();
            }
            committer.submit(tx -> {
                tx.putSurfaceState(RELAY + staffMessageId, detached(c));
                tx.updateTicket(ticket, t -> t.withEvent(new TicketEvent(clock.instant(), c.agent(), TicketEvent.Type.REPLY_DELETED, null,
                        List.of())));
            }).join();
            ticketChanged.run();
        }).exceptionally(e -> {
            log.warn("Discord: the user's copy of a deleted reply could not be deleted: {}", e.getMessage());
            return null;
        });
    }

    private MessageChannel userChannel(JDA jda, String key) {
        var target = DiscordKeys.targetOf(key).orElseThrow(() -> new IllegalStateException("not a Discord user: " + key));
        if (target.dm()) {
            return jda.openPrivateChannelById(target.id()).complete();
        }
        return threads.find(jda, target.id()).orElseThrow(() -> new IllegalStateException("the thread " + target.id()
                + " is gone"));
    }

    private static void notice(MessageChannel channel, String text) {
        channel.sendMessage(DiscordSender.base().setContent(text).build()).queue(ok -> { }, e -> { });
    }

    // ---- users

    /**
     * A user edited a message where they talk to the bot: the new wording goes through the inbox as a message of
     * its own, marked as an edit, so agents see what was said and what it became.
     */
    CompletableFuture<?> userEdited(Message m, String key) {
        if (m.getTimeEdited() == null) {
            return CompletableFuture.completedFuture(null); // an embed or a link preview resolved: not the user's edit
        }
        String text = m.getContentRaw();
        if (text.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        Lang lang = store.conversation(key).map(c -> c.lang()).orElse(Lang.EN);
        String marked = messages.get(lang, "telegram.edited", Map.of("text", text));
        String id = "e" + m.getId() + "-" + m.getTimeEdited().toInstant().toEpochMilli();
        return inbox.submit(new Inbound(DiscordKeys.CHANNEL, key, "discord:" + m.getAuthor().getIdLong(), marked, List.of(),
                null, id, clock.instant())).thenAccept(outcome -> {
                    if (outcome == Inbox.Outcome.SECRET_REMOVED && m.isFromGuild()) {
                        deletingSecret(m.getIdLong());
                        DiscordUsers.deleteQuietly(m);
                    }
                });
    }

    /** Remembers that the bot itself deletes this user's message (it held a phrase). */
    void deletingSecret(long messageId) {
        ownDeletes.add(messageId);
        ownDeletesOrder.addLast(messageId);
        while (ownDeletesOrder.size() > OWN_DELETES_KEPT) {
            Long old = ownDeletesOrder.pollFirst();
            if (old != null) {
                ownDeletes.remove(old);
            }
        }
    }

    /**
     * A message was deleted where a user talks to the bot. If it is one of theirs the bot handled lately (not one
     * the bot removed itself) and their conversation has a ticket, the ticket records it.
     */
    void userDeleted(long messageId, String key) {
        if (ownDeletes.remove(messageId)) {
            return;
        }
        var stored = store.stored(key);
        if (stored.isEmpty() || !stored.get().hasSeen("m" + messageId)) {
            return; // the bot's own message, or one too old to tell
        }
        Long ticket = stored.get().conversation().ticketNumber();
        if (ticket == null || store.ticket(ticket).isEmpty()) {
            return;
        }
        committer.submit(tx -> tx.updateTicket(ticket, t -> t.withEvent(new TicketEvent(clock.instant(), "user",
                TicketEvent.Type.USER_DELETED, null, List.of())))).thenRun(ticketChanged).exceptionally(e -> {
                    log.warn("Discord: a user's deletion could not be recorded: {}", e.getMessage());
                    return null;
                });
    }
}
