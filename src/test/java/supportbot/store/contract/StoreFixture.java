package supportbot.store.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.Phase;
import supportbot.dialogue.TicketDraft;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.store.TranscriptLine;
import supportbot.ticket.Ticket;

/** A store over one adapter with its committer, as the bot runs it; closing throws the data away. */
final class StoreFixture implements AutoCloseable {
    static final Instant AT = Instant.parse("2026-11-25T06:00:00Z");

    final Backends.Opened opened;
    final Store store;
    final GroupCommitter committer;

    StoreFixture(String kind) {
        opened = Backends.open(kind);
        store = Store.over(opened.backend());
        committer = new GroupCommitter(store);
    }

    void write(Consumer<Store.Tx> writes) {
        committer.submit(writes).join();
    }

    static StoredConversation conversation(String key, Instant updatedAt) {
        var c = new Conversation(key, "web", "u-" + key, Lang.EN, false, "UTC", Phase.IDLE, null, Map.of(), Set.of(),
                null, false, List.of(), null, List.of(), List.of(), null, updatedAt, 1, null);
        return new StoredConversation(c, List.of("m1"), List.of());
    }

    static Store.Encoded lines(String... texts) {
        return Store.encodeLines(java.util.Arrays.stream(texts)
                .map(t -> new TranscriptLine(0, "user", t, List.of(), List.of(), AT)).toList());
    }

    static Ticket ticket(long number, String conversationKey, String category) {
        var detail = new DetailValue(DetailType.ACCOUNT, "user" + number + "@example.com", "user" + number + "@example.com");
        return Ticket.open(new TicketDraft(number, "web", conversationKey, "u", category, 2, false, "human", Lang.EN,
                Map.of(DetailType.ACCOUNT, detail), List.of(), AT));
    }

    @Override
    public void close() {
        committer.close();
        opened.close();
    }
}
