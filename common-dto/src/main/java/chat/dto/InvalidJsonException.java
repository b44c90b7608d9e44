package chat.dto;

/** Input that is not JSON, or not the JSON the contract expects; the message says which and why. */
public final class InvalidJsonException extends RuntimeException {

  public InvalidJsonException(String message) {
    super(message);
  }
}
