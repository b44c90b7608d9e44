package chat.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test of a run that asks for a {@code T} parameter the same one: made on first use,
 * closed when the run ends. For what is slow to start and safe to share, such as a node or a browser.
 */
public abstract class OnePerRun<T extends AutoCloseable> implements ParameterResolver {

  private final Class<T> type;

  protected OnePerRun(Class<T> type) {
    this.type = type;
  }

  protected abstract T create();

  @Override
  public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == type;
  }

  @Override
  public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(OnePerRun.class, type))
        .getOrComputeIfAbsent(type, key -> new Shared<>(create()), Shared.class)
        .value();
  }

  /** Closed by JUnit with the root context, at the end of the run. */
  private record Shared<T extends AutoCloseable>(T value) implements ExtensionContext.Store.CloseableResource {

    @Override
    public void close() throws Exception {
      value.close();
    }
  }
}
