package chat.chaos;

import chat.testing.OnePerRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One three-node cluster from {@code bin/chat-cluster} for the whole run: the balancer tests and the
 * chaos suite take turns on it, and each leaves every node running.
 */
public final class SharedCluster extends OnePerRun<LocalCluster> {

  public SharedCluster() {
    super(LocalCluster.class);
  }

  @Override
  protected LocalCluster create() {
    Path work = Path.of(System.getProperty("chat.it.dataDir"), "cluster");
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return LocalCluster.start(work, 3);
  }
}
