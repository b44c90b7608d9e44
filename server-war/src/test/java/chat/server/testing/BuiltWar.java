package chat.server.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR this build produced, deployed as is at the context root, as a node runs it. */
public final class BuiltWar {

  private BuiltWar() {}

  public static WebArchive atRoot() {
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File(System.getProperty("chat.it.war")))
        .as(WebArchive.class);
  }
}
