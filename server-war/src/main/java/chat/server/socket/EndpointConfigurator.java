package chat.server.socket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/** Hands the container the one CDI-managed endpoint, so it can take its collaborators by constructor. */
public class EndpointConfigurator extends ServerEndpointConfig.Configurator {

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return CDI.current().select(endpointClass).get();
  }
}
