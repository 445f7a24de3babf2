package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketRating;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

class StatsCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        PrintStream original = System.out;
        var out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.commandLine().execute(args));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statsAndGapsReadTheStore() throws Exception {
        Path config = Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
        try (Store store = Store.open(dir.resolve("data")); var committer = new GroupCommitter(store)) {
            Instant t0 = Instant.parse("2026-11-25T06:00:00Z");
            Ticket rated = Ticket.open(new TicketDraft(1001, "web", "web:1", "u", "other", 3, false, "confirmed", Lang.EN,
                    Map.of(), List.of(), t0)).rated(new TicketRating(4, "speed", null, t0));
            committer.submit(tx -> {
                tx.saveTicket(rated);
                tx.voteFaq("fees", true);
                tx.voteFaq("tron-energy", false);
                tx.addKnowledgeGap("how do I stake TON?");
                tx.addKnowledgeGap("How do I stake TON");
            }).join();
        }
        var stats = new ObjectMapper().readTree(run("stats", "--json", "--config", config.toString()));
        assertEquals(1, stats.get("tickets").asInt());
        assertEquals(4.0, stats.get("csat_average").asDouble());
        assertEquals(0.5, stats.get("deflection_rate").asDouble());
        String gaps = run("gaps", "--config", config.toString());
        assertTrue(gaps.contains("    2  how do I stake TON?"), gaps);
        assertTrue(gaps.contains("    1  tron-energy"), gaps);
    }
}
