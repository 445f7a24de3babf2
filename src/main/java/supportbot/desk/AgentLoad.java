package supportbot.desk;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import supportbot.store.Store;

/** Who can take a ticket, and how many open tickets each holds now: what the assignee picker lists. */
public final class AgentLoad {
    public record Load(String name, String role, long open) {
    }

    private AgentLoad() {
    }

    /** Least loaded first, so the obvious pick is on top. */
    public static List<Load> of(Store store, AgentDirectory agents) {
        var tickets = store.tickets();
        return agents.all().stream()
                .map(a -> new Load(a.name(), a.role().name().toLowerCase(Locale.ROOT),
                        tickets.stream().filter(t -> t.status().open() && a.name().equals(t.assignee())).count()))
                .sorted(Comparator.comparingLong(Load::open).thenComparing(Load::name))
                .toList();
    }
}
