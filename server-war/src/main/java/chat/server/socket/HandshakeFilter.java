package chat.server.socket;

import chat.server.account.Tokens;
import chat.server.platform.ChatException;
import chat.dto.ErrorBody;
import chat.dto.WireJson;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a WebSocket handshake without a valid token with a plain HTTP 401 and the contract's error
 * body, before any socket exists.
 */
@WebFilter(urlPatterns = ChatEndpoint.PATH, asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

  @Inject Tokens tokens;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      tokens.verify(request.getParameter("token"));
    } catch (ChatException refused) {
      response.setStatus(refused.code().httpStatus());
      response.setContentType("application/json");
      response.getWriter().write(WireJson.toJson(ErrorBody.of(refused.code(), refused.getMessage())));
      return;
    }
    chain.doFilter(request, response);
  }
}
