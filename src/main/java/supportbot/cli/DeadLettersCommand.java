package supportbot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import supportbot.channel.DeadLetters;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Updates a connector set aside after they kept failing. The store is the running bot's alone, so this works
 * while the bot is stopped; while it runs, supervisors use the desk API (GET /api/desk/deadletters, POST
 * /api/desk/deadletters/{id}/replay). A replay asked for here happens when the bot next starts.
 */
@Command(name = "deadletters", description = "List updates that kept failing, or ask for one to be replayed.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Replay.class})
final class DeadLettersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", description = "Every dead letter, oldest first: id, channel, status, tries, when, why.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();

        @Override
        public Integer call() {
            var config = options.loadConfig();
            try (Store store = StoreFactory.open(config); var committer = new GroupCommitter(store)) {
                var letters = new DeadLetters(store, committer, Clock.systemUTC()).list();
                if (letters.isEmpty()) {
                    System.out.println("No dead letters.");
                }
                for (var l : letters) {
                    System.out.printf("%-24s %-9s %-16s %2d tries  %s  %s%n", l.id(), l.channel(), l.status(), l.attempts(),
                            l.at(), l.reason());
                }
            }
            return 0;
        }
    }

    @Command(name = "replay", description = "Replay one dead letter when the bot next starts.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        CommonOptions options = new CommonOptions();

        @Parameters(paramLabel = "<id>", description = "as shown by 'deadletters list', e.g. telegram-123456")
        String id;

        @Override
        public Integer call() {
            var config = options.loadConfig();
            try (Store store = StoreFactory.open(config); var committer = new GroupCommitter(store)) {
                new DeadLetters(store, committer, Clock.systemUTC()).requestReplay(id);
                System.out.println("Dead letter " + id + " will be replayed when the bot next starts.");
                return 0;
            } catch (DeadLetters.Refused e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }
}
