package chat.server.database;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A service that works through JPA: a failure of the database comes out of it as
 * {@link chat.server.error.DatabaseFailure}, as from the stores (see {@link JpaFailureTranslation}).
 */
@InterceptorBinding
@Target(TYPE)
@Retention(RUNTIME)
public @interface JpaService {}
