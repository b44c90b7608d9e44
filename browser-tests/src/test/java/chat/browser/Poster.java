package chat.browser;

import chat.client.Backoff;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.dto.Authenticated;
import chat.dto.ServerFrame;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Another user who posts to a room through client-core, faster than a page could type: the history a
 * test needs before the pages look at it.
 */
final class Poster {

  private Poster() {}

  /** A new user {@code username} posts {@code texts} to {@code room} through {@code node}, and waits until each is stored. */
  static void post(URI node, String username, String room, List<String> texts) throws InterruptedException {
    Authenticated who = ChatApi.of(node).signUp(username, BrowserUser.PASSWORD);
    BlockingQueue<ServerFrame> heard = new LinkedBlockingQueue<>();
    ChatConnection.Listener listener =
        new ChatConnection.Listener() {
          @Override
          public void onFrame(ServerFrame frame) {
            heard.add(frame);
          }

          @Override
          public void onState(ConnectionState state) {}
        };
    try (ChatConnection socket = new ChatConnection(ChatApi.of(node).as(who.token()), who.token(), Backoff.standard(), listener)) {
      socket.start();
      socket.join(room);
      texts.forEach(text -> socket.send(room, text));
      int stored = 0;
      while (stored < texts.size()) {
        ServerFrame frame = heard.poll(30, TimeUnit.SECONDS);
        if (frame == null || frame instanceof ServerFrame.RequestFailed) {
          throw new AssertionError(username + " could not post: " + frame);
        }
        if (frame instanceof ServerFrame.ChatMessagePosted posted && posted.message().from().username().equals(username)) {
          stored++;
        }
      }
    }
  }
}
