package supportbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Contact;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.Inbound;
import supportbot.faq.Lang;

/** The user's platform contact rides with the stored conversation, kept across turns and read from older records. */
class StoredContactTest {
    private static final Conversation C = Conversation.start(
            Inbound.text("telegram", "telegram:1", "telegram:1", "hi", "u1", Instant.EPOCH), Lang.EN, "UTC");

    @Test
    void theLatestContactIsKeptAcrossTurnsAndSurvivesEncoding() {
        var first = new StoredConversation(C, List.of(), List.of()).from(new Contact("Ann", "ann", "1"));
        var later = first.after(C, "u2", List.of());
        assertEquals(new Contact("Ann", "ann", "1"), later.contact(), "a turn keeps who the user is");
        assertSame(later, later.from(null), "a message without a contact (web chat) keeps the last known");
        var renamed = later.from(new Contact("Ann B", null, "1"));
        var decoded = StoreCodec.decode(StoreCodec.encode(renamed), StoredConversation.class);
        assertEquals(new Contact("Ann B", null, "1"), decoded.contact());
    }

    @Test
    void aRecordStoredBeforeContactsExistedReadsWithout() {
        byte[] json = StoreCodec.encode(new StoredConversation(C, List.of("u1"), List.of()));
        String old = new String(json, StandardCharsets.UTF_8).replace(",\"contact\":null", "");
        var decoded = StoreCodec.decode(old.getBytes(StandardCharsets.UTF_8), StoredConversation.class);
        assertNull(decoded.contact());
        assertEquals(List.of("u1"), decoded.seenMessageIds());
    }
}
