package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.press;
import static supportbot.channel.telegram.TelegramFlowsTest.withButton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;

/** The staff card says who the user is on Telegram: name, @username and id, shown literally, gone after /forget. */
class TelegramCardNamesUserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUMAN = "I want to talk to a human about my account";

    @TempDir
    Path dir;
    private TelegramTestBot t;
    private long nextMessageId = 900_000;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    /** A private message from a user with this name and @username (null for none): the fake's own users have fixed names. */
    private void from(long userId, String firstName, String lastName, String username, String text) {
        ObjectNode user = JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", firstName)
                .put("language_code", "en");
        if (lastName != null) {
            user.put("last_name", lastName);
        }
        if (username != null) {
            user.put("username", username);
        }
        ObjectNode message = JSON.createObjectNode().put("message_id", nextMessageId++)
                .put("date", System.currentTimeMillis() / 1000).put("text", text);
        message.set("from", user);
        message.set("chat", JSON.createObjectNode().put("id", userId).put("type", "private").put("first_name", firstName));
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        t.fake.pushRaw(update.toString());
    }

    /** The card of the ticket the user's message opened, as the staff forum shows it (HTML parsed). */
    private FakeBotApi.Sent card(long userId) {
        String key = TelegramKeys.privateChat(userId);
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        return t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number), WAIT);
    }

    private String shown(FakeBotApi.Sent card) {
        return t.fake.message(TelegramTestBot.STAFF, card.messageId()).path("text").asText();
    }

    @Test
    void theCardNamesTheUserLiterallyWhateverCharactersTheNameHolds() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        from(7501, "Bob <b>&amp;", "O'Neil", "bob_the_user", HUMAN);
        var card = card(7501);
        // The fake parses the HTML as Telegram does: an unescaped "<b>" would be a tag, "&amp;" an ampersand.
        assertTrue(shown(card).contains("User: Bob <b>&amp; O'Neil (@bob_the_user, id 7501)"), shown(card));
    }

    @Test
    void aUserWithoutUsernameIsNamedWithTheirId() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        from(7502, "李雷", null, null, HUMAN);
        String text = shown(card(7502));
        assertTrue(text.contains("User: 李雷 (id 7502)"), text);
        assertFalse(text.contains("@"), "no @ for a user who has no username: " + text);
    }

    @Test
    void afterForgetTheCardNoLongerNamesTheUser() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        long user = 7503;
        from(user, "Carol", "Forgetme", "carol_f", HUMAN);
        var card = card(user);
        assertTrue(shown(card).contains("Carol Forgetme"), shown(card));

        from(user, "Carol", "Forgetme", "carol_f", "/forget");
        var confirm = t.fake.awaitSent(withButton(user, "forget:yes"), WAIT);
        press(t.fake, user, confirm, "forget:yes");
        t.fake.awaitCondition(() -> !shown(card).contains("User:"), WAIT, "the card drawn again without the user");
        assertFalse(shown(card).contains("Carol") || shown(card).contains("carol_f"), shown(card));
        t.awaitQuiet();
        assertNull(t.bot.store.stored(TelegramKeys.privateChat(user)).map(c -> c.contact()).orElse(null),
                "the name is erased with the conversation");
    }

    /**
     * /link through the real Telegram connector: one account asks for a code, the same person's second account
     * sends it, and once the ticket's card is drawn again it names the other platform's contact.
     */
    @Test
    void aUserLinksTwoAccountsWithLinkAndTheCardSaysSo() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        from(7511, "Dana", null, "dana_main", HUMAN);
        var card = card(7511);
        from(7511, "Dana", null, "dana_main", "/link");
        var offer = t.fake.awaitSent(s -> s.chatId() == 7511 && s.text() != null && s.text().contains("link code"), WAIT);
        var m = java.util.regex.Pattern.compile("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}").matcher(offer.text());
        assertTrue(m.find(), offer.text());

        from(7512, "Dana", "Alt", "dana_alt", "/link " + m.group());
        var done = t.fake.awaitSent(s -> s.chatId() == 7512 && s.text() != null && s.text().startsWith("✅ Linked"), WAIT);
        assertTrue(done.text().contains("Telegram"), done.text());

        var alice = t.bot.agents.byName("alice").orElseThrow();
        long number = t.bot.store.conversation(TelegramKeys.privateChat(7511)).orElseThrow().ticketNumber();
        t.bot.desk.act(alice, number, new supportbot.desk.DeskAction.Claim());
        t.fake.awaitCondition(() -> shown(card).contains("Same person on: Telegram"), WAIT, "the card redrawn with the link");
    }
}
