package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Contact;
import supportbot.dialogue.ContactKey;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.ContactLink;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

/** Linking contacts from the contact panel: search, link, unlink, who may, and bad input changing nothing. */
class DeskContactLinksApiTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        bot = new LocalBot(dir);
        seed(2001, "telegram", "telegram:111", "111", new Contact("Lin Wei", "linwei", "111"), Lang.ZH, "2026-11-20T01:00:00Z");
        seed(2002, "web", "web:w1", null, null, Lang.EN, "2026-11-21T01:00:00Z");
        seed(2003, "discord", "discord:333", "333", new Contact("Sam", "sam_k", "333"), Lang.EN, "2026-11-22T01:00:00Z");
        seed(2004, "telegram", "telegram:444", "444", new Contact("Vera", "vera", "444"), Lang.EN, "2026-11-23T01:00:00Z");
        bot.committer.submit(tx -> tx.updateTicket(2004, t -> t.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null,
                new TicketEvent(Instant.parse("2026-11-23T02:00:00Z"), "bob", TicketEvent.Type.ESCALATED, "fraud")))).join();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private void seed(long number, String channel, String conversation, String userId, Contact who, Lang lang, String at) {
        Instant opened = Instant.parse(at);
        var draft = new TicketDraft(number, channel, conversation, userId, "transfer-pending", 3, false, "confirmed", lang,
                Map.of(), List.of(), opened);
        var c = supportbot.dialogue.Conversation.start(Inbound.text(channel, conversation, userId, "hi", "x", opened), lang,
                "Asia/Shanghai");
        var stored = new StoredConversation(c, List.of(), List.of()).from(who);
        bot.committer.submit(tx -> {
            tx.saveConversation(conversation, Store.encodeConversation(stored));
            tx.saveTicket(Ticket.open(draft));
        }).join();
    }

    private JsonNode ok(HttpResponse<String> res) throws Exception {
        assertTrue(res.statusCode() / 100 == 2, res.statusCode() + " " + res.body());
        return json.readTree(res.body());
    }

    private JsonNode search(String token, String q, long ticket) throws Exception {
        return ok(bot.call("GET", "/api/desk/contacts?ticket=" + ticket + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                token, null)).get("contacts");
    }

    private String idOf(String token, String q, long ticket) throws Exception {
        JsonNode found = search(token, q, ticket);
        assertEquals(1, found.size(), found.toString());
        return found.get(0).get("id").asText();
    }

    private static List<String> types(Ticket t) {
        return t.events().stream().map(e -> e.type().label() + ":" + e.actor() + ":" + e.text()).toList();
    }

    private List<ContactLink> links() {
        return bot.store.contactLinks();
    }

    @Test
    void searchFindsContactsByNameHandlePlatformIdAndTicketNumber() throws Exception {
        JsonNode byName = search(LocalBot.ALICE, "lin", 2002);
        assertEquals(1, byName.size());
        assertEquals("telegram", byName.get(0).get("channel").asText());
        assertEquals("Lin Wei", byName.get(0).get("name").asText());
        assertEquals(2001, byName.get(0).get("latestTicket").asLong());
        assertFalse(byName.get(0).get("id").asText().contains("111"), "the handle is no platform id");
        assertEquals(idOf(LocalBot.ALICE, "@LINWEI", 2002), byName.get(0).get("id").asText());
        assertEquals(idOf(LocalBot.ALICE, "111", 2002), byName.get(0).get("id").asText());
        assertEquals("discord", search(LocalBot.ALICE, "#2003", 2002).get(0).get("channel").asText());
        assertEquals(0, search(LocalBot.ALICE, "vera", 2002).size(), "escalated tickets' users are for supervisors");
        assertEquals(1, search(LocalBot.SUE, "vera", 2002).size());

        var missing = bot.call("GET", "/api/desk/contacts?ticket=2002", LocalBot.ALICE, null);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("'q' is required"), missing.body());
        var long_ = bot.call("GET", "/api/desk/contacts?q=" + "x".repeat(101), LocalBot.ALICE, null);
        assertEquals(400, long_.statusCode());
    }

    @Test
    void anAgentLinksTheTelegramUserToTheWebVisitorAndBothPanelsShowBothHistories() throws Exception {
        String telegram = idOf(LocalBot.ALICE, "linwei", 2002);
        var res = bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}");
        assertEquals(201, res.statusCode(), res.body());
        JsonNode panel = json.readTree(res.body());
        assertEquals(2, panel.get("contacts").size());
        assertTrue(panel.get("contacts").get(0).get("current").asBoolean());
        assertEquals("web", panel.get("contacts").get(0).get("channel").asText());
        assertEquals("Lin Wei", panel.get("contacts").get(1).get("name").asText());
        assertEquals("zh", panel.get("contacts").get(1).get("lang").asText());
        assertEquals("Asia/Shanghai", panel.get("contacts").get(1).get("zone").asText());
        assertEquals("alice", panel.get("contacts").get(1).get("linkedBy").asText());
        assertEquals(2001, panel.get("tickets").get(0).get("id").asLong());
        assertEquals("telegram", panel.get("tickets").get(0).get("channel").asText());

        JsonNode other = ok(bot.call("GET", "/api/desk/tickets/2001/contact", LocalBot.BOB, null));
        assertEquals(2002, other.get("tickets").get(0).get("id").asLong());
        assertEquals("web", other.get("tickets").get(0).get("channel").asText());

        assertTrue(types(bot.store.ticket(2002).orElseThrow()).contains(
                "linked:alice:the Telegram contact of ticket #2001"), types(bot.store.ticket(2002).orElseThrow()).toString());
        assertTrue(types(bot.store.ticket(2001).orElseThrow()).contains("linked:alice:the web chat contact of ticket #2002"));
        assertTrue(search(LocalBot.ALICE, "linwei", 2002).get(0).get("linked").asBoolean());
    }

    @Test
    void badInputGetsAClearRefusalAndChangesNothing() throws Exception {
        String telegram = idOf(LocalBot.ALICE, "linwei", 2002);
        String self = idOf(LocalBot.ALICE, "#2002", 2002);
        var cases = new ArrayList<Object[]>();
        cases.add(new Object[] {"{}", 400, "string field"});
        cases.add(new Object[] {"{\"contact\":42}", 400, "string field"});
        cases.add(new Object[] {"not json", 400, ""});
        cases.add(new Object[] {"{\"contact\":\"c0000000000000000\"}", 404, "no contact"});
        cases.add(new Object[] {"{\"contact\":\"" + self + "\"}", 400, "own user"});
        for (Object[] c : cases) {
            var res = bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, (String) c[0]);
            assertEquals(c[1], res.statusCode(), c[0] + " → " + res.body());
            assertTrue(res.body().contains((String) c[2]), res.body());
            assertTrue(links().isEmpty(), "nothing linked by " + c[0]);
        }
        String vera = idOf(LocalBot.SUE, "vera", 2002);
        var hidden = bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + vera + "\"}");
        assertEquals(404, hidden.statusCode(), "a contact only on an escalated ticket is not the agent's to link");
        var escalated = bot.call("POST", "/api/desk/tickets/2004/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}");
        assertEquals(403, escalated.statusCode(), escalated.body());
        assertEquals(404, bot.call("POST", "/api/desk/tickets/9999/contact/links", LocalBot.ALICE,
                "{\"contact\":\"" + telegram + "\"}").statusCode());
        assertTrue(links().isEmpty());
        long events = bot.store.ticket(2002).orElseThrow().events().size();

        ok(bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}"));
        var twice = bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}");
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("already linked"), twice.body());
        assertEquals(events + 1, bot.store.ticket(2002).orElseThrow().events().size(), "one audit line, not two");
        var unknown = bot.call("DELETE", "/api/desk/tickets/2002/contact/links/c123", LocalBot.ALICE, null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("not linked"), unknown.body());
        assertEquals(2, links().size());
    }

    @Test
    void onlyTheLinkingAgentOrASupervisorUnlinksAndUsersOwnLinksAreSupervisorsToUndo() throws Exception {
        String telegram = idOf(LocalBot.ALICE, "linwei", 2002);
        ok(bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}"));
        var byBob = bot.call("DELETE", "/api/desk/tickets/2002/contact/links/" + telegram, LocalBot.BOB, null);
        assertEquals(403, byBob.statusCode());
        assertTrue(byBob.body().contains("linked by alice"), byBob.body());
        assertEquals(2, links().size());

        JsonNode after = ok(bot.call("DELETE", "/api/desk/tickets/2002/contact/links/" + telegram, LocalBot.ALICE, null));
        assertEquals(1, after.get("contacts").size());
        assertEquals(0, after.get("tickets").size());
        assertTrue(links().isEmpty());
        assertTrue(types(bot.store.ticket(2002).orElseThrow()).contains("unlinked:alice:the Telegram contact of ticket #2001"));
        assertTrue(types(bot.store.ticket(2001).orElseThrow()).contains("unlinked:alice:the web chat contact of ticket #2002"));

        // The user linked Discord and the web chat themselves (/link): an agent's word does not undo theirs.
        Instant at = Instant.parse("2026-11-24T01:00:00Z");
        bot.committer.submit(tx -> tx.linkContacts(
                new ContactLink(ContactKey.of("web", null, "web:w1"), null, "web", "web:w1", at, "user"),
                new ContactLink(ContactKey.of("discord", "333", "discord:333"), null, "discord", "discord:333", at, "user")))
                .join();
        String discord = idOf(LocalBot.ALICE, "sam_k", 2002);
        var byAgent = bot.call("DELETE", "/api/desk/tickets/2002/contact/links/" + discord, LocalBot.ALICE, null);
        assertEquals(403, byAgent.statusCode());
        assertTrue(byAgent.body().contains("only a supervisor"), byAgent.body());
        assertEquals(2, links().size());
        ok(bot.call("DELETE", "/api/desk/tickets/2002/contact/links/" + discord, LocalBot.SUE, null));
        assertTrue(links().isEmpty());
    }

    /** Two agents link two contacts to the same user at the same moment: one person of three, nothing lost. */
    @Test
    void twoAgentsLinkingAtOnceEndWithOnePerson() throws Exception {
        String telegram = idOf(LocalBot.ALICE, "linwei", 2002);
        String discord = idOf(LocalBot.BOB, "sam_k", 2002);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var go = new java.util.concurrent.CountDownLatch(1);
            var a = pool.submit(() -> {
                go.await();
                return bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}");
            });
            var b = pool.submit(() -> {
                go.await();
                return bot.call("POST", "/api/desk/tickets/2001/contact/links", LocalBot.BOB, "{\"contact\":\"" + discord + "\"}");
            });
            go.countDown();
            assertEquals(201, a.get().statusCode(), a.get().body());
            assertEquals(201, b.get().statusCode(), b.get().body());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, links().size());
        assertEquals(1, links().stream().map(ContactLink::person).distinct().count(), links().toString());
        JsonNode panel = ok(bot.call("GET", "/api/desk/tickets/2003/contact", LocalBot.ALICE, null));
        assertEquals(3, panel.get("contacts").size());
        assertEquals(List.of(2002L, 2001L), java.util.stream.StreamSupport.stream(panel.get("tickets").spliterator(), false)
                .map(n -> n.get("id").asLong()).toList());
    }

    @Test
    void anErasedUserIsNobodyToLink() throws Exception {
        String telegram = idOf(LocalBot.ALICE, "linwei", 2002);
        bot.committer.submit(tx -> tx.forget("telegram:111")).join();
        assertEquals(0, search(LocalBot.ALICE, "#2001", 2002).size());
        var res = bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.ALICE, "{\"contact\":\"" + telegram + "\"}");
        assertEquals(404, res.statusCode(), res.body());
        var from = bot.call("POST", "/api/desk/tickets/2001/contact/links", LocalBot.ALICE,
                "{\"contact\":\"" + idOf(LocalBot.ALICE, "#2003", 2001) + "\"}");
        assertEquals(409, from.statusCode(), from.body());
        assertTrue(from.body().contains("erased their data"), from.body());
        assertTrue(links().isEmpty());
    }

    @Test
    void thePanelKeepsTheTierFilterAcrossLinkedContacts() throws Exception {
        String vera = idOf(LocalBot.SUE, "vera", 2002);
        ok(bot.call("POST", "/api/desk/tickets/2002/contact/links", LocalBot.SUE, "{\"contact\":\"" + vera + "\"}"));
        assertEquals(1, ok(bot.call("GET", "/api/desk/tickets/2002/contact", LocalBot.SUE, null)).get("tickets").size());
        JsonNode alices = ok(bot.call("GET", "/api/desk/tickets/2002/contact", LocalBot.ALICE, null));
        assertEquals(0, alices.get("tickets").size(), "the escalated ticket stays hidden from agents");
        assertEquals(2, alices.get("contacts").size());
        assertEquals(0, alices.get("contacts").get(1).get("ticketCount").asInt());
    }
}
