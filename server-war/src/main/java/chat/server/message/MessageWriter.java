package chat.server.message;

import chat.dto.ErrorCode;
import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.error.DatabaseFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit: one thread takes whatever messages have queued up from all of the node's sockets,
 * stores them in one transaction, then hands the batch to {@link FanOut}, which passes each message on to
 * its channel and answers its sender. Under load a batch holds hundreds of messages per
 * commit; at rest a message waits for nothing but its own commit.
 */
@ApplicationScoped
public class MessageWriter {

  private static final Logger LOG = Logger.getLogger(MessageWriter.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private MessageStore store;
  private FanOut fanOut;
  private Counter stored;
  private Counter batches;
  private BlockingQueue<Submitted> queue;
  private int batchSize;
  private long timeoutMillis;
  private volatile boolean running;
  private Thread writer;

  protected MessageWriter() {}

  @Inject
  MessageWriter(MessageStore store, FanOut fanOut, ChatConfig config, MetricRegistry metrics) {
    this.store = store;
    this.fanOut = fanOut;
    this.stored = metrics.counter("chat_messages_stored");
    this.batches = metrics.counter("chat_message_batches");
    this.queue = new ArrayBlockingQueue<>(config.writeQueueCapacity());
    this.batchSize = config.writeBatchSize();
    this.timeoutMillis = config.writeTimeout().toMillis();
  }

  /**
   * Queues a message; the answer completes once it is committed, or fails with a ChatException, at the
   * latest after {@code CHAT_WRITE_TIMEOUT_SECONDS}. A message answered {@code unavailable} that way may
   * still be stored when the database answers again, and is then passed on to its channel as any other:
   * its sender, who sends it again, sees it arrive, the repeat is sent to its channel too, and clients
   * drop a seq they have (docs/decisions/0015).
   */
  CompletableFuture<PostOutcome> submit(NewMessage message) {
    CompletableFuture<PostOutcome> answer = new CompletableFuture<>();
    if (!running || !queue.offer(new Submitted(message, answer))) {
      answer.completeExceptionally(
          new ChatException(ErrorCode.UNAVAILABLE, "the node is too busy to store this; send it again"));
    }
    return answer
        .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .exceptionally(
            failure -> {
              if (failure instanceof TimeoutException) {
                throw new ChatException(ErrorCode.UNAVAILABLE, "the message was not stored in time; send it again");
              }
              throw failure instanceof RuntimeException unchecked ? unchecked : new CompletionException(failure);
            });
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    running = true;
    writer = threads.newThread(this::run);
    writer.setName("message-writer");
    writer.start();
  }

  private void run() {
    List<Submitted> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        Submitted first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Submitted> batch) {
    List<Posted> posted;
    try {
      posted = store.insert(batch.stream().map(Submitted::message).toList());
    } catch (RuntimeException e) {
      boolean databaseAway = e instanceof DatabaseFailure failure && failure.isDatabaseAway();
      if (batch.size() > 1 && !databaseAway) {
        // Whatever one message does, it must not fail the others: each is stored alone, so only the
        // sender of the bad one hears of it (trying each alone with the database away would only fail
        // each again, more slowly).
        LOG.log(Level.WARNING, "a batch of " + batch.size() + " messages failed; storing each alone", e);
        batch.forEach(submitted -> write(List.of(submitted)));
        return;
      }
      LOG.log(Level.WARNING, "a batch of " + batch.size() + " messages was not stored", e);
      ChatException failure =
          e instanceof DatabaseFailure refused && refused.isRefusedContent()
              ? ChatException.invalid("the database refused this message's content")
              : new ChatException(ErrorCode.UNAVAILABLE, "the message was not stored; send it again");
      batch.forEach(submitted -> submitted.answer().completeExceptionally(failure));
      return;
    }
    stored.inc(posted.stream().filter(p -> !p.repeat()).count());
    batches.inc();
    try {
      fanOut.handOut(batch, posted);
    } catch (RuntimeException e) {
      // Whatever went wrong passing the batch on must not end the writer, or every later message
      // would wait in vain; its senders send again and are answered with what was stored.
      LOG.log(Level.SEVERE, "a stored batch of " + batch.size() + " messages was not passed on", e);
      ChatException failure = new ChatException(ErrorCode.UNAVAILABLE, "the message was stored but not sent; send it again");
      batch.forEach(submitted -> submitted.answer().completeExceptionally(failure));
    }
  }

  /** Stores what is already queued before the node goes; nothing acknowledged is lost either way. */
  @PreDestroy
  void stop() {
    running = false;
    if (writer != null) {
      try {
        writer.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
