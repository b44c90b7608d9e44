package chat.server.file;

import chat.server.error.DatabaseFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes, every {@code CHAT_FILE_CLEAN_MINUTES}, the files no one may fetch any more and their bytes:
 * uploads not sent within {@code CHAT_FILE_PENDING_HOURS}, files of deleted messages (which answer
 * {@code not_found} from the deletion on, since every fetch reads the message), and what uploads that
 * never ended left in the store. Every node runs it; they share the rows (docs/protocol.md, "Files").
 */
@ApplicationScoped
public class FileCleaner {

  private static final Logger LOG = Logger.getLogger(FileCleaner.class.getName());

  /** Files, or deleted messages, taken in one transaction: a bound on the rows one run locks at once. */
  private static final int BATCH = 100;

  /** An upload begun this long ago has ended, one way or the other: what it left incomplete is swept. */
  private static final Duration UPLOAD_AT_MOST = UploadService.LONGEST.plusMinutes(15);

  @Resource ManagedScheduledExecutorService scheduler;

  private FileStore files;
  private ByteStore bytes;
  private Duration every;
  private Duration unsentFor;
  private ScheduledFuture<?> runs;

  protected FileCleaner() {}

  @Inject
  FileCleaner(
      FileStore files,
      ByteStore bytes,
      @ConfigProperty(name = "chat.file.clean.minutes", defaultValue = "10") double minutes,
      @ConfigProperty(name = "chat.file.pending.hours", defaultValue = "24") double hours) {
    this.files = files;
    this.bytes = bytes;
    this.every = Duration.ofMillis(Math.max(1, Math.round(minutes * 60_000)));
    this.unsentFor = Duration.ofMillis(Math.max(1, Math.round(hours * 3_600_000)));
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    runs = scheduler.scheduleWithFixedDelay(this::clean, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void clean() {
    try {
      while (deleted(files.deleteUnsentFor(unsentFor, BATCH))) {}
      while (deleted(files.deleteOfDeletedMessages(BATCH))) {}
      bytes.sweep(UPLOAD_AT_MOST);
    } catch (DatabaseFailure e) {
      LOG.log(Level.WARNING, "files not cleaned this time: the database is away", e);
    } catch (RuntimeException e) {
      // Whatever it was must not end the schedule, or no file would be cleaned again.
      LOG.log(Level.SEVERE, "files not cleaned this time", e);
    }
  }

  /** Deletes the bytes of the files a batch deleted: false once a batch found none. */
  private boolean deleted(List<String> keys) {
    keys.forEach(this::deleteBytes);
    return !keys.isEmpty();
  }

  private void deleteBytes(String key) {
    try {
      bytes.delete(key);
    } catch (RuntimeException e) {
      // Its row is gone: no one fetches these bytes again, and they stay as so much space.
      LOG.log(Level.WARNING, "the bytes of " + key + " were not deleted", e);
    }
  }

  @PreDestroy
  void stop() {
    if (runs != null) {
      runs.cancel(false);
    }
  }
}
