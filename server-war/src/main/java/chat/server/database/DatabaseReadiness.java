package chat.server.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A node is ready only while its database answers: without it nothing can be stored or read. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());
  private static final int TIMEOUT_SECONDS = 2;

  private DataSource dataSource;

  protected DatabaseReadiness() {}

  @Inject
  DatabaseReadiness(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      return HealthCheckResponse.named("database").status(connection.isValid(TIMEOUT_SECONDS)).build();
    } catch (SQLException e) {
      // The balancer reads the status; what the driver said is for the operator's log, not the world.
      LOG.log(Level.FINE, "readiness: the database is unreachable", e);
      return HealthCheckResponse.named("database").down().build();
    }
  }
}
