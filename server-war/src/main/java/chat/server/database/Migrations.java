package chat.server.database;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date at deployment, before any request is served. Flyway's lock table makes
 * it safe when several nodes start at once against one database. It runs on connections of its own,
 * outside the pool, without the pool's socket timeout.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @PostConstruct
  void migrate() {
    DataSource dataSource;
    try {
      dataSource = DatabaseLocation.forMigrations();
    } catch (SQLException e) {
      throw new IllegalStateException("no database to migrate", e);
    }
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    int applied = flyway.migrate().migrationsExecuted;
    LOG.info(() -> "schema at version " + flyway.info().current().getVersion() + ", " + applied + " applied now");
  }
}
