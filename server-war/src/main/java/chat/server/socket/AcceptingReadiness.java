package chat.server.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the node drains before stopping. */
@Readiness
@ApplicationScoped
public class AcceptingReadiness implements HealthCheck {

  private Drain drain;

  protected AcceptingReadiness() {}

  @Inject
  AcceptingReadiness(Drain drain) {
    this.drain = drain;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting").status(!drain.isDraining()).build();
  }
}
