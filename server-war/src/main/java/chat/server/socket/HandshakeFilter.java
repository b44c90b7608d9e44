package chat.server.socket;

import chat.dto.ErrorBody;
import chat.dto.WireJson;
import chat.server.access.AddressKey;
import chat.server.access.BanList;
import chat.server.access.ClientAddress;
import chat.server.access.SeenAddresses;
import chat.server.account.Tokens;
import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.ratelimit.RateLimited;
import chat.server.ratelimit.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;
import java.security.Principal;
import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;

/**
 * Refuses a WebSocket handshake with a plain HTTP answer and the contract's error body before any
 * socket exists: 403 for a page of a foreign origin, 400 for a token in the URL, 401 without a valid token (see {@link SocketToken}), 403 for a banned user or
 * address, 503 while the node is cut off from the cluster. Notes the address of each user let in, for address bans, and hands the user and address on
 * to the socket ({@link CheckedHandshake}).
 */
@WebFilter(urlPatterns = ChatEndpoint.PATH, asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

  @Inject Tokens tokens;
  @Inject BanList bans;
  @Inject ClientAddress addresses;
  @Inject SeenAddresses seen;
  @Inject RateLimits limits;
  @Inject OriginCheck origins;
  @Inject Isolation isolation;
  @Inject ChatConfig config;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    CheckedHandshake checked;
    try {
      origins.check(request);
      isolation.check();
      String address = addresses.of(request);
      limits.connections().acquire(AddressKey.of(address));
      Tokens.Valid token = tokens.verify(SocketToken.of(request));
      bans.checkAddressOf(token.user(), address);
      seen.note(token.user(), address);
      checked = new CheckedHandshake(token, address);
    } catch (ChatException refused) {
      response.setStatus(refused.code().httpStatus());
      if (refused instanceof RateLimited limited) {
        response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
      }
      response.setContentType("application/json");
      response.getWriter().write(WireJson.toJson(ErrorBody.of(refused.code(), refused.getMessage())));
      return;
    }
    chain.doFilter(carrying(request, checked, config.maxFrameBytes()), response);
  }

  /**
   * The container hands the request's user principal to the socket's session, and upgrades it with
   * its own handler made to refuse a frame larger than {@code maxFrameBytes} at its header.
   */
  private static HttpServletRequest carrying(HttpServletRequest request, CheckedHandshake checked, int maxFrameBytes) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return checked;
      }

      @Override
      public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
        if (handlerClass != TyrusHttpUpgradeHandler.class) {
          return super.upgrade(handlerClass);
        }
        FrameLimitHandler handler = super.upgrade(FrameLimitHandler.class);
        handler.limitFramesTo(maxFrameBytes);
        return handlerClass.cast(handler);
      }
    };
  }
}
