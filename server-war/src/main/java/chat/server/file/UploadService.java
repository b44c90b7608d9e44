package chat.server.file;

import chat.dto.ErrorCode;
import chat.dto.SharedFile;
import chat.dto.User;
import chat.server.error.ChatException;
import chat.server.ratelimit.RateLimited;
import chat.server.ratelimit.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import chat.server.file.picture.PictureRead;
import chat.server.file.picture.Pictures;
import chat.server.file.picture.WithoutMetadata;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tika.Tika;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An upload (docs/protocol.md, "Files"): its name and limits checked, its bytes streamed into the
 * {@link ByteStore} (a picture's without its metadata), its type read from its first bytes, a picture
 * read for its size and thumbnail, and its row written last, so that a failed or cancelled upload
 * leaves no file behind (its bytes, if any went in, are deleted at once).
 */
@ApplicationScoped
public class UploadService {

  /** Enough of a file's start for every signature Tika's detector knows. */
  private static final int SIGNATURE_BYTES = 64 * 1024;

  private static final Tika TYPES = new Tika();

  /**
   * The longest an upload may take: a 25 MiB file at 10 KB/s takes 42 minutes. The cleaner takes the
   * bytes of an upload begun longer ago than {@link FileCleaner}'s margin over this for one left behind.
   */
  static final Duration LONGEST = Duration.ofMinutes(45);

  private FileStore files;
  private ByteStore bytes;
  private RateLimits limits;
  private Pictures pictures;
  private AtOnce<Long> atOnce;
  private long mostBytes;
  private long bytesPerDay;

  protected UploadService() {}

  @Inject
  UploadService(
      FileStore files,
      ByteStore bytes,
      RateLimits limits,
      Pictures pictures,
      @ConfigProperty(name = "chat.file.max.bytes", defaultValue = "26214400") long mostBytes,
      @ConfigProperty(name = "chat.file.bytes.per.day", defaultValue = "1073741824") long bytesPerDay,
      @ConfigProperty(name = "chat.file.uploads.at.once", defaultValue = "2") int uploadsAtOnce) {
    this.files = files;
    this.bytes = bytes;
    this.limits = limits;
    this.pictures = pictures;
    this.mostBytes = mostBytes;
    this.bytesPerDay = bytesPerDay;
    this.atOnce = new AtOnce<>(uploadsAtOnce);
  }

  /**
   * Stores the body as a file of {@code owner}'s, not yet sent. {@code declared} is the request's
   * {@code Content-Length}, or -1 for a chunked body, which is counted as it comes.
   */
  SharedFile upload(User owner, String givenName, long declared, InputStream body) {
    String name = FileName.of(givenName);
    if (declared > mostBytes) {
      throw tooLarge();
    }
    limits.uploads().acquire(owner.id());
    // Each upload holds a request thread while it streams: a user's many slow ones would take them all.
    if (!atOnce.take(owner.id())) {
      throw new RateLimited("at most " + atOnce.most() + " uploads at once", 1);
    }
    try {
      long left = bytesPerDay - files.usedToday(owner.id());
      if (left <= 0 || declared > left) {
        throw new RateLimited("a user uploads at most " + bytesPerDay + " bytes a day (UTC)", secondsToTomorrow());
      }
      return store(owner, name, body, declared, Math.min(mostBytes, left));
    } finally {
      atOnce.giveBack(owner.id());
    }
  }

  private SharedFile store(User owner, String name, InputStream body, long declared, long most) {
    CountedInput counted = new CountedInput(body, most, Instant.now().plus(LONGEST));
    try {
      return store(owner, name, counted, declared, most);
    } finally {
      // Every byte that came counts against the day, kept or not: an upload broken off just before its
      // end, again and again, is as much writing for the database as one kept.
      if (counted.count() > 0) {
        files.count(owner.id(), counted.count());
      }
    }
  }

  private SharedFile store(User owner, String name, CountedInput body, long declared, long most) {
    ByteStore.Stored stored;
    String type;
    WithoutMetadata kept;
    try {
      InputStream in = new BufferedInputStream(body, SIGNATURE_BYTES);
      // The detector reads the signature and resets the stream to its start.
      type = TYPES.detect(in);
      kept = WithoutMetadata.of(type, in);
      stored = bytes.put(kept, kept.length(declared), most);
    } catch (CountedInput.TooSlow e) {
      throw ChatException.invalid("an upload takes at most " + LONGEST.toMinutes() + " minutes: nothing was kept");
    } catch (ByteStore.TooLarge e) {
      throw most < mostBytes
          ? new RateLimited("a user uploads at most " + bytesPerDay + " bytes a day (UTC)", secondsToTomorrow())
          : tooLarge();
    } catch (IOException e) {
      throw brokeOff();
    }
    List<String> keys = new ArrayList<>(List.of(stored.key()));
    try {
      if (declared >= 0 && body.count() != declared) {
        // A body shorter than its Content-Length: the connection ended early, and the file with it.
        throw brokeOff();
      }
      Optional<PictureRead> picture = pictures.read(type, () -> bytes.open(stored.key()), kept);
      SharedFile.Picture image = null;
      String previewKey = null;
      if (picture.isPresent()) {
        byte[] thumbnail = picture.get().thumbnail();
        previewKey = bytes.put(new ByteArrayInputStream(thumbnail), thumbnail.length, thumbnail.length).key();
        keys.add(previewKey);
        int turn = kept.orientation();
        image = new SharedFile.Picture(picture.get().width(), picture.get().height(), turn == 1 ? null : turn);
      }
      return files.insert(owner.id(), name, type, stored.size(), image, stored.key(), previewKey);
    } catch (IOException e) {
      deleteAll(keys, e);
      // A thumbnail is read from memory: only the store itself can fail it.
      throw new ChatException(ErrorCode.UNAVAILABLE, "the file was not stored: try again");
    } catch (RuntimeException e) {
      deleteAll(keys, e);
      throw e;
    }
  }

  /** Deletes every one of {@code keys}, each whatever became of the others, their failures kept with {@code cause}. */
  private void deleteAll(List<String> keys, Exception cause) {
    for (String key : keys) {
      try {
        bytes.delete(key);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  private static ChatException brokeOff() {
    return ChatException.invalid("the upload broke off before its end: nothing was kept");
  }

  private ChatException tooLarge() {
    return new ChatException(ErrorCode.PAYLOAD_TOO_LARGE, "a file is at most " + mostBytes + " bytes");
  }

  private static long secondsToTomorrow() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    ZonedDateTime tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC);
    return Math.max(1, Duration.between(now, tomorrow).toSeconds());
  }
}
