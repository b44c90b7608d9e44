package chat.server.error;

import chat.dto.ErrorCode;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request the node refuses, with the contract's code and a message meant for the person who sent it.
 * REST turns it into an error body, the WebSocket into an {@code error} frame.
 */
public class ChatException extends RuntimeException {

  private static final Logger LOG = Logger.getLogger(ChatException.class.getName());

  private final ErrorCode code;

  public ChatException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static ChatException invalid(String message) {
    return new ChatException(ErrorCode.INVALID_REQUEST, message);
  }

  public static ChatException notFound(String message) {
    return new ChatException(ErrorCode.NOT_FOUND, message);
  }

  public static ChatException forbidden(String message) {
    return new ChatException(ErrorCode.FORBIDDEN, message);
  }

  public static ChatException unauthorized(String message) {
    return new ChatException(ErrorCode.UNAUTHORIZED, message);
  }

  /**
   * The database failed a request ({@link DatabaseFailure}): what it said goes to the log, never to
   * the client, since driver and SQL text tell a stranger about the schema and the network. REST and
   * the socket both answer with this.
   */
  public static ChatException unavailable(DatabaseFailure failure) {
    return unavailable("the database failed a request", failure);
  }

  /**
   * Another service the node relies on failed a request ({@code failed} says what, for the log): S3,
   * which holds files' bytes on AWS. Answered as the database's failures are.
   */
  public static ChatException unavailable(String failed, Exception cause) {
    LOG.log(Level.WARNING, failed, cause);
    return new ChatException(ErrorCode.UNAVAILABLE, "the service is unavailable right now; try again");
  }
}
