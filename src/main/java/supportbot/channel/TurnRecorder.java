package supportbot.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import supportbot.dialogue.Action;
import supportbot.dialogue.Button;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Turn;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.store.TranscriptLine;

/** Turns one handled inbound into the writes that must be committed together. */
final class TurnRecorder {
    private TurnRecorder() {
    }

    /** Everything is encoded here, on the worker thread; the returned writes only put bytes. */
    /** The record to store for the conversation, and the writes that store it with everything else. */
    record Prepared(StoredConversation conversation, Consumer<Store.Tx> writes) {
    }

    static Prepared prepare(StoredConversation before, Inbound in, Turn turn, Set<String> pushChannels) {
        String key = in.conversationKey();
        var shown = new ArrayList<Button>();
        turn.actions().stream().filter(a -> a instanceof Action.Reply r && !r.buttons().isEmpty())
                .reduce((first, last) -> last).ifPresent(r -> shown.addAll(((Action.Reply) r).buttons()));
        StoredConversation base = before != null ? before : new StoredConversation(turn.conversation(), List.of(), List.of());
        StoredConversation after = base.after(turn.conversation(), in.platformMessageId(), shown);
        Store.Encoded conversation = Store.encodeConversation(after);
        String userText = in.isButton() ? base.labelOf(in.button()) : in.text();
        var lines = new ArrayList<TranscriptLine>();
        lines.add(new TranscriptLine(0, "user", userText, List.of(), in.attachments(), in.time()));
        var others = new ArrayList<Consumer<Store.Tx>>();
        for (Action action : turn.actions()) {
            if (action instanceof Action.Reply r) {
                lines.add(new TranscriptLine(0, "bot", r.text(), r.buttons(), List.of(), in.time()));
                if (pushChannels.contains(r.channel())) {
                    others.add(tx -> tx.enqueue(r.channel(), r.conversationKey(), r.text(), r.buttons()));
                }
            } else if (action instanceof Action.OpenTicket o) {
                others.add(tx -> tx.saveTicket(o.ticket(), "queued"));
            } else if (action instanceof Action.FaqVote v) {
                others.add(tx -> tx.voteFaq(v.faqId(), v.helpful()));
            } else if (action instanceof Action.KnowledgeGap g) {
                others.add(tx -> tx.addKnowledgeGap(g.query()));
            }
            // AppendToTicket needs no write of its own: the message is in the transcript, where the desk
            // reads a ticket's messages.
        }
        Store.Encoded encodedLines = Store.encodeLines(lines);
        int lineCount = lines.size();
        return new Prepared(after, tx -> {
            tx.saveConversation(key, conversation);
            tx.appendTranscript(key, encodedLines, lineCount);
            others.forEach(w -> w.accept(tx));
        });
    }

}
