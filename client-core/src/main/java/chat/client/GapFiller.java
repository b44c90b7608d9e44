package chat.client;

import chat.dto.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Fills over REST what a channel's seqs show it lacks, on its connection's event loop: a gap seen live
 * waits {@link #GAP_WAIT} first, since most close by themselves; a catch-up cut short, or a
 * conversation after a reconnect, is filled at once.
 */
final class GapFiller {

  private static final System.Logger LOG = System.getLogger(GapFiller.class.getName());
  /**
   * How long a gap may stay open before it is filled over REST: messages stored on other nodes arrive
   * out of order, a few milliseconds apart under load, so most gaps close by themselves.
   */
  static final Duration GAP_WAIT = Duration.ofSeconds(1);

  private final ChatApi api;
  private final ResumeState resume;
  private final ScheduledExecutorService loop;
  /** Hands on a message found, once: the connection's accept. */
  private final BiConsumer<Channel, Message> found;
  /** The largest page the server allows. */
  private final IntSupplier pageSize;
  private final BooleanSupplier closed;
  /** Told what each failed fetch met before it is tried again. */
  private final Consumer<String> retried;
  /** Channels with a gap check due, and channels being filled. */
  private final Set<Channel> checks = new HashSet<>();
  private final Set<Channel> filling = new HashSet<>();

  GapFiller(
      ChatApi api,
      ResumeState resume,
      ScheduledExecutorService loop,
      BiConsumer<Channel, Message> found,
      IntSupplier pageSize,
      BooleanSupplier closed,
      Consumer<String> retried) {
    this.api = api;
    this.retried = retried;
    this.resume = resume;
    this.loop = loop;
    this.found = found;
    this.pageSize = pageSize;
    this.closed = closed;
  }

  /** After a live message: a gap it shows is filled if it is still open {@link #GAP_WAIT} later. */
  void checkSoon(Channel channel) {
    if (resume.hasGap(channel) && checks.add(channel)) {
      loop.schedule(
          () -> {
            checks.remove(channel);
            if (resume.hasGap(channel)) {
              fill(channel);
            }
          },
          GAP_WAIT.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Fetches what {@code channel} lacks after the seq it has everything up to. The pages are complete up
   * to their last message, and every seq received before they were read has been stored, so once they
   * are in, the channel lacks nothing up to the higher of the two. Live messages go on arriving
   * meanwhile; the seqs drop what comes twice.
   */
  void fill(Channel channel) {
    Long from = resume.resumeSeq(channel);
    if (from != null) {
      fillAfter(channel, from);
    }
  }

  /**
   * As {@link #fill}, from {@code from}: the last number of a catch-up cut short, whose pages carry on
   * from there. Once the pages are in, the channel lacks nothing up to the highest number received.
   */
  void fillAfter(Channel channel, long from) {
    if (closed.getAsBoolean() || !filling.add(channel)) {
      return;
    }
    long received = resume.highestSeq(channel);
    CompletableFuture.supplyAsync(() -> missed(channel, from))
        .whenCompleteAsync(
            (messages, failure) -> {
              filling.remove(channel);
              if (failure != null) {
                // The server may be briefly unable to answer (its database away): the gap stays open
                // and is tried again, while live messages go on arriving.
                LOG.log(System.Logger.Level.INFO, "filling a gap failed, trying again: {0}", failure.getMessage());
                retried.accept(summary(failure));
                loop.schedule(() -> fillAfter(channel, from), GAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                return;
              }
              messages.forEach(m -> found.accept(channel, m));
              long last = messages.isEmpty() ? from : messages.get(messages.size() - 1).latestSeq();
              resume.completeThrough(channel, Math.max(received, last));
            },
            loop);
  }

  /** Pages on with the largest page the server allows. */
  private List<Message> missed(Channel channel, long afterSeq) {
    int size = pageSize.getAsInt();
    List<Message> all = new ArrayList<>();
    long last = afterSeq;
    while (true) {
      ChatApi.Page page = ChatApi.Page.changesAfter(last, size);
      List<Message> messages =
          channel instanceof Channel.RoomChannel room
              ? api.roomMessages(room.room(), page)
              : api.directMessages(((Channel.DirectChannel) channel).username(), page);
      all.addAll(messages);
      if (messages.size() < size) {
        return all;
      }
      // A page is in the order of each message's latest number, its seq or its last change's.
      last = messages.get(messages.size() - 1).latestSeq();
    }
  }

  private static String summary(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    return cause instanceof ChatApiException refused ? refused.summary() : ChatApiException.UNREACHABLE;
  }
}
