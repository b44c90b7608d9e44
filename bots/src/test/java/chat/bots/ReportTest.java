package chat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final Scenario SCENARIO =
      new Scenario(List.of(URI.create("http://127.0.0.1:8080")), "bot", "pw", 200, 10, 20, 0.5, 1000, 100, 0, 0, Scenario.Spike.NONE, Scenario.Habits.NONE, Duration.ofSeconds(10), Duration.ofSeconds(30));

  private static Report report(long sent, long acknowledged, long expected, long received, long duplicates) {
    Histogram micros = new Histogram(3_600_000_000L, 3);
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i * 100L); // 0.1 ms to 100 ms
    }
    Report.Latency latency = Report.Latency.of(micros);
    return new Report(
        SCENARIO, "r1", 30, sent, acknowledged, expected, received, Math.max(0, expected - received), duplicates, 5, 2, 0, 0,
        Map.of(), acknowledged / 30.0, received / 30.0, latency, latency, latency, 41.5,
        List.of(new Report.Second(1, true, 1000, 1000, 19000, 3.2, 12.5, 40)));
  }

  @Test
  void latenciesAreSummarisedInMilliseconds() {
    Report.Latency latency = report(1, 1, 19, 19, 0).senderToOthers();
    assertEquals(1000, latency.count());
    assertEquals(50.0, latency.p50(), 0.1);
    assertEquals(99.0, latency.p99(), 0.1);
    assertEquals(100.0, latency.max(), 0.1);
  }

  @Test
  void aRunIsCompleteOnlyWithNothingMissingNothingTwiceAndEverythingAcknowledged() {
    assertTrue(report(30_000, 30_000, 570_000, 570_000, 0).complete());
    assertFalse(report(30_000, 30_000, 570_000, 569_999, 0).complete(), "one delivery missing");
    assertFalse(report(30_000, 30_000, 570_000, 570_000, 1).complete(), "one delivery twice");
    assertFalse(report(30_000, 29_999, 569_981, 569_981, 0).complete(), "one message not acknowledged");
  }

  @Test
  void theTextSaysEveryFigureAReaderNeeds() {
    String text = report(30_000, 30_000, 570_000, 569_000, 3).text();
    for (String figure :
        List.of("sent           30,000", "570,000 expected, 569,000 received", "missing        1,000",
            "duplicates     3 (shown twice)", "repeats        5", "reconnects     2", "1,000 messages/s acknowledged", "18,967 deliveries/s",
            "sender-to-others p50 50.0", "send lag", "generator CPU  42%", "INCOMPLETE")) {
      assertTrue(text.contains(figure), figure + " in:\n" + text);
    }
  }

  @Test
  void theJsonHoldsTheSameFigures() {
    JsonObject json = Json.createReader(new StringReader(WireJson.toJson(report(30_000, 30_000, 570_000, 570_000, 0)))).readObject();
    assertEquals(30_000, json.getJsonNumber("sent").longValue());
    assertEquals(0, json.getJsonNumber("missing").longValue());
    assertEquals(99.0, json.getJsonObject("senderToOthers").getJsonNumber("p99").doubleValue(), 0.1);
    assertEquals(19000, json.getJsonArray("seconds").getJsonObject(0).getJsonNumber("received").longValue());
    assertEquals(1000, json.getJsonObject("scenario").getInt("rate"));
    assertFalse(json.getJsonObject("scenario").containsKey("password"), "reports get shared; the password stays out");
  }

  @Test
  void theReportsOfTheProcessesOfOneRunMergeWithoutLosingACountOrAPercentile() {
    Histogram fast = new Histogram(3_600_000_000L, 3);
    Histogram slow = new Histogram(3_600_000_000L, 3);
    for (int i = 0; i < 990; i++) {
      fast.recordValue(1_000); // 1 ms
    }
    for (int i = 0; i < 20; i++) {
      slow.recordValue(200_000); // 200 ms: 2% of all, all in the other process
    }
    PartReport one = part(fast, 1500, 28.0, 30.0);
    PartReport other = part(slow, 500, 10.0, 29.5);

    Report merged = Report.of(SCENARIO, "r1", List.of(one, other));

    assertEquals(2000, merged.sent());
    assertEquals(2000 * 19, merged.deliveriesExpected());
    assertEquals(0, merged.missing());
    assertEquals(1010, merged.senderToOthers().count());
    assertEquals(1.0, merged.senderToOthers().p90(), 0.01);
    assertEquals(200.0, merged.senderToOthers().p99(), 0.2, "the slowest 2% are the other process's");
    assertEquals(Map.of("rate_limited", 2L), merged.refusals());
    assertEquals(38.0, merged.generatorCpuPercent(), 0.01, "the processes' CPU adds up");
    assertEquals(30.0, merged.measuredSeconds(), 0.01);
    Report.Second first = merged.seconds().get(0);
    assertEquals(2000, first.sent());
    assertEquals(200.0, first.deliveryP99Millis(), 0.2, "the second's latencies are merged too");
  }

  private static PartReport part(Histogram latencies, long sent, double cpu, double seconds) {
    String encoded = Histograms.encode(latencies);
    return new PartReport(
        seconds, sent, sent, sent * 19, sent * 19, 0, 0, 0, 0, 0, Map.of("rate_limited", 1L), encoded, encoded, encoded, cpu,
        List.of(new PartReport.Second(1, true, 100, sent, sent, sent * 19, encoded, cpu, Map.of("rate_limited", 1L))));
  }

  @Test
  void theHtmlPageStandsAloneWithChartsOfEachSecond() {
    String html = HtmlReport.of(report(30_000, 30_000, 570_000, 570_000, 0));
    assertTrue(html.contains("<svg"), html);
    assertEquals(5, html.split("<polyline").length - 1, "sent and acknowledged, deliveries, p50 and p99");
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.contains(" src="), "nothing loaded from elsewhere");
    assertTrue(html.contains("complete"));
  }
}
