package supportbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import supportbot.desk.DeskStats;
import supportbot.desk.StatsReport;
import supportbot.store.Store;

@Command(name = "stats", description = "Desk numbers: response and resolution times, deflection, escalation, SLA "
        + "breaches, satisfaction. While the bot runs, read them from its /metrics instead.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var config = options.loadConfig();
        try (Store store = StoreFactory.open(config)) {
            StatsReport report = DeskStats.of(store);
            System.out.print(json ? new ObjectMapper().writeValueAsString(report) + System.lineSeparator() : report.toText());
        }
        return 0;
    }
}
