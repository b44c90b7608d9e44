package chat.server.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * An insert that a unique key guards. Checking for the key first is not enough: two requests can both
 * find it free and both insert, and then the database refuses the second. That second one is answered
 * as if it had come after the first, with the caller's conflict, not as a failure of the database.
 */
public final class UniqueInsert {

  /** PostgreSQL's SQLSTATE for a unique key refused. */
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueInsert() {}

  /** Persists and flushes {@code entity}; the key already taken throws what {@code conflict} gives. */
  public static void persist(EntityManager em, Object entity, Supplier<? extends RuntimeException> conflict) {
    try {
      em.persist(entity);
      em.flush();
    } catch (PersistenceException refused) {
      if (violatesUniqueKey(refused)) {
        throw conflict.get();
      }
      throw refused;
    }
  }

  private static boolean violatesUniqueKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
