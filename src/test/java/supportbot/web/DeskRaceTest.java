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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.desk.Agent;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskAction;
import supportbot.desk.DeskException;
import supportbot.desk.Role;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

/**
 * Many agents act on the same tickets at the same moment, over HTTP and through the desk service directly:
 * the committed history has exactly one winner per ticket, and every loser is told who won.
 */
class DeskRaceTest {
    private static final int AGENTS = 16;
    private static final int TICKETS = 50;
    private static final long FIRST = 5001;

    @TempDir
    Path dir;

    private LocalBot bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    private static String token(int i) {
        return "race-agent-token-" + i;
    }

    private static String name(int i) {
        return "agent" + i;
    }

    private void startWith(Role role) throws Exception {
        var more = new ArrayList<Agent>();
        for (int i = 0; i < AGENTS; i++) {
            more.add(new Agent(name(i), role, AgentDirectory.sha256(token(i))));
        }
        bot = new LocalBot(dir, more);
        bot.committer.submit(tx -> {
            for (long n = FIRST; n < FIRST + TICKETS; n++) {
                tx.saveTicket(Ticket.open(new TicketDraft(n, "web", "web:race-" + n, "web:race-" + n, "other", 3, false,
                        "human", Lang.EN, Map.of(), List.of(), Instant.parse("2026-11-25T06:00:00Z"))));
            }
        }).join();
    }

    /** One agent's outcome on one ticket: 200, or the refusal's status and the holder it named. */
    private record Outcome(int agent, long ticket, int status, String holder, String error) {
    }

    @Test
    void sixteenAgentsClaimingFiftyTicketsOverHttpLeaveOneClaimEachAndTellEveryLoserWhoHoldsIt() throws Exception {
        startWith(Role.AGENT);
        List<Outcome> outcomes = race((agent, ticket) -> {
            var res = http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + ticket + "/claim")))
                    .header("Authorization", "Bearer " + token(agent)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(res.body());
            return new Outcome(agent, ticket, res.statusCode(), body.path("holder").asText(null),
                    body.path("error").asText(null));
        });
        assertOneClaimPerTicketAndLosersToldTheHolder(outcomes);
    }

    @Test
    void sixteenAgentsClaimingFiftyTicketsThroughTheDeskServiceLeaveOneClaimEach() throws Exception {
        startWith(Role.AGENT);
        List<Outcome> outcomes = race((agent, ticket) -> {
            Agent a = new Agent(name(agent), Role.AGENT, AgentDirectory.sha256(token(agent)));
            try {
                bot.desk.act(a, ticket, new DeskAction.Claim());
                return new Outcome(agent, ticket, 200, null, null);
            } catch (DeskException e) {
                return new Outcome(agent, ticket, e.status(), e.holder(), e.getMessage());
            }
        });
        assertOneClaimPerTicketAndLosersToldTheHolder(outcomes);
    }

    /** Supervisors may take over a claimed ticket, but not one that changed hands after they looked. */
    @Test
    void supervisorsRacingToClaimStillLeaveOneClaimPerTicket() throws Exception {
        startWith(Role.SUPERVISOR);
        List<Outcome> outcomes = race((agent, ticket) -> {
            var res = http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + ticket + "/claim")))
                    .header("Authorization", "Bearer " + token(agent)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(res.body());
            return new Outcome(agent, ticket, res.statusCode(), body.path("holder").asText(null),
                    body.path("error").asText(null));
        });
        // A supervisor who read the ticket after someone claimed it may take it over on purpose; what must never
        // happen is two claims of the ticket as it was unclaimed.
        for (long n = FIRST; n < FIRST + TICKETS; n++) {
            Ticket t = bot.store.ticket(n).orElseThrow();
            List<TicketEvent> claims = t.events().stream().filter(e -> e.type() == TicketEvent.Type.CLAIMED).toList();
            assertTrue(!claims.isEmpty(), "#" + n);
            String last = claims.get(claims.size() - 1).actor();
            assertEquals(last, t.assignee(), "#" + n);
            long id = n;
            long tookItWhileFree = outcomes.stream().filter(o -> o.ticket() == id && o.status() == 200).count();
            assertEquals(claims.size(), tookItWhileFree, "every 200 is one claim in the history, no more: #" + n);
        }
        for (Outcome o : outcomes) {
            assertTrue(o.status() == 200 || o.status() == 409, o.toString());
        }
    }

    /** A client that sends the version it loaded is refused once anything changed since, and nothing changes. */
    @Test
    void anActionOnAStaleVersionIsAConflictAndChangesNothing() throws Exception {
        startWith(Role.AGENT);
        var claim = http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + FIRST + "/claim")))
                .header("Authorization", "Bearer " + token(0)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"version\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, claim.statusCode(), claim.body());
        assertEquals(2, json.readTree(claim.body()).get("version").asLong());
        var stale = http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + FIRST + "/note")))
                .header("Authorization", "Bearer " + token(0))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\",\"version\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("reload"), stale.body());
        assertEquals(2, bot.store.ticket(FIRST).orElseThrow().version(), "the note was not added");
        var bad = http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/tickets/" + FIRST + "/note")))
                .header("Authorization", "Bearer " + token(0))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\",\"version\":\"two\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode(), bad.body());
    }

    /** Resolving goes through the user's conversation too: two supervisors at once still resolve once. */
    @Test
    void twoSupervisorsResolvingTheSameTicketsResolveEachOnce() throws Exception {
        startWith(Role.SUPERVISOR);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var gate = new CountDownLatch(1);
            var results = new ArrayList<Future<List<Outcome>>>();
            for (int agent = 0; agent < 2; agent++) {
                int a = agent;
                results.add(pool.submit(() -> {
                    gate.await();
                    var out = new ArrayList<Outcome>();
                    Agent me = new Agent(name(a), Role.SUPERVISOR, null);
                    for (long n = FIRST; n < FIRST + TICKETS; n++) {
                        try {
                            bot.desk.act(me, n, new DeskAction.Resolve());
                            out.add(new Outcome(a, n, 200, null, null));
                        } catch (DeskException e) {
                            out.add(new Outcome(a, n, e.status(), e.holder(), e.getMessage()));
                        }
                    }
                    return out;
                }));
            }
            gate.countDown();
            var all = new ArrayList<Outcome>();
            for (var f : results) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            for (long n = FIRST; n < FIRST + TICKETS; n++) {
                long id = n;
                Ticket t = bot.store.ticket(n).orElseThrow();
                assertEquals(1, t.events().stream().filter(e -> e.type() == TicketEvent.Type.RESOLVED).count(), "#" + n);
                assertEquals(1, all.stream().filter(o -> o.ticket() == id && o.status() == 200).count(), "#" + n);
                all.stream().filter(o -> o.ticket() == id && o.status() != 200)
                        .forEach(o -> assertEquals(409, o.status(), o.toString()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Attempt {
        Outcome run(int agent, long ticket) throws Exception;
    }

    /** Every agent tries every ticket, each in its own shuffled order, all released at once. */
    private List<Outcome> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
        try {
            var gate = new CountDownLatch(1);
            var futures = new ArrayList<Future<List<Outcome>>>();
            for (int agent = 0; agent < AGENTS; agent++) {
                int a = agent;
                var order = new ArrayList<Long>();
                for (long n = FIRST; n < FIRST + TICKETS; n++) {
                    order.add(n);
                }
                Collections.shuffle(order, new Random(a));
                futures.add(pool.submit(() -> {
                    gate.await();
                    var out = new ArrayList<Outcome>();
                    for (long n : order) {
                        out.add(attempt.run(a, n));
                    }
                    return out;
                }));
            }
            gate.countDown();
            var all = new ArrayList<Outcome>();
            for (var f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneClaimPerTicketAndLosersToldTheHolder(List<Outcome> outcomes) {
        assertEquals(AGENTS * TICKETS, outcomes.size());
        Map<Long, String> winners = new ConcurrentHashMap<>();
        for (long n = FIRST; n < FIRST + TICKETS; n++) {
            long id = n;
            Ticket t = bot.store.ticket(n).orElseThrow();
            List<TicketEvent> claims = t.events().stream().filter(e -> e.type() == TicketEvent.Type.CLAIMED).toList();
            assertEquals(1, claims.size(), "exactly one claim in #" + n + "'s committed history: " + claims);
            String winner = claims.get(0).actor();
            assertEquals(winner, t.assignee());
            winners.put(n, winner);
            List<Outcome> won = outcomes.stream().filter(o -> o.ticket() == id && o.status() == 200).toList();
            assertEquals(1, won.size(), "one 200 for #" + n + ": " + won);
            assertEquals(winner, name(won.get(0).agent()));
        }
        for (Outcome o : outcomes) {
            if (o.status() == 200) {
                continue;
            }
            String winner = winners.get(o.ticket());
            assertEquals(409, o.status(), o.toString());
            assertEquals(winner, o.holder(), o.toString());
            assertTrue(o.error().contains(winner), "the loser reads who holds it: " + o);
        }
    }
}
