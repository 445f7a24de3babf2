package supportbot.store.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings the schema to this build's version with Flyway (migrations in db/migration), and refuses a schema a
 * newer build made: an older bot writing into it could lose what the newer one keeps.
 */
final class SchemaMigrations {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SchemaMigrations.class);
    private SchemaMigrations() {
    }

    static void apply(DataSource dataSource, String schema) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .loggers("slf4j");
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        Flyway flyway = config.load();
        MigrationInfo[] all = flyway.info().all();
        String newest = null;
        String known = null;
        for (MigrationInfo m : all) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                newest = m.getVersion().getVersion();
            } else {
                known = m.getVersion().getVersion();
            }
        }
        if (newest != null) {
            throw new SchemaTooNewException("the database schema is version " + newest + ", this build knows up to "
                    + (known == null ? "none" : known) + "; upgrade the bot");
        }
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("store schema migrated from version {} to {}", result.initialSchemaVersion == null ? "none"
                    : result.initialSchemaVersion, result.targetSchemaVersion);
        }
    }
}
