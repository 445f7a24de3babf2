package supportbot.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import supportbot.cli.doctor.Doctor;

@Command(name = "doctor", description = "Check config, FAQ, data directory, bot tokens, webhook and clock; exit 1 on any "
        + "failure. Never prints the tokens.")
final class DoctorCommand implements Callable<Integer> {
    static final int EXIT_PROBLEMS = 1;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long each API call may take (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        var checks = new Doctor(System.getenv(), Duration.ofSeconds(timeoutSeconds)).run(options.config, options.faq);
        return Doctor.print(checks, System.out) ? 0 : EXIT_PROBLEMS;
    }
}
