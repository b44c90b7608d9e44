package chat.server.socket;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Gives each socket session a plain scheduler for its idle timer. Tyrus restarts that timer for every
 * frame in and out, even with the timeout off, on the scheduler its container hands it; in Payara that
 * is the managed scheduled executor, which captures and restores the thread's context around each task.
 * Under load that was a third of a node's CPU (decision 0006). The timer's task does nothing while the
 * timeout is off ({@link IdleSockets} sweeps instead), so it needs no context, and as it is due at once
 * it runs on the caller's thread rather than waking another for every frame.
 */
@ApplicationScoped
class SessionTimers {

  private static final Logger LOG = Logger.getLogger(SessionTimers.class.getName());
  /** Tyrus's session class keeps its scheduler here (Tyrus 2.x: 2.2.2 in Payara 7, as in Payara 6). */
  private static final String SCHEDULER_FIELD = "service";
  private static final ScheduledFuture<Object> RAN = new Ran();

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private InlineWhenDue scheduler;
  private volatile boolean unsupported;

  /** Called before the session's timer is first restarted by our code. */
  void adopt(Session session) {
    if (unsupported) {
      return;
    }
    try {
      Field field = session.getClass().getDeclaredField(SCHEDULER_FIELD);
      if (field.getType() != ScheduledExecutorService.class) {
        throw new NoSuchFieldException(SCHEDULER_FIELD + " is a " + field.getType());
      }
      field.setAccessible(true);
      field.set(session, scheduler());
    } catch (ReflectiveOperationException | RuntimeException e) {
      unsupported = true;
      LOG.warning("sessions keep the container's scheduler, which costs CPU on every frame: " + e);
    }
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      scheduler = new InlineWhenDue(threads);
    }
    return scheduler;
  }

  @PreDestroy
  synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Runs a task due now on the calling thread; a later one waits on the pool's thread as usual. */
  private static final class InlineWhenDue extends ScheduledThreadPoolExecutor {

    InlineWhenDue(ManagedThreadFactory threads) {
      super(1, threads);
      setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      if (delay > 0) {
        return super.schedule(command, delay, unit);
      }
      command.run();
      return RAN;
    }
  }

  /** A task that has already run: nothing is left to wait for or cancel. */
  private static final class Ran implements ScheduledFuture<Object> {

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
