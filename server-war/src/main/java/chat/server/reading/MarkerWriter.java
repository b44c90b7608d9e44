package chat.server.reading;

import chat.server.error.DatabaseFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Writes the read markers set on this node every {@code CHAT_READ_FLUSH_MILLIS}, all of them in one
 * transaction: a user reading as messages arrive marks every second or so, and a commit (an fsync) for
 * each would cost the database more than the messages do. A marker not written yet when the node dies
 * is lost; the next one the user sets covers it.
 */
@ApplicationScoped
public class MarkerWriter {

  private static final Logger LOG = Logger.getLogger(MarkerWriter.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  private final PendingMarkers pending = new PendingMarkers();
  private ReadStore store;
  private long flushMillis;
  private Counter written;
  private ScheduledFuture<?> flushes;

  protected MarkerWriter() {}

  @Inject
  MarkerWriter(
      ReadStore store,
      @ConfigProperty(name = "chat.read.flush.millis", defaultValue = "500") long flushMillis,
      MetricRegistry metrics) {
    this.store = store;
    this.flushMillis = flushMillis;
    this.written = metrics.counter("chat_read_markers_written");
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    flushes = scheduler.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
  }

  void mark(PendingMarkers.Key key, long seq) {
    pending.mark(key, seq);
  }

  private void flush() {
    Map<PendingMarkers.Key, Long> markers = pending.take();
    if (markers.isEmpty()) {
      return;
    }
    try {
      store.write(markers);
      written.inc(markers.size());
    } catch (DatabaseFailure e) {
      // The database away (or a deadlock with another node's write of the same rows): tried again at
      // the next flush, merged with what was marked meanwhile.
      pending.restore(markers);
      LOG.log(Level.WARNING, markers.size() + " read markers not written yet", e);
    } catch (RuntimeException e) {
      // Whatever it was must not end the schedule, or no marker would be written again.
      LOG.log(Level.SEVERE, markers.size() + " read markers were dropped", e);
    }
  }

  /** What is pending goes before the node does. */
  @PreDestroy
  void stop() {
    if (flushes != null) {
      flushes.cancel(false);
    }
    flush();
  }
}
