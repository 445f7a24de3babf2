package supportbot.store;

/**
 * Marks an exception a write set throws after checking committed state and before writing anything (a
 * compare-and-set that lost). The other write sets of its group commit as usual; only this one fails.
 */
public interface Refusal {
}
