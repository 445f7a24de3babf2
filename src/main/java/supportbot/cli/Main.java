package supportbot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point; with no subcommand it runs the bot. */
@Command(name = "support-bot", mixinStandardHelpOptions = true, version = "support-bot 0.1.0",
        description = "Customer-support assistant: FAQ answers, detail collection and human handoff.",
        subcommands = {RunCommand.class, ChatCommand.class, AskCommand.class, IndexCommand.class, EvalCommand.class,
                StatsCommand.class, GapsCommand.class, DoctorCommand.class, DeadLettersCommand.class, MigrateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // Before anything logs: no log line may carry a recovery phrase or key, whatever code wrote it.
        supportbot.safety.PiiMasker.installExtraRedaction(supportbot.safety.Secrets::redact);
        System.exit(commandLine().execute(args.length == 0 ? new String[] {"run"} : args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new OperatorErrorHandler());
    }

    @Override
    public void run() {
        new RunCommand().call();
    }
}
