package supportbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import supportbot.store.Store;
import supportbot.store.StoreCopy;
import supportbot.store.mapdb.MapDbBackend;
import supportbot.store.postgres.PostgresBackend;

@Command(name = "migrate", description = "Copies an embedded store (the MapDB file in a data directory) into "
        + "PostgreSQL without loss: conversations, transcripts, tickets, outbox, counters, sessions and the keys that "
        + "sealed them. The database user and password come from SUPPORT_BOT_DB_USER and SUPPORT_BOT_DB_PASSWORD. "
        + "Stop the bot first.")
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "the data directory holding " + MapDbBackend.FILE_NAME)
    Path from;

    @Option(names = "--to", required = true, description = "jdbc:postgresql://host:5432/database")
    String to;

    @Option(names = "--into-non-empty", description = "copy even though the database already holds data (records "
            + "with the same ids are overwritten)")
    boolean intoNonEmpty;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from.resolve(MapDbBackend.FILE_NAME))) {
            throw new OperatorErrorHandler.UsageProblem(from + " holds no " + MapDbBackend.FILE_NAME
                    + ": give the data directory of the bot to move (data.dir)");
        }
        try (Store source = Store.open(from); PostgresBackend target = StoreFactory.openPostgres(to, 2)) {
            if (!intoNonEmpty && !target.isEmpty()) {
                throw new OperatorErrorHandler.UsageProblem("the database at " + target.describe() + " already holds "
                        + "data; copy into an empty one, or add --into-non-empty to copy into it anyway");
            }
            StoreCopy.Counts copied = StoreCopy.copy(source, target);
            StoreCopy.Counts there = StoreCopy.count(Store.over(target));
            if (!copied.equals(there)) {
                System.err.println("copied " + copied + "\nbut the database holds " + there);
                return 1;
            }
            System.out.println("copied into " + target.describe() + ": " + copied);
            // The url as given (its schema and options matter), any password in it masked.
            System.out.println("to run on it: store.kind: postgres and store.url: "
                    + to.replaceAll("(?i)(password=)[^&]*", "$1***"));
        }
        return 0;
    }
}
