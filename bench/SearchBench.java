import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.desk.Agent;
import supportbot.desk.Role;
import supportbot.ticket.Ticket;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.search.TicketQuery;
import supportbot.search.TicketSearch;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/**
 * How long the desk search's in-memory index takes to rebuild (what the first search after a commit pays) and
 * to answer, for TICKETS tickets with LINES transcript lines each, half English, half Chinese.
 *
 *   java -cp target/classes:$(cat cp.txt) bench/SearchBench.java TICKETS LINES
 */
public class SearchBench {
    public static void main(String[] args) throws Exception {
        int tickets = Integer.parseInt(args[0]);
        int lines = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("search-bench");
        try (Store store = Store.open(dir); var committer = new GroupCommitter(store)) {
            for (int i = 0; i < tickets; i++) {
                boolean zh = i % 2 == 0;
                String key = "web:bench-" + i;
                var draft = new TicketDraft(1000 + i, "web", key, "user-" + i, zh ? "transfer-pending" : "app-crash", 3, false,
                        "confirmed", zh ? Lang.ZH : Lang.EN, Map.of(), List.of(), Instant.parse("2026-11-01T00:00:00Z"));
                var transcript = new ArrayList<TranscriptLine>();
                for (int l = 0; l < lines; l++) {
                    transcript.add(new TranscriptLine(0, l % 2 == 0 ? "user" : "bot", zh
                            ? "我的USDT充值已经等了" + l + "个小时还没到账，交易哈希是 0x" + Integer.toHexString(i * 31 + l)
                            : "the app crashes when I open the asset page, attempt " + l + " on wallet " + i,
                            List.of(), List.of(), Instant.parse("2026-11-01T00:00:00Z")));
                }
                Ticket t = Ticket.open(draft);
                committer.submit(tx -> {
                    tx.saveTicket(t);
                    tx.appendTranscript(key, Store.encodeLines(transcript), transcript.size());
                }).join();
            }
            var search = new TicketSearch(store);
            var agent = new Agent("sue", Role.SUPERVISOR, "x");
            var words = new TicketQuery("充值 到账", Optional.empty(), null, null, null, null, null);
            for (int round = 0; round < 3; round++) {
                search.storeChanged(); // nothing changed: what a search after an unrelated commit pays
                long t0 = System.nanoTime();
                int found = search.search(agent, words).size();
                long t1 = System.nanoTime();
                search.search(agent, new TicketQuery("crashes asset", Optional.empty(), null, null, null, null, null));
                long t2 = System.nanoTime();
                System.out.printf("%d tickets x %d lines: rebuild + search %d ms (%d hits), search alone %d ms%n", tickets,
                        lines, (t1 - t0) / 1_000_000, found, (t2 - t1) / 1_000_000);
            }
        }
    }
}
