package chat.server.socket;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Logger;

/**
 * Gives each socket session a plain scheduler for its idle timer. Tyrus restarts that timer for every
 * frame in and out, even with the timeout off, on the scheduler its container hands it; in Payara that
 * is the managed scheduled executor, which captures and restores the thread's context around each task.
 * Under load that was a third of a node's CPU (decision 0006). The timer's task does nothing while the
 * timeout is off ({@link IdleSockets} sweeps instead), so it needs no context.
 */
@ApplicationScoped
class SessionTimers {

  private static final Logger LOG = Logger.getLogger(SessionTimers.class.getName());
  /** Tyrus's session class keeps its scheduler here (Tyrus 2.x, as in Payara 6). */
  private static final String SCHEDULER_FIELD = "service";

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor scheduler;
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
      scheduler = new ScheduledThreadPoolExecutor(1, threads);
      scheduler.setRemoveOnCancelPolicy(true);
    }
    return scheduler;
  }

  @PreDestroy
  synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
