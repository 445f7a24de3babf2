package supportbot.channel;

import java.util.List;
import supportbot.cluster.Broadcast;
import supportbot.cluster.Notice;
import supportbot.store.GroupCommitter;

/**
 * Makes this instance's commits known to the other instances on the database, and theirs felt here as if they
 * were local: the web chat's and the desk's long polls wake, the outbox and the staff mirrors look again, an
 * agent's typing shows wherever the user's long poll is, and an erased user is forgotten everywhere.
 */
public final class ClusterChanges {
    /**
     * Set while another instance's notices are applied here: the listeners they run must not announce those
     * changes again, or two instances would echo each other forever.
     */
    private static final ThreadLocal<Boolean> APPLYING = ThreadLocal.withInitial(() -> false);

    private final Broadcast broadcast;
    private final Inbox inbox;
    private final GroupCommitter committer;
    private final ConversationSignals signals;
    private final AgentTyping typing;
    private final Outbox outbox;

    private ClusterChanges(Broadcast broadcast, Inbox inbox, GroupCommitter committer, ConversationSignals signals,
                           AgentTyping typing, Outbox outbox) {
        this.broadcast = broadcast;
        this.inbox = inbox;
        this.committer = committer;
        this.signals = signals;
        this.typing = typing;
        this.outbox = outbox;
    }

    /** Wires both directions; the agent-typing hints take the outbox route through here from now on. */
    public static ClusterChanges connect(Broadcast broadcast, Inbox inbox, GroupCommitter committer,
                                         ConversationSignals signals, AgentTyping typing, Outbox outbox) {
        var changes = new ClusterChanges(broadcast, inbox, committer, signals, typing, outbox);
        inbox.onCommitted(key -> changes.tell(Notice.committed(key)));
        inbox.onForgotten(key -> changes.tell(Notice.forgotten(key)));
        committer.onCommit(() -> changes.tell(Notice.committedAnywhere()));
        typing.forwardTo(changes::agentTyped);
        broadcast.subscribe(changes::apply);
        return changes;
    }

    private void tell(Notice notice) {
        if (!APPLYING.get()) {
            broadcast.publish(notice);
        }
    }

    /** Shown on the user's platform from here if this instance can send there; the others are told either way. */
    private void agentTyped(String channel, String conversationKey) {
        boolean shown = outbox.sends(channel);
        if (shown) {
            outbox.typing(channel, conversationKey);
        }
        tell(Notice.typing(channel, conversationKey, shown));
    }

    /** One batch of the other instances' notices. */
    void apply(List<Notice> batch) {
        APPLYING.set(true);
        try {
            boolean anyCommit = false;
            for (Notice n : batch) {
                switch (n.kind()) {
                    case COMMITTED -> {
                        anyCommit = true;
                        if (n.subject() != null) {
                            inbox.committedElsewhere(n.subject());
                        }
                    }
                    case FORGOTTEN -> inbox.forgottenElsewhere(n.subject());
                    case TYPING_SHOWN -> typing.typedElsewhere(n.subject());
                    case TYPING_UNSHOWN -> {
                        typing.typedElsewhere(n.subject());
                        if (outbox.sends(n.channel())) {
                            outbox.typing(n.channel(), n.subject());
                        }
                    }
                    case MISSED -> {
                        anyCommit = true;
                        signals.signalAll();
                        outbox.wake();
                    }
                    case KEY_DESTROYED -> {
                        // the store's own business: it has dropped the key already
                    }
                }
            }
            if (anyCommit) {
                committer.committedElsewhere();
            }
        } finally {
            APPLYING.remove();
        }
    }
}
