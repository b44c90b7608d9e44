package chat.server.file.picture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pictures' sizes and thumbnails, made off the request threads on a few threads of their own
 * ({@code CHAT_IMAGE_THREADS}) with a short queue, so that however many pictures arrive at once, the
 * node decodes only that many and its other work goes on; one past the queue, or one not read in
 * time (its read aborted), is kept as a plain file.
 */
@ApplicationScoped
public class Pictures {

  private static final Logger LOG = Logger.getLogger(Pictures.class.getName());

  /** The types read as pictures: those a browser shows and Java's image readers read. */
  public static final Set<String> READ = Set.of("image/png", "image/jpeg", "image/gif");

  /** A picture waits at most this for its turn and its reading; past it, it is kept as a plain file. */
  private static final long MOST_SECONDS = 30;

  private long mostPixels;
  private ThreadPoolExecutor threads;

  protected Pictures() {}

  @Inject
  Pictures(
      @ConfigProperty(name = "chat.image.max.pixels", defaultValue = "50000000") long mostPixels,
      @ConfigProperty(name = "chat.image.threads", defaultValue = "1") int threads,
      @ConfigProperty(name = "chat.image.queue", defaultValue = "64") int queue) {
    this.mostPixels = mostPixels;
    this.threads = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue), Thread.ofPlatform().name("pictures-", 0).daemon().factory());
    this.threads.allowCoreThreadTimeOut(true);
  }

  /**
   * Reads the picture of {@code type} that {@code bytes} opens, as {@code kept} stored it: none when it
   * is no picture Java reads, does not read as one, is larger than {@code CHAT_IMAGE_MAX_PIXELS} by its
   * header (a progressive JPEG, a quarter of that), or finds the picture threads and their queue full.
   */
  public Optional<PictureRead> read(String type, Supplier<InputStream> bytes, WithoutMetadata kept) {
    if (!READ.contains(type)) {
      return Optional.empty();
    }
    // A progressive JPEG is decoded with every coefficient in memory, outside the heap: 6 bytes a pixel.
    Thumbnail thumbnail = new Thumbnail(type, kept.orientation(), kept.progressive() ? mostPixels / 4 : mostPixels);
    Future<Optional<PictureRead>> reading;
    try {
      reading = threads.submit(() -> {
        try (InputStream in = bytes.get()) {
          return thumbnail.read(in);
        }
      });
    } catch (RejectedExecutionException e) {
      // Busy with others' pictures: this one is kept as a file, and its upload is not lost.
      LOG.fine("the picture threads are busy: a picture kept as a plain file");
      return Optional.empty();
    }
    try {
      return reading.get(MOST_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thumbnail.abort();
      return Optional.empty();
    } catch (TimeoutException e) {
      thumbnail.abort();
      LOG.warning("a picture took longer than " + MOST_SECONDS + " s to read: kept as a plain file");
      return Optional.empty();
    } catch (ExecutionException e) {
      // A picture that does not read as its type: a plain file (docs/protocol.md, "Files").
      // Logged finely: any user can send one, and a log is no place for a flood of them.
      LOG.log(Level.FINE, "a picture did not read", e.getCause());
      return Optional.empty();
    }
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }
}
