package chat.server.web;

import chat.dto.ErrorBody;
import chat.dto.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the contract's error body, the one shape every non-2xx answer has. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(ErrorCode code, String message) {
    return Response.status(code.httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorBody.of(code, message))
        .build();
  }
}
