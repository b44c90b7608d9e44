package chat.dto;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the system. Absent optional fields are left out rather than written as null,
 * times are ISO-8601 UTC. Decoding a frame tells malformed JSON, a missing or unknown {@code type} and
 * fields of the wrong shape apart, so a client learns exactly what was wrong with what it sent.
 */
public final class WireJson {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
  /** Made once: {@code Json.createReader} looks the provider up anew on every call, which is slow. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
  private static final Set<String> CLIENT_TYPES = aliasesOf(ClientFrame.class);
  private static final Set<String> SERVER_TYPES = aliasesOf(ServerFrame.class);

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
      throw new InvalidJsonException("not a valid " + type.getSimpleName() + ": " + rootMessage(e));
    }
  }

  public static <T> T fromJson(String json, Type type) {
    try {
      return JSONB.fromJson(json, type);
    } catch (JsonbException | JsonException e) {
      throw new InvalidJsonException("not valid JSON for " + type.getTypeName() + ": " + rootMessage(e));
    }
  }

  public static ClientFrame readClientFrame(String json) {
    return readFrame(json, ClientFrame.class, CLIENT_TYPES);
  }

  public static ServerFrame readServerFrame(String json) {
    return readFrame(json, ServerFrame.class, SERVER_TYPES);
  }

  private static <F extends Frame> F readFrame(String json, Class<F> direction, Set<String> types) {
    String type = typeOf(json);
    if (!types.contains(type)) {
      throw new InvalidJsonException("unknown frame type '" + type + "'; known: " + types);
    }
    try {
      return JSONB.fromJson(json, direction);
    } catch (JsonbException | JsonException e) {
      throw new InvalidJsonException("invalid '" + type + "' frame: " + rootMessage(e));
    }
  }

  private static String typeOf(String json) {
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new InvalidJsonException("malformed JSON: " + rootMessage(e));
    }
    if (!(value instanceof JsonObject object)) {
      throw new InvalidJsonException("a frame must be a JSON object");
    }
    if (!(object.get("type") instanceof JsonString type)) {
      throw new InvalidJsonException("a frame needs a string 'type'");
    }
    return type.getString();
  }

  private static Set<String> aliasesOf(Class<?> direction) {
    return Arrays.stream(direction.getAnnotation(JsonbTypeInfo.class).value())
        .map(JsonbSubtype::alias)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
