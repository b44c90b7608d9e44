package chat.desktop.conversation;

import java.util.Locale;

/** How a file is named to the user beside its own name: its size in words, and an icon for its type. */
final class FileLabels {

  private static final String[] UNITS = {"KB", "MB", "GB"};

  private FileLabels() {}

  /** 512 bytes, 1.5 KB, 25 MB: in powers of 1,024, one decimal below ten. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
  }

  /** An emoji for the type the server read from the file's bytes. */
  static String icon(String type) {
    String of = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (of.startsWith("image/")) {
      return "🖼";
    }
    if (of.startsWith("audio/")) {
      return "🎵";
    }
    if (of.startsWith("video/")) {
      return "🎬";
    }
    if (of.equals("application/pdf") || of.startsWith("text/")) {
      return "📄";
    }
    if (of.contains("zip") || of.contains("compressed") || of.contains("tar") || of.contains("7z")) {
      return "🗜";
    }
    return "📎";
  }
}
