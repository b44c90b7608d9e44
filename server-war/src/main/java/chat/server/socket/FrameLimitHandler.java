package chat.server.socket;

import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * The container's own upgrade handler, with the client's bytes shown to {@link FrameSizes} before the
 * container parses them: a frame that declares more than the limit closes the socket (1009) at its
 * header, and nothing after it is read. Tyrus itself compares a frame's declared length with nothing
 * and buffers its payload up to its input limit (decision 0025). The handshake filter hands the
 * container this class where it asks for its own ({@link HandshakeFilter}).
 */
public class FrameLimitHandler extends TyrusHttpUpgradeHandler {

  private long limit = Long.MAX_VALUE;

  /** Set by the handshake filter once the container has made the handler, before Tyrus prepares it. */
  void limitFramesTo(long bytes) {
    this.limit = bytes;
  }

  @Override
  public void preInit(WebSocketEngine.UpgradeInfo upgradeInfo, Writer writer, boolean authenticated) {
    long bytes = limit;
    WebSocketEngine.UpgradeInfo limited =
        new WebSocketEngine.UpgradeInfo() {
          @Override
          public WebSocketEngine.UpgradeStatus getStatus() {
            return upgradeInfo.getStatus();
          }

          @Override
          public Connection createConnection(Writer connectionWriter, Connection.CloseListener closeListener) {
            return new LimitedConnection(upgradeInfo.createConnection(connectionWriter, closeListener), bytes);
          }
        };
    super.preInit(limited, writer, authenticated);
  }

  /** Tyrus's connection, its input followed by frame headers on the way in. */
  private static final class LimitedConnection implements Connection {

    private final Connection container;
    private final ReadHandler containerReads;
    private final FrameSizes sizes;
    private final long limit;
    private boolean refused;

    LimitedConnection(Connection container, long limit) {
      this.container = container;
      this.containerReads = container.getReadHandler();
      this.sizes = new FrameSizes(limit);
      this.limit = limit;
    }

    @Override
    public ReadHandler getReadHandler() {
      return this::read;
    }

    private void read(ByteBuffer data) {
      if (!refused && !sizes.withinLimit(data)) {
        refused = true;
        container.close(
            new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frames are at most " + limit + " bytes"));
      }
      if (refused) {
        data.position(data.limit());
      } else {
        containerReads.handle(data);
      }
    }

    @Override
    public Writer getWriter() {
      return container.getWriter();
    }

    @Override
    public CloseListener getCloseListener() {
      return container.getCloseListener();
    }

    @Override
    public void close(CloseReason reason) {
      container.close(reason);
    }
  }
}
