package chat.server.file;

import chat.dto.SharedFile;
import chat.dto.User;
import chat.server.error.ChatException;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetching and deleting files, checked on every request against what holds the file: its message,
 * read as history reads it (a deleted message's files are no one's at once, on every node, since this
 * reads the database each time), or before it is sent, its uploader. Anyone else is told there is no
 * such file, as for one that does not exist.
 */
@ApplicationScoped
public class FileService {

  private static final Logger LOG = Logger.getLogger(FileService.class.getName());

  private FileStore files;
  private ByteStore bytes;
  private RoomService rooms;
  private RateLimits limits;

  protected FileService() {}

  @Inject
  FileService(FileStore files, ByteStore bytes, RoomService rooms, RateLimits limits) {
    this.files = files;
    this.bytes = bytes;
    this.rooms = rooms;
    this.limits = limits;
  }

  /**
   * A file the reader may fetch, and the way to its bytes, opened only as the answer is written (so a
   * request that ends before leaves no store connection open) and read as they are sent.
   */
  public record Download(SharedFile file, Supplier<InputStream> bytes) {}

  Download open(User reader, long fileId) {
    FileStore.Held held = readable(reader, fileId);
    return new Download(held.file(), () -> bytes.open(held.storeKey()));
  }

  /** A picture's thumbnail (a JPEG), to whoever may fetch the picture; {@code not_found} for a file that is no picture. */
  Download openPreview(User reader, long fileId) {
    FileStore.Held held = readable(reader, fileId);
    if (held.previewKey() == null) {
      throw ChatException.notFound("file " + fileId + " has no preview: it is not a picture the server could read");
    }
    return new Download(held.file(), () -> bytes.open(held.previewKey()));
  }

  /** Deletes one of the caller's files not yet sent (the apps' remove button, before sending). */
  void deleteUnsent(User owner, long fileId) {
    List<String> keys = files.deleteUnsent(fileId, owner.id());
    if (keys.isEmpty()) {
      throw ChatException.notFound("no file " + fileId + " of yours waits to be sent");
    }
    // Its row is gone: bytes a failing store keeps are space, never a file anyone fetches.
    for (String key : keys) {
      try {
        bytes.delete(key);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the bytes of " + key + " were not deleted", e);
      }
    }
  }

  private FileStore.Held readable(User reader, long fileId) {
    limits.downloads().acquire(reader.id());
    return files.held(fileId, reader.id())
        .filter(held -> mayRead(reader, held))
        .orElseThrow(() -> ChatException.notFound("no file " + fileId));
  }

  private boolean mayRead(User reader, FileStore.Held held) {
    if (!held.sent()) {
      return held.ownerId() == reader.id();
    }
    if (held.deleted()) {
      return false;
    }
    return held.roomId() != null ? rooms.visible(held.roomId(), reader) : held.readerInConversation();
  }
}
