package chat.server.database;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver class behind the container's connection pool. It decides where the database is only when
 * the pool first asks for a connection, because an embedded database gets its port when it starts, after
 * deployment has already read this definition. The pool, transactions and JPA stay the container's.
 *
 * <p>The pool checks a connection before handing it out (a round trip, at most once a second per
 * connection) and, once one is found dead, drops them all: after a database restart or a fail-over every
 * pooled connection is dead, and without the check the pool handed them out for good (decision 0014). A
 * request waits at most 5 s for a connection, so that a node whose database is away answers
 * {@code unavailable} quickly instead of holding its callers for the pool's default minute.
 */
@DataSourceDefinition(
    name = ChatDataSource.JNDI_NAME,
    className = "chat.server.database.ChatDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    initialPoolSize = 0,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=1",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=5000"
    })
public final class ChatDataSource implements DataSource {

  public static final String JNDI_NAME = "java:app/jdbc/chat";

  private PrintWriter logWriter;
  private int loginTimeout;

  private static DataSource target() throws SQLException {
    return DatabaseLocation.dataSource();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  /** The pool may pass credentials of its own; ours come from the configuration. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
