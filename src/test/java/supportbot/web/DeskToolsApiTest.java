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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketRating;
import supportbot.dialogue.TicketDraft;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/** The desk tools' API: saved replies, assist, contact history, search, labels, priority, agents' load. */
class DeskToolsApiTest {
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

    private JsonNode ok(HttpResponse<String> res) throws Exception {
        assertTrue(res.statusCode() / 100 == 2, res.statusCode() + " " + res.body());
        return res.body().isEmpty() ? null : json.readTree(res.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A ticket written straight into the store: the desk tools read tickets, however they were opened. */
    private void seed(long number, String user, Lang lang, String category, Map<DetailType, DetailValue> details,
                      Instant opened, TicketRating rating, TicketEvent... events) {
        var draft = new TicketDraft(number, "telegram", "tg:" + user, user, category, 3, false, "confirmed", lang, details,
                List.of(), opened);
        Ticket t = Ticket.open(draft);
        for (TicketEvent e : events) {
            t = t.withEvent(e);
        }
        if (rating != null) {
            t = t.rated(rating);
        }
        Ticket kept = t;
        bot.committer.submit(tx -> tx.saveTicket(kept)).join();
    }

    private static Map<DetailType, DetailValue> details(String... typeValue) {
        var out = new java.util.LinkedHashMap<DetailType, DetailValue>();
        for (int i = 0; i < typeValue.length; i += 2) {
            out.put(DetailType.fromKey(typeValue[i]).orElseThrow(), new DetailValue(DetailType.fromKey(typeValue[i]).orElseThrow(),
                    typeValue[i + 1], typeValue[i + 1]));
        }
        return out;
    }

    private String ticket(long n) throws Exception {
        return bot.call("GET", "/api/desk/tickets/" + n, LocalBot.SUE, null).body();
    }

    @Test
    void savedRepliesAreFilledInForTheTicketInItsUsersLanguage() throws Exception {
        seed(2001, "u1", Lang.ZH, "transfer-pending", details("tx_hash", "0xabc123", "coin", "USDT", "chain", "TRON"),
                Instant.parse("2026-11-20T01:00:00Z"), null);
        JsonNode list = ok(bot.call("GET", "/api/desk/saved-replies?ticket=2001", LocalBot.ALICE, null)).get("replies");
        assertTrue(list.size() >= 12, list.toString());
        JsonNode pending = null;
        for (JsonNode r : list) {
            if (r.get("name").asText().equals("deposit-pending")) {
                pending = r;
            }
        }
        assertEquals("充值尚未到账", pending.get("title").asText());
        String text = pending.get("text").asText();
        assertTrue(text.contains("0xabc123") && text.contains("USDT") && text.contains("TRON") && text.contains("#2001"), text);
        assertFalse(text.contains("{"), text);
    }

    @Test
    void onlySupervisorsManageSavedRepliesAndEveryChangeIsAudited() throws Exception {
        String body = "{\"name\":\"kyc-wait\",\"title\":{\"en\":\"KYC pending\",\"zh\":\"实名审核中\"},"
                + "\"text\":{\"en\":\"Your check for {ticket} is under review.\",\"zh\":\"工单 {ticket} 的审核正在进行。\"}}";
        assertEquals(403, bot.call("POST", "/api/desk/saved-replies", LocalBot.ALICE, body).statusCode());
        assertEquals(201, bot.call("POST", "/api/desk/saved-replies", LocalBot.SUE, body).statusCode());
        assertTrue(bot.call("GET", "/api/desk/saved-replies", LocalBot.ALICE, null).body().contains("kyc-wait"));

        assertEquals(403, bot.call("DELETE", "/api/desk/saved-replies/kyc-wait", LocalBot.BOB, null).statusCode());
        assertEquals(204, bot.call("DELETE", "/api/desk/saved-replies/kyc-wait", LocalBot.SUE, null).statusCode());
        assertFalse(bot.call("GET", "/api/desk/saved-replies", LocalBot.ALICE, null).body().contains("kyc-wait"));

        JsonNode audit = ok(bot.call("GET", "/api/desk/saved-replies/audit", LocalBot.SUE, null)).get("audit");
        assertEquals(2, audit.size());
        assertEquals("sue", audit.get(0).get("by").asText());
        assertEquals("saved", audit.get(0).get("action").asText());
        assertEquals("deleted", audit.get(1).get("action").asText());
        assertEquals(403, bot.call("GET", "/api/desk/saved-replies/audit", LocalBot.ALICE, null).statusCode());
    }

    @Test
    void aBadSavedReplyIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
        for (String bad : List.of(
                "{\"name\":\"Bad Name\",\"title\":{\"en\":\"a\",\"zh\":\"甲\"},\"text\":{\"en\":\"a\",\"zh\":\"甲\"}}",
                "{\"name\":\"only-en\",\"title\":{\"en\":\"a\",\"zh\":\"甲\"},\"text\":{\"en\":\"a\"}}",
                "{\"name\":\"no-title\",\"text\":{\"en\":\"a\",\"zh\":\"甲\"}}")) {
            var res = bot.call("POST", "/api/desk/saved-replies", LocalBot.SUE, bad);
            assertEquals(400, res.statusCode(), bad);
            assertTrue(json.readTree(res.body()).get("error").asText().length() > 10, res.body());
        }
        var shipped = bot.call("DELETE", "/api/desk/saved-replies/deposit-pending", LocalBot.SUE, null);
        assertEquals(400, shipped.statusCode());
        assertTrue(shipped.body().contains("saved-replies.yaml"), shipped.body());
        assertEquals(404, bot.call("DELETE", "/api/desk/saved-replies/nope", LocalBot.SUE, null).statusCode());
        assertEquals(0, ok(bot.call("GET", "/api/desk/saved-replies/audit", LocalBot.SUE, null)).get("audit").size());
    }

    @Test
    void assistSuggestsTheFaqAnswerThatFitsTheProblem() throws Exception {
        seed(2002, "u2", Lang.EN, "other", details("description", "I need to reset my PIN code"),
                Instant.parse("2026-11-20T01:00:00Z"), null);
        JsonNode answers = ok(bot.call("GET", "/api/desk/tickets/2002/assist", LocalBot.ALICE, null)).get("answers");
        assertTrue(answers.size() >= 1 && answers.size() <= 3, answers.toString());
        assertEquals("pin", answers.get(0).get("faqId").asText());
        assertEquals("Settings, Security, Reset PIN.", answers.get(0).get("answer").asText());
        assertEquals(404, bot.call("GET", "/api/desk/tickets/9999/assist", LocalBot.ALICE, null).statusCode());
    }

    @Test
    void theContactPanelListsTheUsersEarlierTicketsOnThatPlatformWithRatings() throws Exception {
        seed(2010, "u3", Lang.EN, "other", Map.of(), Instant.parse("2026-10-01T01:00:00Z"),
                new TicketRating(4, null, null, Instant.parse("2026-10-02T01:00:00Z")));
        seed(2011, "u3", Lang.EN, "transfer-pending", Map.of(), Instant.parse("2026-11-01T01:00:00Z"),
                new TicketRating(2, null, null, Instant.parse("2026-11-02T01:00:00Z")));
        seed(2012, "someone-else", Lang.EN, "other", Map.of(), Instant.parse("2026-11-05T01:00:00Z"), null);
        seed(2013, "u3", Lang.EN, "other", Map.of(), Instant.parse("2026-11-20T01:00:00Z"), null);
        JsonNode c = ok(bot.call("GET", "/api/desk/tickets/2013/contact", LocalBot.ALICE, null));
        assertEquals(2, c.get("ticketCount").asInt());
        assertEquals(2011, c.get("tickets").get(0).get("id").asLong());
        assertEquals(2010, c.get("tickets").get(1).get("id").asLong());
        assertEquals(3.0, c.get("averageRating").asDouble());
        assertEquals("en", c.get("lang").asText());
        assertEquals("telegram", c.get("channel").asText());
        assertEquals("transfer-pending", c.get("tickets").get(0).get("category").asText());
        assertEquals("Transfer stuck pending", c.get("tickets").get(0).get("categoryName").get("en").asText(),
                "agents read the category's name, as in the queue");
    }

    @Test
    void theSearchFilterListsEveryCategoryByNameWithTheIdItSends() throws Exception {
        JsonNode all = ok(bot.call("GET", "/api/desk/categories", LocalBot.ALICE, null)).get("categories");
        var ids = new java.util.ArrayList<String>();
        all.forEach(c -> ids.add(c.get("id").asText()));
        assertTrue(ids.contains("app-crash") && ids.contains("transfer-pending"), ids.toString());
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "each category once");
        JsonNode crash = null;
        for (JsonNode c : all) {
            if (c.get("id").asText().equals("app-crash")) {
                crash = c;
            }
        }
        assertEquals("App crashes or freezes", crash.get("names").get("en").asText());
        assertEquals("应用闪退/卡死", crash.get("names").get("zh").asText());
        assertEquals(401, bot.call("GET", "/api/desk/categories", null, null).statusCode(), "agents only");
    }

    @Test
    void searchFindsTicketsByTheirWordsInBothLanguagesAndFilters() throws Exception {
        seed(2020, "u4", Lang.ZH, "transfer-pending", details("description", "我的USDT充值没到账"),
                Instant.parse("2026-11-10T01:00:00Z"), null);
        seed(2021, "u5", Lang.EN, "app-crash", details("description", "the app crashes when I open the wallet"),
                Instant.parse("2026-11-12T01:00:00Z"), null);
        seed(2022, "u6", Lang.EN, "other", Map.of(), Instant.parse("2026-11-14T01:00:00Z"), null,
                new TicketEvent(Instant.parse("2026-11-14T02:00:00Z"), "alice", TicketEvent.Type.NOTE, "user says deposit stuck"));

        assertEquals(List.of(2020L), ids(ok(bot.call("GET", "/api/desk/search?q=" + q("充值 到账"), LocalBot.ALICE, null))));
        assertEquals(List.of(2021L), ids(ok(bot.call("GET", "/api/desk/search?q=crashing", LocalBot.ALICE, null))));
        assertEquals(List.of(2022L), ids(ok(bot.call("GET", "/api/desk/search?q=deposit", LocalBot.ALICE, null))));
        assertEquals(List.of(2021L, 2020L), ids(ok(bot.call("GET", "/api/desk/search?from=2026-11-10&to=2026-11-12", LocalBot.ALICE, null))));
        assertEquals(List.of(2021L), ids(ok(bot.call("GET", "/api/desk/search?category=app-crash", LocalBot.ALICE, null))));
        JsonNode crash = ok(bot.call("GET", "/api/desk/search?category=app-crash", LocalBot.ALICE, null)).get("tickets").get(0);
        assertEquals("App crashes or freezes", crash.get("categoryName").get("en").asText(), "names, like the queue");
        assertEquals("应用闪退/卡死", crash.get("categoryName").get("zh").asText());

        // a change is searchable at once: the index follows commits
        ok(bot.call("POST", "/api/desk/tickets/2020/claim", LocalBot.ALICE, ""));
        ok(bot.call("POST", "/api/desk/tickets/2020/label", LocalBot.ALICE, "{\"label\":\"VIP\"}"));
        assertEquals(List.of(2020L), ids(ok(bot.call("GET", "/api/desk/search?label=vip", LocalBot.ALICE, null))));
        assertEquals(List.of(2020L), ids(ok(bot.call("GET", "/api/desk/search?agent=alice&status=assigned", LocalBot.ALICE, null))));
    }

    @Test
    void badSearchFiltersAreRefusedClearly() throws Exception {
        for (String bad : List.of("status=nope", "agent=nobody", "from=yesterday", "from=2026-11-12&to=2026-11-01")) {
            var res = bot.call("GET", "/api/desk/search?" + bad, LocalBot.ALICE, null);
            assertEquals(400, res.statusCode(), bad + " " + res.body());
        }
        assertEquals(401, bot.call("GET", "/api/desk/search?q=x", null, null).statusCode());
    }

    private static List<Long> ids(JsonNode result) {
        var out = new java.util.ArrayList<Long>();
        result.get("tickets").forEach(t -> out.add(t.get("id").asLong()));
        return out;
    }

    @Test
    void labelsArePutOnAndTakenOffByTheHolderOnlyAndBadLabelsChangeNothing() throws Exception {
        seed(2030, "u7", Lang.EN, "other", Map.of(), Instant.parse("2026-11-14T01:00:00Z"), null);
        assertEquals(403, bot.call("POST", "/api/desk/tickets/2030/label", LocalBot.ALICE, "{\"label\":\"vip\"}").statusCode());
        ok(bot.call("POST", "/api/desk/tickets/2030/claim", LocalBot.ALICE, ""));
        assertEquals(403, bot.call("POST", "/api/desk/tickets/2030/label", LocalBot.BOB, "{\"label\":\"vip\"}").statusCode());
        String before = ticket(2030);
        for (String bad : List.of("{\"label\":\"\"}", "{\"label\":\"two words\"}", "{\"label\":42}", "{}")) {
            assertEquals(400, bot.call("POST", "/api/desk/tickets/2030/label", LocalBot.ALICE, bad).statusCode(), bad);
        }
        assertEquals(before, ticket(2030));

        JsonNode labelled = ok(bot.call("POST", "/api/desk/tickets/2030/label", LocalBot.ALICE, "{\"label\":\"VIP\"}"));
        assertEquals("[\"vip\"]", labelled.get("labels").toString());
        long version = labelled.get("version").asLong();
        assertEquals(409, bot.call("POST", "/api/desk/tickets/2030/label", LocalBot.ALICE,
                "{\"label\":\"scam\",\"version\":" + (version - 1) + "}").statusCode());
        ok(bot.call("POST", "/api/desk/tickets/2030/label", LocalBot.ALICE, "{\"label\":\"scam\",\"version\":" + version + "}"));
        JsonNode unlabelled = ok(bot.call("POST", "/api/desk/tickets/2030/unlabel", LocalBot.ALICE, "{\"label\":\"vip\"}"));
        assertEquals("[\"scam\"]", unlabelled.get("labels").toString());
        assertTrue(ticket(2030).contains("\"type\":\"unlabelled\""), "the removal is in the ticket's history");
    }

    @Test
    void priorityChangesAreCheckedAndAudited() throws Exception {
        seed(2040, "u8", Lang.EN, "other", Map.of(), Instant.parse("2026-11-14T01:00:00Z"), null);
        ok(bot.call("POST", "/api/desk/tickets/2040/claim", LocalBot.ALICE, ""));
        String before = ticket(2040);
        for (String bad : List.of("{\"priority\":0}", "{\"priority\":5}", "{\"priority\":\"1\"}", "{}")) {
            var res = bot.call("POST", "/api/desk/tickets/2040/priority", LocalBot.ALICE, bad);
            assertEquals(400, res.statusCode(), bad);
            assertTrue(res.body().contains("priority"), res.body());
        }
        assertEquals(before, ticket(2040));
        assertEquals(403, bot.call("POST", "/api/desk/tickets/2040/priority", LocalBot.BOB, "{\"priority\":1}").statusCode());
        assertEquals(1, ok(bot.call("POST", "/api/desk/tickets/2040/priority", LocalBot.ALICE, "{\"priority\":1}")).get("priority").asInt());
        assertTrue(ticket(2040).contains("3 → 1"), "who changed it and from what is in the history");
    }

    @Test
    void theAssigneePickerListsAgentsWithTheOpenTicketsTheyHold() throws Exception {
        seed(2050, "u9", Lang.EN, "other", Map.of(), Instant.parse("2026-11-14T01:00:00Z"), null);
        seed(2051, "u10", Lang.EN, "other", Map.of(), Instant.parse("2026-11-14T01:00:00Z"), null);
        ok(bot.call("POST", "/api/desk/tickets/2050/claim", LocalBot.BOB, ""));
        ok(bot.call("POST", "/api/desk/tickets/2051/claim", LocalBot.BOB, ""));
        JsonNode agents = ok(bot.call("GET", "/api/desk/agents", LocalBot.ALICE, null)).get("agents");
        assertEquals(3, agents.size());
        JsonNode last = agents.get(2);
        assertEquals("bob", last.get("name").asText());
        assertEquals(2, last.get("open").asInt());
        assertEquals(0, agents.get(0).get("open").asInt());
        assertEquals(401, bot.call("GET", "/api/desk/agents", null, null).statusCode());
    }
}
