package chat.testing;

import java.nio.file.Path;

/**
 * One two-node cluster for every test class of a run that asks for a {@link TwoNodes} parameter:
 * started on first use (two Payara starts, the slowest part of such a class), stopped when the run
 * ends. Classes that share it make users and rooms of their own names and leave both nodes running;
 * a class that kills, freezes or restarts a node starts its own.
 */
public final class SharedTwoNodes extends OnePerRun<TwoNodes> {

  public SharedTwoNodes() {
    super(TwoNodes.class);
  }

  @Override
  protected TwoNodes create() {
    return TwoNodes.start(Path.of(System.getProperty("chat.it.dataDir"), "shared-two-nodes"));
  }
}
