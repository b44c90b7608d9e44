package chat.dto;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the system. Absent optional fields are left out rather than written as null,
 * times are ISO-8601 UTC. Decoding a frame tells malformed JSON, a missing or unknown {@code type} and
 * fields of the wrong shape apart, so a client learns exactly what was wrong with what it sent.
 */
public final class WireJson {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
  /** Made once: {@code Json.createParser} looks the provider up anew on every call, which is slow. */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
  private static final Map<String, Class<?>> CLIENT_TYPES = subtypesOf(ClientFrame.class);
  private static final Map<String, Class<?>> SERVER_TYPES = subtypesOf(ServerFrame.class);
  /**
   * What a refusal says of a body that parsed but did not bind. The parser's own words describe its
   * internals (tokens, offsets, class names), which a stranger has no use for.
   */
  private static final String FIELDS = ": a field is missing, of the wrong type or out of range";

  private WireJson() {}

  /** The configured instance, for frameworks that take one (JAX-RS). Thread-safe. */
  public static Jsonb jsonb() {
    return JSONB;
  }

  /**
   * Written as its runtime type; a frame gets its {@code type} from the sealed parent's annotation. (Naming
   * the parent as the type to write would lose every field: JSON-B would write the interface's.)
   */
  public static String toJson(Object value) {
    return JSONB.toJson(value);
  }

  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return JSONB.fromJson(json, type);
    } catch (JsonbException | JsonException e) {
      throw new InvalidJsonException("not a valid " + type.getSimpleName() + FIELDS);
    }
  }

  public static <T> T fromJson(String json, Type type) {
    try {
      return JSONB.fromJson(json, type);
    } catch (JsonbException | JsonException e) {
      throw new InvalidJsonException("not valid JSON for " + type.getTypeName() + FIELDS);
    }
  }

  /** The type to read a JSON array of {@code element} as, e.g. {@code [Room]}: a {@code List<Room>}. */
  public static Type listOf(Class<?> element) {
    return new ListOf(element);
  }

  private record ListOf(Class<?> element) implements ParameterizedType {

    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {element};
    }

    @Override
    public Type getRawType() {
      return List.class;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  }

  public static ClientFrame readClientFrame(String json) {
    return readFrame(json, ClientFrame.class, CLIENT_TYPES);
  }

  public static ServerFrame readServerFrame(String json) {
    return readFrame(json, ServerFrame.class, SERVER_TYPES);
  }

  /**
   * Binds to the frame's own record once its type is known: binding to the sealed parent would make
   * JSON-B buffer the whole frame again to find the type, a third of the cost of reading a frame.
   */
  private static <F extends Frame> F readFrame(String json, Class<F> direction, Map<String, Class<?>> types) {
    String type = typeOf(json);
    Class<?> subtype = types.get(type);
    if (subtype == null) {
      throw new InvalidJsonException(
          "unknown frame type '" + type + "'; known: " + new TreeSet<>(types.keySet()));
    }
    try {
      return direction.cast(JSONB.fromJson(json, subtype));
    } catch (JsonbException | JsonException e) {
      throw new InvalidJsonException("invalid '" + type + "' frame" + FIELDS);
    }
  }

  /**
   * The frame's {@code type}, read by a streaming pass that builds nothing: the values beside it (a
   * message, a page of history) are skipped, not turned into a tree only to be bound again. The pass
   * still reads the whole frame, so malformed JSON is told as such.
   */
  private static String typeOf(String json) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw new InvalidJsonException("a frame must be a JSON object");
      }
      String type = null;
      boolean typeIsString = false;
      for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
        String key = parser.getString();
        JsonParser.Event value = parser.next();
        if (key.equals("type")) {
          typeIsString = value == JsonParser.Event.VALUE_STRING;
          type = typeIsString ? parser.getString() : null;
        }
        if (value == JsonParser.Event.START_OBJECT) {
          parser.skipObject();
        } else if (value == JsonParser.Event.START_ARRAY) {
          parser.skipArray();
        }
      }
      if (parser.hasNext()) {
        throw new InvalidJsonException("malformed JSON");
      }
      if (!typeIsString) {
        throw new InvalidJsonException("a frame needs a string 'type'");
      }
      return type;
    } catch (JsonException | NoSuchElementException e) {
      throw new InvalidJsonException("malformed JSON");
    }
  }

  private static Map<String, Class<?>> subtypesOf(Class<?> direction) {
    return Arrays.stream(direction.getAnnotation(JsonbTypeInfo.class).value())
        .collect(Collectors.toUnmodifiableMap(JsonbSubtype::alias, JsonbSubtype::type));
  }

}
