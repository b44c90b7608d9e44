package chat.server.platform;

import chat.dto.ErrorCode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a {@link ChatException}: framework refusals (unknown route, wrong method,
 * unreadable body) become the contract's codes; anything else is our fault, logged and answered 500.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof NotFoundException) {
      return ErrorResponses.of(ErrorCode.NOT_FOUND, "no such route");
    }
    if (exception instanceof NotAllowedException) {
      return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "method not allowed on this route");
    }
    if (exception instanceof NotSupportedException) {
      return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "send JSON (Content-Type: application/json)");
    }
    if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "malformed request body: " + rootMessage(web));
    }
    if (isUnreadableJson(exception)) {
      return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "malformed JSON body: " + rootMessage(exception));
    }
    LOG.log(Level.SEVERE, "unexpected failure", exception);
    return ErrorResponses.of(ErrorCode.INTERNAL, "internal error");
  }

  private static boolean isUnreadableJson(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
