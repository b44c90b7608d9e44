package chat.client;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * An upload's body as the HTTP client takes it, piece by piece: each piece handed on is counted and told
 * to the {@link ChatApi.Progress}, so what it says is what went to the connection, not what was read
 * ahead from the disk.
 */
final class CountedBody implements HttpRequest.BodyPublisher {

  private final HttpRequest.BodyPublisher bytes;
  private final ChatApi.Progress progress;

  CountedBody(HttpRequest.BodyPublisher bytes, ChatApi.Progress progress) {
    this.bytes = bytes;
    this.progress = progress;
  }

  @Override
  public long contentLength() {
    return bytes.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    long total = bytes.contentLength();
    bytes.subscribe(
        new Flow.Subscriber<>() {
          /** Per subscription: a body sent again (a retried connection) counts from its start. */
          private long sent;

          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscriber.onSubscribe(subscription);
          }

          @Override
          public void onNext(ByteBuffer piece) {
            sent += piece.remaining();
            subscriber.onNext(piece);
            progress.sent(sent, total);
          }

          @Override
          public void onError(Throwable failure) {
            subscriber.onError(failure);
          }

          @Override
          public void onComplete() {
            subscriber.onComplete();
          }
        });
  }
}
