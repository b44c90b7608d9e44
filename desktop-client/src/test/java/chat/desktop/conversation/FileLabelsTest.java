package chat.desktop.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileLabelsTest {

  @Test
  void aSizeIsInPowersOf1024WithOneDecimalBelowTen() {
    assertEquals("1 byte", FileLabels.size(1));
    assertEquals("1023 bytes", FileLabels.size(1023));
    assertEquals("1.0 KB", FileLabels.size(1024));
    assertEquals("1.5 KB", FileLabels.size(1536));
    assertEquals("48 KB", FileLabels.size(48 * 1024));
    assertEquals("25 MB", FileLabels.size(25L * 1024 * 1024));
    assertEquals("2048 GB", FileLabels.size(2048L * 1024 * 1024 * 1024));
  }

  @Test
  void anIconByTheTypeReadFromTheBytes() {
    assertEquals("🖼", FileLabels.icon("image/png"));
    assertEquals("📄", FileLabels.icon("application/pdf"));
    assertEquals("🗜", FileLabels.icon("application/zip"));
    assertEquals("📎", FileLabels.icon("application/octet-stream"));
  }
}
