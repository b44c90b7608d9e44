package chat.server.web;

import chat.server.error.ChatException;
import chat.server.ratelimit.RateLimited;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ChatExceptionMapper implements ExceptionMapper<ChatException> {

  @Override
  public Response toResponse(ChatException exception) {
    Response response = ErrorResponses.of(exception.code(), exception.getMessage());
    if (exception instanceof RateLimited limited) {
      response.getHeaders().putSingle("Retry-After", limited.retryAfterSeconds());
    }
    return response;
  }
}
