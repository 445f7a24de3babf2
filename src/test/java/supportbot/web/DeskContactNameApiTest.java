package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Contact;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.ticket.Ticket;

/** The web desk's contact panel names a Telegram or Discord user as their latest message did, and nobody once erased. */
class DeskContactNameApiTest {
    @TempDir
    Path dir;
    private LocalBot bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        bot = new LocalBot(dir);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private JsonNode contact(long number) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + number + "/contact")))
                .header("Authorization", "Bearer " + LocalBot.ALICE).GET().build();
        var res = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode(), res.body());
        return json.readTree(res.body());
    }

    private void seed(long number, String key, Contact who) {
        var c = Conversation.start(Inbound.text("telegram", key, key, "hi", "u1", Instant.EPOCH), Lang.EN, null);
        var stored = Store.encodeConversation(new StoredConversation(c, List.of(), List.of()).from(who));
        Ticket t = Ticket.open(new TicketDraft(number, "telegram", key, key, "other", 3, false, "confirmed", Lang.EN, Map.of(),
                List.of(), Instant.parse("2026-11-20T01:00:00Z")));
        bot.committer.submit(tx -> {
            tx.saveConversation(key, stored);
            tx.saveTicket(t);
        }).join();
    }

    @Test
    void thePanelNamesThePlatformUserUntilTheyAreErased() throws Exception {
        seed(3001, "telegram:7601", new Contact("Bob <b>", "bob_x", "7601"));
        JsonNode c = contact(3001);
        assertEquals("Bob <b>", c.get("name").asText(), "the page shows it as text (textContent), so it is sent as is");
        assertEquals("bob_x", c.get("username").asText());
        assertEquals("7601", c.get("platformId").asText());

        bot.committer.submit(tx -> tx.forget("telegram:7601")).join();
        JsonNode erased = contact(3001);
        assertTrue(erased.get("name").isNull() && erased.get("username").isNull() && erased.get("platformId").isNull(),
                erased.toString());
    }
}
