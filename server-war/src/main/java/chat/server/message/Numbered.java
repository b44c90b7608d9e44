package chat.server.message;

import chat.dto.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch with its new messages numbered: each takes the next seq of its channel, in batch order, and a
 * repeat (a clientId stored before, or sent twice within the batch) takes none.
 */
final class Numbered {

  private final List<NewMessage> batch;
  /** The seq of each message of the batch, 0 for a repeat. */
  private final long[] seqs;
  private final Map<Channel, Long> lastSeqs;

  private Numbered(List<NewMessage> batch, long[] seqs, Map<Channel, Long> lastSeqs) {
    this.batch = batch;
    this.seqs = seqs;
    this.lastSeqs = lastSeqs;
  }

  /**
   * Numbers {@code batch} on from {@code lastSeqs}, the last seq of each of its channels; {@code stored}
   * holds the originals of the clientIds stored before.
   */
  static Numbered of(List<NewMessage> batch, Map<ClientKey, Message> stored, Map<Channel, Long> lastSeqs) {
    long[] seqs = new long[batch.size()];
    Map<Channel, Long> advanced = new HashMap<>();
    Set<ClientKey> sent = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      NewMessage message = batch.get(i);
      if (message.clientId() != null) {
        ClientKey key = new ClientKey(message.sender().id(), message.clientId());
        if (stored.containsKey(key) || !sent.add(key)) {
          continue;
        }
      }
      Channel channel = Channel.of(message.destination());
      long seq = advanced.getOrDefault(channel, lastSeqs.get(channel)) + 1;
      advanced.put(channel, seq);
      seqs[i] = seq;
    }
    return new Numbered(batch, seqs, advanced);
  }

  int size() {
    return batch.size();
  }

  NewMessage message(int index) {
    return batch.get(index);
  }

  boolean isFresh(int index) {
    return seqs[index] != 0;
  }

  long seq(int index) {
    return seqs[index];
  }

  Channel.Seq channelSeq(int index) {
    return new Channel.Seq(Channel.of(batch.get(index).destination()), seqs[index]);
  }

  /** The new messages, in batch order. */
  List<NewMessage> fresh() {
    List<NewMessage> fresh = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (isFresh(i)) {
        fresh.add(batch.get(i));
      }
    }
    return fresh;
  }

  /** The seqs of {@link #fresh()}, in the same order. */
  Long[] freshSeqs() {
    List<Long> fresh = new ArrayList<>();
    for (long seq : seqs) {
      if (seq != 0) {
        fresh.add(seq);
      }
    }
    return fresh.toArray(Long[]::new);
  }

  /** The last seq each channel that had a new message now has. */
  Map<Channel, Long> lastSeqs() {
    return lastSeqs;
  }
}
