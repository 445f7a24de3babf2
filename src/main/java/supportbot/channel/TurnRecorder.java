package supportbot.channel;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import supportbot.dialogue.Action;
import supportbot.dialogue.Button;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Turn;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/** Turns one handled inbound into the writes that must be committed together. */
final class TurnRecorder {
    private TurnRecorder() {
    }

    static Consumer<Store.Tx> writes(Store store, Inbound in, Turn turn, Set<String> pushChannels) {
        return tx -> {
            tx.markSeen(in.channel(), in.conversationKey(), in.platformMessageId(), in.time());
            tx.saveConversation(turn.conversation());
            String userText = in.isButton() ? buttonLabel(store, in) : in.text();
            tx.appendTranscript(in.conversationKey(), "user", userText, List.of(), in.attachments(), in.time());
            for (Action action : turn.actions()) {
                if (action instanceof Action.Reply r) {
                    tx.appendTranscript(r.conversationKey(), "bot", r.text(), r.buttons(), List.of(), in.time());
                    if (pushChannels.contains(r.channel())) {
                        tx.enqueue(r.channel(), r.conversationKey(), r.text(), r.buttons());
                    }
                } else if (action instanceof Action.OpenTicket o) {
                    tx.saveTicket(o.ticket(), "queued");
                } else if (action instanceof Action.FaqVote v) {
                    tx.voteFaq(v.faqId(), v.helpful());
                } else if (action instanceof Action.KnowledgeGap g) {
                    tx.addKnowledgeGap(g.query());
                }
                // AppendToTicket needs no write of its own: the message is in the transcript above, where
                // the desk reads a ticket's messages.
            }
        };
    }

    /** What the user saw on the button they pressed, so transcripts read like the conversation did. */
    private static String buttonLabel(Store store, Inbound in) {
        long last = store.lastTranscriptSeq(in.conversationKey());
        List<TranscriptLine> recent = store.transcript(in.conversationKey(), Math.max(0, last - 10));
        for (int i = recent.size() - 1; i >= 0; i--) {
            for (Button b : recent.get(i).buttons()) {
                if (b.payload().equals(in.button())) {
                    return b.label();
                }
            }
        }
        return "[" + in.button() + "]";
    }
}
