package chat.server.web;

import chat.server.error.ChatException;
import chat.server.error.DatabaseFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A store's failure on any route is 503 {@code unavailable}, and nothing of what the database said. */
@Provider
public class DatabaseFailureMapper implements ExceptionMapper<DatabaseFailure> {

  @Override
  public Response toResponse(DatabaseFailure failure) {
    ChatException unavailable = ChatException.unavailable(failure);
    return ErrorResponses.of(unavailable.code(), unavailable.getMessage());
  }
}
