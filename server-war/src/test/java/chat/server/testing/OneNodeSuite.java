package chat.server.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class with a node of its own: the WAR this build produced, on a real Payara Micro process
 * started by Arquillian (docs/decisions/0001), reached from outside over HTTP and WebSocket.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class OneNodeSuite {

  @ArquillianResource URL url;

  protected ChatHttp node;

  @Deployment(testable = false)
  public static WebArchive builtWar() {
    return BuiltWar.atRoot();
  }

  @BeforeEach
  void reachNode() throws Exception {
    node = new ChatHttp(url.toURI());
  }
}
