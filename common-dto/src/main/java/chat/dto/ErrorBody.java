package chat.dto;

/** The body of every non-2xx REST answer. */
public record ErrorBody(String error, String message) {

  public static ErrorBody of(ErrorCode code, String message) {
    return new ErrorBody(code.wire(), message);
  }
}
