package chat.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one place that moves work off the FX thread and its results back onto it. Server calls never run
 * on the FX thread, and view models are only ever touched on it. ViewModel tests use {@link
 * #inline()}, where both are the caller's thread.
 */
public final class Ui {

  private final Executor fxThread;
  private final Executor background;

  public Ui(Executor fxThread, Executor background) {
    this.fxThread = fxThread;
    this.background = background;
  }

  public static Ui javafx() {
    ExecutorService background =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "chat-background");
              thread.setDaemon(true);
              return thread;
            });
    return new Ui(Platform::runLater, background);
  }

  /** Everything on the caller's thread, in order: for tests of view models. */
  public static Ui inline() {
    return new Ui(Runnable::run, Runnable::run);
  }

  /** Runs {@code work} in the background, then {@code done} or {@code failed} on the FX thread. */
  public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
    background.execute(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception e) {
            fxThread.execute(() -> failed.accept(e));
            return;
          }
          fxThread.execute(() -> done.accept(result));
        });
  }

  /**
   * Once {@code running} (work the server does in the background: an upload) ends, {@code done} or
   * {@code failed} on the FX thread, as {@link #run} calls them; a cancelled one fails with a
   * {@link java.util.concurrent.CancellationException}.
   */
  public <T> void when(CompletableFuture<T> running, Consumer<T> done, Consumer<Exception> failed) {
    running.whenComplete(
        (result, failure) -> {
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          fxThread.execute(
              () -> {
                if (cause == null) {
                  done.accept(result);
                } else {
                  failed.accept(cause instanceof Exception e ? e : new IllegalStateException(cause));
                }
              });
        });
  }

  /** Runs {@code task} on the FX thread: for what arrives on other threads, such as socket events. */
  public void onFxThread(Runnable task) {
    fxThread.execute(task);
  }
}
