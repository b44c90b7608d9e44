package chat.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With -Dchat.it.screenshots=DIR, a window as Monocle drew it goes to DIR/NAME.png (the README's
 * pictures); without it, nothing happens.
 */
public final class Screenshots {

  private Screenshots() {}

  public static void take(Window window, String name) {
    String directory = System.getProperty("chat.it.screenshots", "");
    if (directory.isEmpty()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WritableImage image =
          WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
      ImageIO.write(toBufferedImage(image), "png", Path.of(directory, name + ".png").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("could not take " + name + ": " + e, e);
    }
  }

  private static BufferedImage toBufferedImage(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    return out;
  }
}
