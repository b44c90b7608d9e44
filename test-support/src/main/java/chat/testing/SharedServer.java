package chat.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real chat node for every test class of a run that asks for a {@link OneNode} parameter: started
 * on first use (about 15 s), stopped when the run ends. Tests make their own users and rooms, so they
 * share it without meeting.
 */
public final class SharedServer implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OneNode.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedServer.class))
        .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class)
        .node;
  }

  /** Closed by JUnit with the root context, at the end of the run. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {

    final OneNode node = OneNode.start(Path.of(System.getProperty("chat.it.dataDir"), "shared-server"));

    @Override
    public void close() {
      node.close();
    }
  }
}
