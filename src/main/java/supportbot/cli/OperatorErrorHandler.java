package supportbot.cli;

import picocli.CommandLine;
import supportbot.config.ConfigException;
import supportbot.faq.FaqLoadException;
import supportbot.store.StoreLockedException;

/**
 * Turns the errors an operator can fix (bad config, broken FAQ, data directory in use) into one clear line
 * instead of a stack trace.
 */
final class OperatorErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof FaqLoadException || e instanceof ConfigException || e instanceof StoreLockedException
                || e instanceof UsageProblem) {
            cmd.getErr().println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        throw e;
    }

    /** A problem with what the operator asked for, e.g. a missing input file. */
    static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message);
        }
    }
}
