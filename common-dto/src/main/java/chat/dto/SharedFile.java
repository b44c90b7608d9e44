package chat.dto;

import jakarta.json.bind.annotation.JsonbCreator;

/**
 * A file uploaded to be sent with a message, and as the message carries it (docs/protocol.md, "Files"):
 * its name as the sender's machine had it, its type as read from its bytes, its size in bytes, and for a
 * picture the server could read, its size in pixels.
 */
public record SharedFile(long id, String name, String type, long size, Picture image) {

  /** The longest name, in characters. */
  public static final int MAX_NAME = 200;

  /**
   * A picture's width and height in pixels as it is shown, and, when its bytes are stored turned (a
   * photo taken sideways), the EXIF orientation (2 to 8) that turns them upright: browsers apply it by
   * themselves, other readers (JavaFX's) do not. Null for a picture stored upright.
   */
  public record Picture(int width, int height, Integer orientation) {

    /** The constructor JSON-B binds to: a record with a second constructor leaves it none by default. */
    @JsonbCreator
    public Picture {}

    public Picture(int width, int height) {
      this(width, height, null);
    }

    /** Whether the stored picture is a quarter turn from how it is shown (orientations 5 to 8). */
    public boolean quarterTurned() {
      return orientation != null && orientation >= 5;
    }
  }
}
