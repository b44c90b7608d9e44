package chat.server.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ChatExceptionMapper implements ExceptionMapper<ChatException> {

  @Override
  public Response toResponse(ChatException exception) {
    return ErrorResponses.of(exception.code(), exception.getMessage());
  }
}
