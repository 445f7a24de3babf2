package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.dialogue.ContactKey;
import supportbot.store.ContactLink;
import supportbot.store.LinkCode;

/** Persons (linked contacts) and /link codes, the same on every adapter. */
class ContactLinkContractTest {
    private static final Instant AT = StoreFixture.AT;
    private static final String TELEGRAM = ContactKey.of("telegram", "111", "telegram:111");
    private static final String DISCORD = ContactKey.of("discord", "222", "discord:222");
    private static final String WEB = ContactKey.of("web", null, "web:a");
    private static final String WEB2 = ContactKey.of("web", null, "web:b");

    private static ContactLink contact(String key, String channel, String conversation) {
        return new ContactLink(key, null, channel, conversation, AT, "alice");
    }

    private static List<String> members(StoreFixture f, String contact) {
        return f.store.contactLink(contact).map(l -> f.store.personContacts(l.person()).stream().map(ContactLink::contact)
                .sorted().toList()).orElse(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void linkingJoinsContactsAndTwoPersonsBecomeOne(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> tx.linkContacts(contact(TELEGRAM, "telegram", "telegram:111"), contact(WEB, "web", "web:a")));
            assertEquals(List.of(TELEGRAM, WEB).stream().sorted().toList(), members(f, TELEGRAM));
            assertEquals(members(f, TELEGRAM), members(f, WEB));
            f.write(tx -> tx.linkContacts(contact(DISCORD, "discord", "discord:222"), contact(WEB2, "web", "web:b")));
            assertNotEquals(f.store.contactLink(TELEGRAM).orElseThrow().person(), f.store.contactLink(DISCORD).orElseThrow().person());

            f.write(tx -> tx.linkContacts(contact(WEB, "web", "web:a"), contact(DISCORD, "discord", "discord:222")));
            assertEquals(List.of(TELEGRAM, DISCORD, WEB, WEB2).stream().sorted().toList(), members(f, WEB2));
            assertEquals("web:a", f.store.contactLink(WEB).orElseThrow().conversationKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void unlinkingLeavesNoPersonOfOne(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> tx.linkContacts(contact(TELEGRAM, "telegram", "telegram:111"), contact(WEB, "web", "web:a")));
            f.write(tx -> tx.linkContacts(contact(TELEGRAM, "telegram", "telegram:111"), contact(DISCORD, "discord", "discord:222")));
            f.write(tx -> tx.unlinkContacts(List.of(DISCORD)));
            assertTrue(f.store.contactLink(DISCORD).isEmpty());
            assertEquals(2, members(f, TELEGRAM).size());
            f.write(tx -> tx.unlinkContacts(List.of(WEB)));
            assertTrue(f.store.contactLink(TELEGRAM).isEmpty(), "the last contact alone links nothing");
            assertTrue(f.store.contactLinks().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void aCodeIsKeptOnlyAsItsHashAndWorksOnceBeforeItExpires(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> tx.putLinkCode("ABCD-EFGH", new LinkCode(TELEGRAM, "telegram", "telegram:111", AT.plusSeconds(600))));
            assertTrue(f.store.linkCode("abcd efgh").isPresent(), "any case, with a space instead of the dash");
            var raw = f.opened.backend().linkCodes().all();
            assertEquals(1, raw.size());
            raw.forEach((k, v) -> {
                assertFalse(k.contains("ABCD"), k);
                assertFalse(new String(v, java.nio.charset.StandardCharsets.UTF_8).contains("EFGH"));
            });

            var late = new AtomicBoolean(true);
            f.write(tx -> late.set(tx.redeemLinkCode("ABCD-EFGH", contact(WEB, "web", "web:a")
                    .withAt(AT.plusSeconds(600)))));
            assertFalse(late.get(), "at the expiry instant it is too late");
            assertTrue(f.store.contactLink(WEB).isEmpty());
            assertTrue(f.store.linkCode("ABCD-EFGH").isEmpty(), "an expired code is cleared when tried");

            f.write(tx -> tx.putLinkCode("JKMN-PQRS", new LinkCode(TELEGRAM, "telegram", "telegram:111", AT.plusSeconds(600))));
            var first = new AtomicBoolean();
            var second = new AtomicBoolean(true);
            f.write(tx -> first.set(tx.redeemLinkCode("JKMN-PQRS", new ContactLink(WEB, null, "web", "web:a",
                    AT.plusSeconds(60), "user"))));
            f.write(tx -> second.set(tx.redeemLinkCode("JKMN-PQRS", contact(DISCORD, "discord", "discord:222")
                    .withAt(AT.plusSeconds(61)))));
            assertTrue(first.get());
            assertFalse(second.get(), "single use");
            assertEquals(List.of(TELEGRAM, WEB).stream().sorted().toList(), members(f, WEB));
            assertTrue(f.store.contactLink(DISCORD).isEmpty());
            assertEquals("user", f.store.contactLink(WEB).orElseThrow().linkedBy());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void forgetAndRetentionTakeTheContactOutOfItsPerson(String kind) {
        try (var f = new StoreFixture(kind)) {
            var tg = StoreFixture.conversation("telegram:111", AT);
            f.write(tx -> tx.saveConversation("telegram:111", supportbot.store.Store.encodeConversation(tg)));
            String tgContact = ContactKey.of(tg.conversation().channel(), tg.conversation().userId(), "telegram:111");
            f.write(tx -> {
                tx.linkContacts(contact(tgContact, "telegram", "telegram:111"), contact(WEB, "web", "web:a"));
                tx.linkContacts(contact(WEB, "web", "web:a"), contact(DISCORD, "discord", "discord:222"));
                tx.putLinkCode("TUVW-XYZ2", new LinkCode(tgContact, "telegram", "telegram:111", AT.plusSeconds(600)));
            });
            f.write(tx -> tx.forget("telegram:111"));
            assertTrue(f.store.contactLink(tgContact).isEmpty(), "found by the user id the conversation held");
            assertTrue(f.store.linkCode("TUVW-XYZ2").isEmpty(), "their pending code goes too");
            assertEquals(List.of(DISCORD, WEB).stream().sorted().toList(), members(f, DISCORD));

            f.write(tx -> tx.expire(List.of("web:a")));
            assertTrue(f.store.contactLinks().isEmpty(), "found by the conversation it was linked from; Discord alone is no person");
        }
    }
}
