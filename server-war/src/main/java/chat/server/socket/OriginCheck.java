package chat.server.socket;

import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a WebSocket handshake from a web page of another site (cross-site WebSocket hijacking): a
 * browser names the page's origin on every handshake, and only the page's own origin (the host the
 * request was sent to) and the configured {@code CHAT_ALLOWED_ORIGINS} are let in. A handshake without
 * an {@code Origin} comes from a program, not from a page, and is not concerned.
 */
@ApplicationScoped
public class OriginCheck {

  private static final String ANY = "*";

  private Set<String> allowed;

  protected OriginCheck() {}

  @Inject
  OriginCheck(ChatConfig config) {
    this(config.allowedOrigins());
  }

  OriginCheck(Set<String> allowed) {
    this.allowed = allowed.stream().map(OriginCheck::normalised).collect(Collectors.toSet());
  }

  public void check(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (!allows(origin, request.getHeader("Host"))) {
      throw ChatException.forbidden("pages from " + origin + " may not open a WebSocket here");
    }
  }

  /** {@code origin} and {@code host} as the handshake's headers have them, either maybe absent. */
  boolean allows(String origin, String host) {
    return origin == null || allowed.contains(ANY) || allowed.contains(normalised(origin)) || sameHost(origin, host);
  }

  /** Compares host and port only: behind a load balancer that ends TLS the schemes differ. */
  private static boolean sameHost(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException notAUri) {
      return false; // "null" from a sandboxed page, or garbage
    }
  }

  private static String normalised(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
