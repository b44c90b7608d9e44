package chat.server.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the node drains before stopping, or while it is cut off from the cluster. */
@Readiness
@ApplicationScoped
public class AcceptingReadiness implements HealthCheck {

  private Drain drain;
  private Isolation isolation;

  protected AcceptingReadiness() {}

  @Inject
  AcceptingReadiness(Drain drain, Isolation isolation) {
    this.drain = drain;
    this.isolation = isolation;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting")
        .status(!drain.isDraining() && !isolation.isIsolated())
        .build();
  }
}
