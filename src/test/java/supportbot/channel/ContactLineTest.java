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
    void anUnknownOrErasedUserHasNoLine() {
        assertTrue(line(Lang.EN).of("erased", UnaryOperator.identity()).isEmpty());
        assertTrue(line(Lang.EN).of(null, UnaryOperator.identity()).isEmpty());
        assertTrue(ContactLine.none().of("full", UnaryOperator.identity()).isEmpty());
    }
}
