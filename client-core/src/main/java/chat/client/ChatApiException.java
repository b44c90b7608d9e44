package chat.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A REST call the server refused, with the contract's error code ({@code unauthorized}, {@code banned},
 * {@code conflict}...) and its human message; or, with the code {@value #UNREACHABLE} and status 0, a
 * server that could not be reached at all.
 */
public final class ChatApiException extends RuntimeException {

  public static final String UNREACHABLE = "unreachable";

  private final int status;
  private final String code;
  private final Duration retryAfter;

  public ChatApiException(int status, String code, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  static ChatApiException unreachable(String server, Throwable cause) {
    ChatApiException e =
        new ChatApiException(0, UNREACHABLE, "cannot reach the server at " + server, null);
    e.initCause(cause);
    return e;
  }

  public int status() {
    return status;
  }

  /** The contract's error code, e.g. {@code conflict}, or {@value #UNREACHABLE}. */
  public String code() {
    return code;
  }

  /** As a count of errors names it: {@code HTTP 503 unavailable}, {@code HTTP 500} without the contract's body, or {@code unreachable}. */
  public String summary() {
    if (status == 0) {
      return UNREACHABLE;
    }
    return code.startsWith("http_") ? "HTTP " + status : "HTTP " + status + " " + code;
  }

  /** How long the server asked us to wait, for {@code rate_limited}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
