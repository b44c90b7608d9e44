package chat.server.web;

import chat.dto.ErrorCode;
import chat.server.socket.Drain;
import jakarta.inject.Inject;
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

  @Inject Drain drain;

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
    if (causedBy(exception, BodyLimitFilter.TooLarge.class)) {
      return ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, BodyLimitFilter.REFUSAL);
    }
    // What the parser said stays here: its words describe its internals, not the contract.
    if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      LOG.log(Level.FINE, "refused a request", web);
      return ErrorResponses.of(
          ErrorCode.INVALID_REQUEST, "malformed request: send a JSON object with the route's fields");
    }
    if (causedBy(exception, jakarta.json.bind.JsonbException.class)
        || causedBy(exception, jakarta.json.JsonException.class)) {
      LOG.log(Level.FINE, "refused a body", exception);
      return ErrorResponses.of(
          ErrorCode.INVALID_REQUEST,
          "malformed JSON body, or a field of the wrong type or out of range");
    }
    // While the node stops, its parts go one by one and fail what still reaches them: send it again.
    if (drain.isDraining()) {
      return ErrorResponses.of(ErrorCode.UNAVAILABLE, "the node is stopping; send it again");
    }
    LOG.log(Level.SEVERE, "unexpected failure", exception);
    return ErrorResponses.of(ErrorCode.INTERNAL, "internal error");
  }

  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
