package supportbot.cli;

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

    /** A PostgreSQL backend for {@code url}, with one-line errors for what an operator can fix. */
    static PostgresBackend openPostgres(String url, int poolSize) {
        try {
            return PostgresBackend.open(PostgresSettings.fromEnvironment(url, poolSize));
        } catch (DatabaseUnreachableException | SchemaTooNewException | IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
