package supportbot.cli;

import supportbot.cluster.Broadcast;
import supportbot.cluster.Leadership;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;
import supportbot.store.Store;
import supportbot.store.postgres.DatabaseUnreachableException;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;
import supportbot.store.postgres.SchemaTooNewException;

/** Opens the store the configuration names: the embedded file, or PostgreSQL with credentials from the environment. */
public final class StoreFactory {
    private StoreFactory() {
    }

    public static Store open(AppConfig config) {
        AppConfig.StoreConfig store = config.storeConfig();
        if (store.checkedKind().equals(AppConfig.StoreConfig.MAPDB)) {
            return Store.open(config.dataDir());
        }
        return Store.over(openPostgres(store.url(), store.poolSize() == null ? 10 : store.poolSize()));
    }

    /**
     * The store with what its instances coordinate by: on PostgreSQL, elections by advisory lock and notices by
     * LISTEN/NOTIFY; on the embedded file, one process that holds every role and has nobody to tell.
     *
     * @param instance this instance's name in the database's session list and the logs
     */
    public static Shared openShared(AppConfig config, String instance) {
        AppConfig.StoreConfig store = config.storeConfig();
        if (store.checkedKind().equals(AppConfig.StoreConfig.MAPDB)) {
            return new Shared(Store.open(config.dataDir()), Leadership.alone(), Broadcast.alone());
        }
        PostgresBackend backend = openPostgres(store.url(), store.poolSize() == null ? 10 : store.poolSize());
        try {
            java.time.Duration check = store.electionCheck();
            return new Shared(Store.over(backend), backend.leadership(instance, check, silenceLimit(check)),
                    backend.broadcast(instance));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /**
     * How long the server waits for a word from a role's holder before it ends the session and frees the role:
     * several checks, so a holder that misses one or two is not deposed, and at least ten seconds.
     */
    static java.time.Duration silenceLimit(java.time.Duration check) {
        java.time.Duration fiveChecks = check.multipliedBy(5);
        return fiveChecks.compareTo(java.time.Duration.ofSeconds(10)) < 0 ? java.time.Duration.ofSeconds(10) : fiveChecks;
    }

    /** An open store and how its instances coordinate; closing closes all three, elections first. */
    public record Shared(Store store, Leadership leadership, Broadcast broadcast) {
    }

    /** This process's name among the instances: host and process id, which an operator can find. */
    public static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /** A PostgreSQL backend for {@code url}, with one-line errors for what an operator can fix. */
    static PostgresBackend openPostgres(String url, int poolSize) {
        try {
            return PostgresBackend.open(PostgresSettings.fromEnvironment(url, poolSize));
        } catch (DatabaseUnreachableException | SchemaTooNewException | IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
