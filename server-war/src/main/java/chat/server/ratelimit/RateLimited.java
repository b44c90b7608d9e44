package chat.server.ratelimit;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;

/** A request refused for coming too often; the answer says when to try again (HTTP Retry-After). */
public class RateLimited extends ChatException {

  private final long retryAfterSeconds;

  public RateLimited(String message, long retryAfterSeconds) {
    super(ErrorCode.RATE_LIMITED, message + "; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
