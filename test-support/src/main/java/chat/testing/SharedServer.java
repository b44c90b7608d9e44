package chat.testing;

import java.nio.file.Path;

/**
 * One real chat node for every test class of a run that asks for a {@link OneNode} parameter: started
 * on first use (about 15 s), stopped when the run ends. Tests make their own users and rooms, so they
 * share it without meeting.
 */
public final class SharedServer extends OnePerRun<OneNode> {

  public SharedServer() {
    super(OneNode.class);
  }

  @Override
  protected OneNode create() {
    return OneNode.start(Path.of(System.getProperty("chat.it.dataDir"), "shared-server"));
  }
}
