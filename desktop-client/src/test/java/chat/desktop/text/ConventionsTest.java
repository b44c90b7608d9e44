package chat.desktop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The text conventions as the desktop reads them: the cases both apps share (test-support's
 * text-conventions.json, which the browser's format.test.js runs too), and hostile input that would cost
 * a backtracking parser minutes.
 */
class ConventionsTest {

  private static final JsonObject SHARED = read("/chat/testing/text-conventions.json");
  private static final Map<String, String> EMOJI =
      SHARED.getJsonObject("emoji").entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));

  @TestFactory
  Stream<DynamicTest> readsTheSharedCasesIntoTheirTrees() {
    List<JsonObject> cases = SHARED.getJsonArray("cases").getValuesAs(JsonObject.class);
    assertTrue(cases.size() > 50);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(
            c.getString("about"),
            () -> assertEquals(c.getJsonArray("blocks"), json(Conventions.parse(c.getString("text"), EMOJI)))));
  }

  @Test
  void takesTimeInProportionToHostileRunsOfMarkers() {
    for (String unit : List.of("*a ", "_a ", "**a ", "` `` ``` ", ":a", "https://", "*a _b **c `d ", "```\n", "> *", "- _")) {
      String text = unit.repeat(100_000 / unit.length() + 1);
      long started = System.nanoTime();
      Conventions.parse(text, EMOJI);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, unit + ": " + took);
    }
  }

  /** The tree in the shared file's form. */
  private static JsonArray json(List<Block> blocks) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (Block block : blocks) {
      out.add(switch (block) {
        case Block.Line line -> Json.createObjectBuilder().add("line", inlines(line.content()));
        case Block.Quote quote -> Json.createObjectBuilder().add("quote", lines(quote.lines()));
        case Block.Bullets bullets -> Json.createObjectBuilder().add("bullets", lines(bullets.items()));
        case Block.Numbered numbered -> {
          JsonArrayBuilder items = Json.createArrayBuilder();
          numbered.items().forEach(item -> items.add(Json.createObjectBuilder().add("number", item.number()).add("item", inlines(item.content()))));
          yield Json.createObjectBuilder().add("numbered", items);
        }
        case Block.CodeBlock code -> Json.createObjectBuilder().add("codeBlock", code.text());
      });
    }
    return out.build();
  }

  private static JsonArrayBuilder lines(List<List<Inline>> lines) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    lines.forEach(line -> out.add(inlines(line)));
    return out;
  }

  private static JsonArrayBuilder inlines(List<Inline> inlines) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (Inline inline : inlines) {
      out.add(switch (inline) {
        case Inline.Plain plain -> Json.createValue(plain.text());
        case Inline.Bold bold -> Json.createObjectBuilder().add("bold", inlines(bold.content())).build();
        case Inline.Italic italic -> Json.createObjectBuilder().add("italic", inlines(italic.content())).build();
        case Inline.Code code -> Json.createObjectBuilder().add("code", code.text()).build();
        case Inline.Link link -> Json.createObjectBuilder().add("link", link.url()).build();
        case Inline.Emoji emoji -> Json.createObjectBuilder().add("emoji", emoji.emoji()).add("name", emoji.name()).build();
      });
    }
    return out;
  }

  private static JsonObject read(String resource) {
    try (InputStream in = ConventionsTest.class.getResourceAsStream(resource); JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
