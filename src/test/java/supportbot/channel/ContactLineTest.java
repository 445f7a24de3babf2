package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Contact;
import supportbot.dialogue.Messages;
import supportbot.faq.Lang;

class ContactLineTest {
    private static final Messages MESSAGES = Messages.load(Path.of("config", "messages"));
    private static final Map<String, Contact> KNOWN = Map.of(
            "full", new Contact("Bob Lee", "boblee", "123"),
            "no-username", new Contact("李雷", null, "456"),
            "no-name", new Contact(" ", "only_handle", "789"));

    private static ContactLine line(Lang lang) {
        return new ContactLine(MESSAGES, lang, key -> Optional.ofNullable(KNOWN.get(key)));
    }

    @Test
    void namesTheUserInEitherStaffLanguage() {
        assertEquals("User: Bob Lee (@boblee, id 123)", line(Lang.EN).of("full", UnaryOperator.identity()).orElseThrow());
        assertEquals("用户：Bob Lee（@boblee，ID 123）", line(Lang.ZH).of("full", UnaryOperator.identity()).orElseThrow());
    }

    @Test
    void withoutUsernameOrNameTheLineStillSaysWhoWithTheId() {
        assertEquals("用户：李雷（ID 456）", line(Lang.ZH).of("no-username", UnaryOperator.identity()).orElseThrow());
        assertEquals("User: only_handle (@only_handle, id 789)", line(Lang.EN).of("no-name", UnaryOperator.identity()).orElseThrow());
    }

    @Test
    void onlyTheUsersValuesAreEscapedNotTheTemplate() {
        String html = line(Lang.EN).of("full", s -> s.replace("Bob", "B&amp;ob")).orElseThrow();
        assertEquals("User: B&amp;ob Lee (@boblee, id 123)", html);
    }

    @Test
    void aLinkedUsersCardNamesTheirOtherPlatformsInTheStaffLanguage(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (var store = supportbot.store.Store.open(dir)) {
            var committer = new supportbot.store.GroupCommitter(store);
            var at = java.time.Instant.parse("2026-11-25T06:00:00Z");
            var c = supportbot.dialogue.Conversation.start(supportbot.dialogue.Inbound.text("telegram", "telegram:1",
                    "telegram:1", "hi", "m1", at), Lang.EN, "UTC");
            committer.submit(tx -> {
                tx.saveConversation("telegram:1", supportbot.store.Store.encodeConversation(
                        new supportbot.store.StoredConversation(c, java.util.List.of(), java.util.List.of())));
                tx.putLinkCode("ABCD-EFGH", new supportbot.store.LinkCode("x", "web", "web:9", at.plusSeconds(60)));
            }).join();
            var line = new ContactLine(MESSAGES, Lang.EN, key -> Optional.empty()).withLinks(store);
            assertTrue(line.linked("telegram:1").isEmpty(), "nothing linked yet");
            String tg = supportbot.dialogue.ContactKey.of("telegram", "telegram:1", "telegram:1");
            committer.submit(tx -> {
                tx.linkContacts(new supportbot.store.ContactLink(tg, null, "telegram", "telegram:1", at, "user"),
                        new supportbot.store.ContactLink("conversation|web:9", null, "web", "web:9", at, "user"));
                tx.linkContacts(new supportbot.store.ContactLink(tg, null, "telegram", "telegram:1", at, "user"),
                        new supportbot.store.ContactLink("user|discord|5", null, "discord", "discord:5", at, "user"));
            }).join();
            String en = line.linked("telegram:1").orElseThrow();
            assertTrue(en.startsWith("Same person on: ") && en.contains("web chat") && en.contains("Discord"), en);
            String zh = new ContactLine(MESSAGES, Lang.ZH, key -> Optional.empty()).withLinks(store).linked("telegram:1")
                    .orElseThrow();
            assertTrue(zh.startsWith("同一个人的其他账号：") && zh.contains("网页聊天") && zh.contains("、"), zh);
            committer.close();
        }
    }

    @Test
    void anUnknownOrErasedUserHasNoLine() {
        assertTrue(line(Lang.EN).of("erased", UnaryOperator.identity()).isEmpty());
        assertTrue(line(Lang.EN).of(null, UnaryOperator.identity()).isEmpty());
        assertTrue(ContactLine.none().of("full", UnaryOperator.identity()).isEmpty());
    }
}
