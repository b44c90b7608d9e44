package chat.server.error;

/**
 * The one way the stores fail: PostgreSQL refused or could not run a statement. Unchecked, so the
 * features do not each catch and translate it; it is mapped once for REST and once for the socket, to
 * {@code unavailable}, and what the database said goes to the log, never to the client.
 */
public final class DatabaseFailure extends RuntimeException {

  private final String sqlState;

  /** What the driver said ({@code cause}) and its SQLSTATE, the part the code judges by. */
  public DatabaseFailure(String sqlState, Exception cause) {
    super(cause.getMessage(), cause);
    this.sqlState = sqlState;
  }

  /** The database is not there (SQLSTATE 08 connection, 53 resources, 57 operator intervention). */
  public boolean isDatabaseAway() {
    return isDatabaseAway(sqlState);
  }

  /** Whether a failure of this SQLSTATE means the database is not there. */
  public static boolean isDatabaseAway(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57"));
  }

  /** SQLSTATE class 22, a data exception: the statement's content, not the database, is at fault. */
  public boolean isRefusedContent() {
    return sqlState != null && sqlState.startsWith("22");
  }
}
