package chat.server.web;

import chat.dto.WireJson;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes JAX-RS read and write bodies with the same codec as the WebSocket and every client. */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  @Override
  public Jsonb getContext(Class<?> type) {
    return WireJson.jsonb();
  }
}
