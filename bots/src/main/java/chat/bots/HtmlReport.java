package chat.bots;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The report as one self-contained HTML page: the figures, and charts of throughput and latency per
 * second drawn as inline SVG, so a browser opens it from disk without a network or a script.
 */
final class HtmlReport {

  private static final int WIDTH = 720;
  private static final int HEIGHT = 220;
  private static final int MARGIN = 40;

  private HtmlReport() {}

  static String of(Report report) {
    List<Report.Second> seconds = report.seconds();
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>chat-bots run %s</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 2em; color: #1f2328; }
          h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 1.5em; }
          pre { background: #f6f8fa; padding: 1em; border-radius: 6px; overflow-x: auto; }
          .ok { color: #1a7f37; } .bad { color: #d1242f; }
          svg text { font-size: 11px; fill: #59636e; }
          .measured { fill: #ddf4ff; }
        </style></head><body>
        <h1>chat-bots run %s: <span class="%s">%s</span></h1>
        <pre>%s</pre>
        <h2>Messages per second (orange: sent, green: acknowledged)</h2>
        %s
        <h2>Deliveries per second, to the other members of each room</h2>
        %s
        <h2>Sender-to-others latency per second, ms (blue: p50, red: p99); the shaded part is measured</h2>
        %s
        </body></html>
        """
        .formatted(
            escape(report.run()),
            escape(report.run()),
            report.complete() ? "ok" : "bad",
            report.complete() ? "complete" : "incomplete",
            escape(report.text()),
            chart(seconds, List.of(new Line(Report.Second::sent, "#bc4c00"), new Line(Report.Second::acknowledged, "#1a7f37"))),
            chart(seconds, List.of(new Line(Report.Second::received, "#0969da"))),
            chart(
                seconds,
                List.of(
                    new Line(Report.Second::deliveryP50Millis, "#0969da"),
                    new Line(Report.Second::deliveryP99Millis, "#d1242f"))));
  }

  private record Line(ToDoubleFunction<Report.Second> value, String colour) {}

  private static String chart(List<Report.Second> seconds, List<Line> lines) {
    double top = 0;
    for (Line line : lines) {
      for (Report.Second second : seconds) {
        top = Math.max(top, line.value().applyAsDouble(second));
      }
    }
    top = top == 0 ? 1 : top * 1.1;
    int count = Math.max(1, seconds.size() - 1);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, HEIGHT));
    for (int i = 0; i < seconds.size(); i++) {
      if (seconds.get(i).measured()) {
        svg.append(String.format(Locale.ROOT, "<rect class=\"measured\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
            x(i, count) - step(count) / 2, MARGIN / 2, step(count), HEIGHT - MARGIN - MARGIN / 2));
      }
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d0d7de\"/>",
        MARGIN, HEIGHT - MARGIN, WIDTH - 10, HEIGHT - MARGIN));
    svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\">%s</text>", MARGIN / 2 + 4, number(top)));
    svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\">0</text>", HEIGHT - MARGIN));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d s</text>", WIDTH - 50, HEIGHT - MARGIN + 16, seconds.size()));
    for (Line line : lines) {
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(line.colour()).append("\" points=\"");
      for (int i = 0; i < seconds.size(); i++) {
        double y = HEIGHT - MARGIN - (HEIGHT - MARGIN * 1.5) * line.value().applyAsDouble(seconds.get(i)) / top;
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, count), y));
      }
      svg.append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  private static double x(int i, int count) {
    return MARGIN + step(count) * i;
  }

  private static double step(int count) {
    return (WIDTH - MARGIN - 10) / (double) count;
  }

  private static String number(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
