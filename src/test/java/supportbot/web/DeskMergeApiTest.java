package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.TicketDraft;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/** Merging a user's duplicate ticket into their other open one: POST /api/desk/tickets/{id}/merge. */
class DeskMergeApiTest {
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
        return json.readTree(res.body());
    }

    private void seed(long number, String user, Lang lang, Map<DetailType, DetailValue> details, TicketEvent... events) {
        var draft = new TicketDraft(number, "telegram", "tg:" + user, user, "transfer-pending", 3, false, "confirmed", lang,
                details, List.of(), Instant.parse("2026-11-20T01:00:00Z"));
        Ticket t = Ticket.open(draft);
        for (TicketEvent e : events) {
            t = t.withEvent(e);
        }
        Ticket kept = t;
        bot.committer.submit(tx -> tx.saveTicket(kept)).join();
    }

    private static DetailValue detail(String key, String value) {
        return new DetailValue(DetailType.fromKey(key).orElseThrow(), value, value);
    }

    private String ticket(long n) throws Exception {
        return bot.call("GET", "/api/desk/tickets/" + n, LocalBot.SUE, null).body();
    }

    private HttpResponse<String> merge(long from, String token, String body) throws Exception {
        return bot.call("POST", "/api/desk/tickets/" + from + "/merge", token, body);
    }

    @Test
    void mergeCarriesTheDuplicatesDetailsAndMessagesAndClosesIt() throws Exception {
        seed(3001, "u1", Lang.EN, Map.of(DetailType.fromKey("coin").orElseThrow(), detail("coin", "USDT")));
        seed(3002, "u1", Lang.EN, Map.of(DetailType.fromKey("coin").orElseThrow(), detail("coin", "BTC"),
                        DetailType.fromKey("tx_hash").orElseThrow(), detail("tx_hash", "0xabc123")),
                new TicketEvent(Instant.parse("2026-11-20T02:00:00Z"), "user", TicketEvent.Type.USER_MESSAGE, "still not arrived"));
        ok(bot.call("POST", "/api/desk/tickets/3002/claim", LocalBot.ALICE, ""));
        JsonNode closed = ok(merge(3002, LocalBot.ALICE, "{\"into\":3001}"));
        assertEquals("closed", closed.get("status").asText(), closed.toString());

        Ticket kept = bot.store.ticket(3001).orElseThrow();
        assertEquals("USDT", kept.draft().details().get(DetailType.fromKey("coin").orElseThrow()).value(),
                "the kept ticket's own detail wins");
        assertEquals("0xabc123", kept.draft().details().get(DetailType.fromKey("tx_hash").orElseThrow()).value());
        TicketEvent carried = kept.events().get(kept.events().size() - 1);
        assertEquals(TicketEvent.Type.MERGED_IN, carried.type());
        assertTrue(carried.text().contains("#3002") && carried.text().contains("still not arrived"), carried.text());
        Ticket dup = bot.store.ticket(3002).orElseThrow();
        assertEquals(TicketStatus.CLOSED, dup.status());
        assertTrue(ticket(3002).contains("merged into #3001"));

        // The user hears it in their language, on the conversation that now points at the kept ticket.
        supportbot.Await.until(() -> bot.store.conversation("tg:u1").map(c -> Long.valueOf(3001).equals(c.ticketNumber()))
                .orElse(false), Duration.ofSeconds(5), "the conversation moves to #3001");
        assertTrue(bot.store.transcript("tg:u1", 0).stream().anyMatch(l -> l.text() != null
                && l.text().contains("#3002 and #3001 are now one")), "the user is told");
    }

    @Test
    void refusedMergesChangeNothing() throws Exception {
        seed(3011, "u2", Lang.EN, Map.of());
        seed(3012, "u2", Lang.EN, Map.of());
        seed(3013, "someone-else", Lang.EN, Map.of());
        seed(3014, "u2", Lang.EN, Map.of());
        ok(bot.call("POST", "/api/desk/tickets/3012/claim", LocalBot.ALICE, ""));
        ok(bot.call("POST", "/api/desk/tickets/3014/claim", LocalBot.ALICE, ""));
        ok(bot.call("POST", "/api/desk/tickets/3014/resolve", LocalBot.ALICE, ""));
        List<String> before = List.of(ticket(3011), ticket(3012), ticket(3013), ticket(3014));

        for (String bad : List.of("{}", "{\"into\":\"3011\"}", "{\"into\":-1}", "{\"into\":3012}")) {
            var res = merge(3012, LocalBot.ALICE, bad);
            assertEquals(400, res.statusCode(), bad + " " + res.body());
        }
        var other = merge(3012, LocalBot.ALICE, "{\"into\":3013}");
        assertEquals(400, other.statusCode());
        assertTrue(other.body().contains("another user"), other.body());
        assertEquals(409, merge(3012, LocalBot.ALICE, "{\"into\":3014}").statusCode(), "the kept ticket must be open");
        assertEquals(404, merge(3012, LocalBot.ALICE, "{\"into\":9999}").statusCode());
        assertEquals(403, merge(3012, LocalBot.BOB, "{\"into\":3011}").statusCode(), "not bob's ticket");
        assertEquals(409, merge(3012, LocalBot.ALICE, "{\"into\":3011,\"version\":1}").statusCode(), "stale version");

        assertEquals(before, List.of(ticket(3011), ticket(3012), ticket(3013), ticket(3014)));
    }

    @Test
    void twoMergesRacingHaveOneWinner() throws Exception {
        seed(3021, "u3", Lang.EN, Map.of());
        seed(3022, "u3", Lang.EN, Map.of());
        var pool = Executors.newFixedThreadPool(2);
        try {
            var go = new CountDownLatch(1);
            var results = new ArrayList<Future<Integer>>();
            // Each ticket into the other: after either, the other's ticket is closed, so only one can happen.
            for (long[] pair : new long[][] {{3021, 3022}, {3022, 3021}}) {
                results.add(pool.submit(() -> {
                    go.await();
                    return merge(pair[0], LocalBot.SUE, "{\"into\":" + pair[1] + "}").statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var f : results) {
                codes.add(f.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            assertEquals(1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        long open = List.of(3021L, 3022L).stream().filter(n -> bot.store.ticket(n).orElseThrow().status().open()).count();
        assertEquals(1, open, "exactly one ticket is kept");
    }
}
