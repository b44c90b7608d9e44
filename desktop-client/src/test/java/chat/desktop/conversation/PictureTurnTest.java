package chat.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class PictureTurnTest {

  /**
   * Each orientation turns a picture's top-left corner and its top edge where EXIF says they are shown:
   * where the point (1, 0), just right of the centre, ends up, with y growing downwards as on a screen.
   */
  @Test
  void eachOrientationShowsThePictureAsExifDefinesIt() {
    assertEquals(new Point2D(1, 0), shown(null, 1, 0), "upright");
    assertEquals(new Point2D(1, 0), shown(1, 1, 0));
    assertEquals(new Point2D(-1, 0), shown(2, 1, 0), "mirrored");
    assertEquals(new Point2D(-1, 0), shown(3, 1, 0), "upside down");
    assertEquals(new Point2D(0, -1), shown(3, 0, 1));
    assertEquals(new Point2D(0, -1), shown(4, 0, 1), "mirrored top to bottom");
    assertEquals(new Point2D(1, 0), shown(4, 1, 0));
    assertEquals(new Point2D(0, 1), shown(5, 1, 0), "transposed: x and y swap");
    assertEquals(new Point2D(1, 0), shown(5, 0, 1));
    assertEquals(new Point2D(0, 1), shown(6, 1, 0), "a quarter turn clockwise");
    assertEquals(new Point2D(-1, 0), shown(6, 0, 1));
    assertEquals(new Point2D(0, -1), shown(7, 1, 0), "transversed");
    assertEquals(new Point2D(0, 1), shown(8, -1, 0), "a quarter turn anticlockwise");
  }

  /** Where (x, y) is shown: mirrored, then turned clockwise on a screen whose y grows downwards. */
  private static Point2D shown(Integer orientation, double x, double y) {
    PictureTurn turn = PictureTurn.of(orientation);
    double mx = turn.mirrored() ? -x : x;
    double radians = Math.toRadians(turn.degrees());
    double sx = mx * Math.cos(radians) - y * Math.sin(radians);
    double sy = mx * Math.sin(radians) + y * Math.cos(radians);
    return new Point2D(Math.round(sx), Math.round(sy));
  }
}
