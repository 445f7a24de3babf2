import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import supportbot.channel.ChannelSender;
import supportbot.channel.Inbox;
import supportbot.channel.Outbox;
import supportbot.desk.DeskQueue;
import supportbot.desk.DeskSettingsLoader;
import supportbot.desk.StoreTickets;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;

/**
 * Statements (each one round trip) and commits per turn on PostgreSQL, through the real inbox and dialogue
 * engine: [conversations] [messages each] [jdbc url]. Turns run one at a time (a commit group of one: the most
 * a turn can cost) and then all conversations at once (groups form); then the outbox delivers every reply to a
 * sender that takes it at once. Uses only API that older builds have too, so the same file measures before and
 * after. Classpath: target/classes, target/test-classes (the engine's test data) and the dependencies.
 */
public class PostgresTurnQueries {
    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = System.getenv().getOrDefault(PostgresSettings.USER_ENV, "postgres");
        var settings = new PostgresSettings(url, user, System.getenv(PostgresSettings.PASSWORD_ENV), 4,
                "turn_queries_" + System.nanoTime());
        var pg = PostgresBackend.open(settings);
        Store store = Store.over(pg);
        var committer = new GroupCommitter(store);
        Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        var queue = new DeskQueue(store, new DeskSettingsLoader().load(Path.of("config", "desk.yaml")), clock);
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new StoreTickets(store, queue), clock, Lang.EN);
        var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 4, Set.of("telegram"));
        String[] script = {"hello", "talk to a human", "it is about my withdrawal", "still waiting", "thanks"};

        long s0 = pg.statements();
        long c0 = committer.commits();
        int turns = 0;
        for (int c = 0; c < conversations; c++) {
            for (int m = 0; m < messages; m++) {
                String chat = "telegram:" + (1000 + c);
                inbox.submit(Inbound.text("telegram", chat, chat, script[m % script.length], "s" + m, EngineHarness.NOW)).join();
                turns++;
            }
        }
        report("one at a time", turns, pg.statements() - s0, committer.commits() - c0);

        s0 = pg.statements();
        c0 = committer.commits();
        turns = 0;
        for (int m = 0; m < messages; m++) {
            var round = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < conversations; c++) {
                String chat = "telegram:" + (5000 + c);
                round.add(inbox.submit(Inbound.text("telegram", chat, chat, script[m % script.length], "p" + m, EngineHarness.NOW)));
                turns++;
            }
            round.forEach(CompletableFuture::join);
        }
        report("all conversations at once", turns, pg.statements() - s0, committer.commits() - c0);

        long pending = store.outboxSize();
        var outbox = new Outbox(store, committer, 4).register(new ChannelSender() {
            @Override
            public String channel() {
                return "telegram";
            }

            @Override
            public void send(OutboxEntry entry, PartsProgress progress) {
            }
        });
        s0 = pg.statements();
        c0 = committer.commits();
        outbox.deliverPending();
        report("outbox delivery per entry", (int) pending, pg.statements() - s0, committer.commits() - c0);
        if (store.outboxSize() != 0) {
            throw new IllegalStateException("one pass left " + store.outboxSize() + " of " + pending + " undelivered");
        }

        inbox.close();
        committer.close();
        pg.dropSchema();
        store.close();
        System.exit(0);
    }

    private static void report(String what, int turns, long statements, long commits) {
        System.out.printf("{\"what\":\"%s\",\"turns\":%d,\"statementsPerTurn\":%.2f,\"commitsPerTurn\":%.2f,"
                        + "\"roundTripsPerTurn\":%.2f}%n", what, turns, statements / (double) turns, commits / (double) turns,
                (statements + commits) / (double) turns);
    }
}
