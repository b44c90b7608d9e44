package chat.dto;

/**
 * A file uploaded to be sent with a message, and as the message carries it (docs/protocol.md, "Files"):
 * its name as the sender's machine had it, its type as read from its bytes, its size in bytes, and for a
 * picture the server could read, its size in pixels.
 */
public record SharedFile(long id, String name, String type, long size, Picture image) {

  /** The longest name, in characters. */
  public static final int MAX_NAME = 200;

  /** A picture's width and height, in pixels. */
  public record Picture(int width, int height) {}
}
