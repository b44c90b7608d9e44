package chat.server.web;

import chat.server.config.NodeIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Names the node on every response, before anything can commit it, so sticky sessions can be seen. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NodeHeaderFilter extends HttpFilter {

  public static final String HEADER = "X-Chat-Node";

  @Inject NodeIdentity node;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(HEADER, node.name());
    chain.doFilter(request, response);
  }
}
