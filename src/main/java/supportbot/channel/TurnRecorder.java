package supportbot.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import supportbot.desk.UserTicketChanges;
import supportbot.dialogue.Action;
import supportbot.dialogue.Button;
import supportbot.dialogue.DeskEvent;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Turn;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.store.TranscriptLine;

/**
 * Turns one handled inbound (or desk event) into the writes that must be committed together. Everything is
 * encoded here, on the worker thread; the returned writes only put bytes. What a turn does to a ticket is the
 * desk's rule ({@link UserTicketChanges}); this class only records it with the rest of the turn.
 */
final class TurnRecorder {
    private TurnRecorder() {
    }

    /** The record to store for the conversation, and the writes that store it with everything else. */
    record Prepared(StoredConversation conversation, Consumer<Store.Tx> writes, boolean forgotten) {
    }

    static Prepared prepare(Store.Read read, Inbound in, Turn turn, Set<String> pushChannels) {
        StoredConversation before = read.conversation();
        StoredConversation base = (before != null ? before : new StoredConversation(turn.conversation(), List.of(), List.of()))
                .from(in.contact()); // a /forget in this turn drops it with the rest
        String userText = in.isButton() ? base.labelOf(in.button()) : in.text();
        var lines = new ArrayList<TranscriptLine>();
        lines.add(new TranscriptLine(0, "user", userText, List.of(), in.attachments(), in.time()));
        Prepared prepared = record(base, in.platformMessageId(), turn, lines, new ArrayList<>(), pushChannels, in.time());
        String key = turn.conversation().key();
        return new Prepared(prepared.conversation(), tx -> {
            // Checks first, so a stale or repeated turn is refused before it writes anything.
            tx.claimTurn(key, read.version(), in.platformMessageId(), in.time());
            prepared.writes().accept(tx);
        }, prepared.forgotten());
    }

    /** A desk event: the ticket's own change is committed with the conversation's, so neither is ever seen alone. */
    static Prepared prepare(Store.Read read, DeskEvent event, Turn turn, Set<String> pushChannels,
                            Consumer<Store.Tx> ticketChange) {
        StoredConversation before = read.conversation();
        StoredConversation base = before != null ? before : new StoredConversation(turn.conversation(), List.of(), List.of());
        Prepared turnWrites = record(base, null, turn, new ArrayList<>(), new ArrayList<>(), pushChannels, event.time());
        // The ticket change goes first: it checks the committed ticket and may refuse, which it must do before
        // anything of this turn is written.
        String key = turn.conversation().key();
        return new Prepared(turnWrites.conversation(), tx -> {
            tx.claimConversation(key, read.version());
            ticketChange.accept(tx);
            turnWrites.writes().accept(tx);
        }, turnWrites.forgotten());
    }

    private static Prepared record(StoredConversation base, String platformMessageId, Turn turn, List<TranscriptLine> lines,
                                   List<Consumer<Store.Tx>> others, Set<String> pushChannels, java.time.Instant time) {
        String key = turn.conversation().key();
        var shown = new ArrayList<Button>();
        boolean forget = turn.actions().stream().anyMatch(a -> a instanceof Action.Forget);
        // Checks of committed state that may refuse the whole turn; they run before anything is written.
        var checks = new ArrayList<Consumer<Store.Tx>>();
        if (forget) {
            // Nothing said before the erasure survives it, not even this turn's "yes, erase".
            lines.clear();
            base = new StoredConversation(turn.conversation(), List.of(), List.of());
        }
        for (Action action : turn.actions()) {
            if (action instanceof Action.Reply r) {
                lines.add(new TranscriptLine(0, "bot", r.text(), r.buttons(), List.of(), time));
                shown.addAll(r.buttons()); // every button of this turn counts as offered, not just the last message's
                if (pushChannels.contains(r.channel())) {
                    others.add(tx -> tx.enqueue(r.channel(), r.conversationKey(), r.text(), r.buttons()));
                }
            } else if (action instanceof Action.AgentMessage m) {
                lines.add(new TranscriptLine(0, "agent", m.text(), List.of(), m.attachments(), time, m.agent()));
                if (pushChannels.contains(m.channel())) {
                    String said = m.text().isBlank() ? m.agent() + ":" : m.agent() + ": " + m.text();
                    others.add(tx -> tx.enqueue(new supportbot.store.OutboxEntry(0, m.channel(), m.conversationKey(), said,
                            List.of(), null, 0, m.attachments())));
                }
            } else if (action instanceof Action.FaqVote v) {
                others.add(tx -> tx.voteFaq(v.faqId(), v.helpful()));
            } else if (action instanceof Action.Export x) {
                lines.add(new TranscriptLine(0, "bot", x.caption(), List.of(), List.of(), time));
                if (pushChannels.contains(x.channel())) {
                    others.add(tx -> tx.enqueue(new OutboxEntry(0, x.channel(), x.conversationKey(), x.caption(), List.of(),
                            OutboxEntry.EXPORT)));
                }
            } else if (action instanceof Action.Transcript x) {
                lines.add(new TranscriptLine(0, "bot", x.caption(), List.of(), List.of(), time));
                if (pushChannels.contains(x.channel())) {
                    others.add(tx -> tx.enqueue(new OutboxEntry(0, x.channel(), x.conversationKey(), x.caption(), List.of(),
                            OutboxEntry.TRANSCRIPT)));
                }
            } else if (action instanceof Action.IssueLinkCode c) {
                others.add(tx -> tx.putLinkCode(c.code(), new supportbot.store.LinkCode(c.contact(), c.channel(),
                        c.conversationKey(), c.expiresAt())));
            } else if (action instanceof Action.RedeemLinkCode r) {
                checks.add(tx -> tx.requireLinkCode(r.code(), r.at()));
                others.add(tx -> tx.redeemLinkCode(r.code(), new supportbot.store.ContactLink(r.contact(), null, r.channel(),
                        r.conversationKey(), r.at(), "user")));
            } else if (action instanceof Action.KnowledgeGap g) {
                others.add(tx -> tx.addKnowledgeGap(key, g.query()));
            } else {
                UserTicketChanges.of(action, time).ifPresent(others::add);
            }
        }
        StoredConversation after = base.after(turn.conversation(), platformMessageId, shown);
        Store.Encoded conversation = Store.encodeConversation(after);
        Store.Encoded encodedLines = lines.isEmpty() ? null : Store.encodeLines(lines);
        int lineCount = lines.size();
        return new Prepared(after, tx -> {
            checks.forEach(c -> c.accept(tx));
            if (forget) {
                tx.forget(key);
            }
            tx.saveConversation(key, conversation);
            if (encodedLines != null) {
                tx.appendTranscript(key, encodedLines, lineCount);
            }
            others.forEach(w -> w.accept(tx));
        }, forget);
    }
}
