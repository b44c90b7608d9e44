package chat.server.database;

import chat.server.error.DatabaseFailure;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.sql.SQLException;

/**
 * Turns JPA's failures of the database (EclipseLink's exceptions, wrapping the driver's) into
 * {@link DatabaseFailure}, so that the JPA services fail the one way the stores do and the web edge and
 * the socket answer {@code unavailable}. It runs outside the transaction's interceptor, so a failed
 * commit is caught too.
 */
@JpaService
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class JpaFailureTranslation {

  @AroundInvoke
  Object translate(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (RuntimeException failure) {
      SQLException cause = sqlCause(failure);
      if (cause == null || failure instanceof DatabaseFailure) {
        throw failure;
      }
      throw new DatabaseFailure(cause.getSQLState(), failure);
    }
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
