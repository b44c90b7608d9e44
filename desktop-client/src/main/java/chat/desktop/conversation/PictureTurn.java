package chat.desktop.conversation;

/**
 * How a picture stored turned is shown upright (docs/protocol.md, "File": its EXIF orientation), as a
 * JavaFX node applies it: mirrored first (scale x by -1), then rotated clockwise by {@code degrees}.
 * JavaFX's image reader ignores EXIF, where browsers apply it.
 */
record PictureTurn(double degrees, boolean mirrored) {

  static final PictureTurn UPRIGHT = new PictureTurn(0, false);

  static PictureTurn of(Integer orientation) {
    if (orientation == null) {
      return UPRIGHT;
    }
    return switch (orientation) {
      case 2 -> new PictureTurn(0, true);
      case 3 -> new PictureTurn(180, false);
      case 4 -> new PictureTurn(180, true);
      case 5 -> new PictureTurn(270, true);
      case 6 -> new PictureTurn(90, false);
      case 7 -> new PictureTurn(90, true);
      case 8 -> new PictureTurn(270, false);
      default -> UPRIGHT;
    };
  }
}
