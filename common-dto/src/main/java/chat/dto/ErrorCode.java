package chat.dto;

/** The error codes of the contract, each with the HTTP status it travels with over REST. */
public enum ErrorCode {
  INVALID_REQUEST("invalid_request", 400),
  UNAUTHORIZED("unauthorized", 401),
  FORBIDDEN("forbidden", 403),
  BANNED("banned", 403),
  NOT_FOUND("not_found", 404),
  CONFLICT("conflict", 409),
  PAYLOAD_TOO_LARGE("payload_too_large", 413),
  RATE_LIMITED("rate_limited", 429),
  /** Not a client's fault; the contract's codes do not cover it, so it is ours. */
  INTERNAL("internal", 500),
  /** The node cannot take the request now (storage down, shutting down); try again, maybe elsewhere. */
  UNAVAILABLE("unavailable", 503);

  private final String wire;
  private final int httpStatus;

  ErrorCode(String wire, int httpStatus) {
    this.wire = wire;
    this.httpStatus = httpStatus;
  }

  /** The code as it appears on the wire, e.g. {@code invalid_request}. */
  public String wire() {
    return wire;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
