package chat.server.file.picture;

/** What was read of a picture: its size as it is shown (turned by its orientation), and its thumbnail, a JPEG. */
public record PictureRead(int width, int height, byte[] thumbnail) {}
