package chat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A TCP relay on loopback, between clients and a node or between two nodes' data grid: a network a test
 * can break. {@link #cut()} drops every connection and refuses new ones until {@link #restore()};
 * {@link #muteReplies()} lets requests through but loses what the server answers, as when a link dies
 * just after a send.
 */
public final class TcpRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final Supplier<InetSocketAddress> target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean open = true;
  private volatile boolean repliesMuted;

  private TcpRelay(ServerSocket listener, Supplier<InetSocketAddress> target) {
    this.listener = listener;
    this.target = target;
  }

  /** A relay to the server at {@code target} (an http URI), accepting on a free loopback port. */
  public static TcpRelay to(URI target) {
    InetSocketAddress address = new InetSocketAddress(target.getHost(), target.getPort());
    return to(() -> address);
  }

  /**
   * A relay to a TCP port on loopback that speaks anything (a node's data grid, say), asked for at each
   * connection: a relay may have to exist before the port it leads to is chosen.
   */
  public static TcpRelay toLoopbackPort(IntSupplier port) {
    return to(() -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getAsInt()));
  }

  private static TcpRelay to(Supplier<InetSocketAddress> target) {
    try {
      // A port from the same hand as the nodes', so that it is none of theirs chosen and not yet bound.
      ServerSocket listener = new ServerSocket(PayaraNode.freePort(), 50, InetAddress.getLoopbackAddress());
      TcpRelay relay = new TcpRelay(listener, target);
      daemon("relay-accept", relay::acceptAll).start();
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the relay accepts. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The server's address through the relay. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  /** Every connection through the relay drops, and new ones are refused until {@link #restore()}. */
  public void cut() {
    open = false;
    // The pumps take each closed socket out of the set themselves.
    sockets.forEach(TcpRelay::closeQuietly);
  }

  public void restore() {
    repliesMuted = false;
    open = true;
  }

  /** Bytes from the server are thrown away until {@link #cut()}; the client hears nothing. */
  public void muteReplies() {
    repliesMuted = true;
  }

  @Override
  public void close() {
    cut();
    closeQuietly(listener);
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (!open) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        try {
          server.connect(target.get());
        } catch (IOException | RuntimeException refused) {
          // Passed on as it is: the server is not there (or not known yet).
          closeQuietly(client);
          closeQuietly(server);
          continue;
        }
        sockets.add(client);
        sockets.add(server);
        if (!open) {
          // Cut while this one was connecting, after the cut closed what the set held.
          List.of(client, server).forEach(socket -> {
            closeQuietly(socket);
            sockets.remove(socket);
          });
          continue;
        }
        daemon("relay-up", () -> pump(client, server, false)).start();
        daemon("relay-down", () -> pump(server, client, true)).start();
      } catch (IOException e) {
        // The listener closed.
      }
    }
  }

  private void pump(Socket from, Socket to, boolean replies) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (!(replies && repliesMuted)) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (IOException e) {
      // One side closed.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed.
    }
  }
}
