package chat.server.file;

import chat.dto.ErrorBody;
import chat.dto.ErrorCode;
import chat.dto.WireJson;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The uploads and downloads a node streams at once, {@code CHAT_FILE_TRANSFERS_AT_ONCE} in all and
 * {@code CHAT_FILE_TRANSFERS_PER_TOKEN} for one token: each holds a request thread for as long as its
 * bytes take, so clients that send or read slowly take at most that many of the threads every other
 * request needs, and one session cannot take them all. One more is {@code unavailable} at once.
 * Counted around the whole request, its streamed answer included, so a transfer's slot is given back
 * however it ends (a HEAD, which writes no body, too). A token is counted as it is sent, before it is
 * checked: one that is not valid is refused behind this, and counts for itself alone.
 */
@WebFilter(urlPatterns = "/api/files/*")
public class TransfersAtOnce extends HttpFilter {

  @Inject
  @ConfigProperty(name = "chat.file.transfers.at.once", defaultValue = "64")
  int most;

  @Inject
  @ConfigProperty(name = "chat.file.transfers.per.token", defaultValue = "8")
  int mostPerToken;

  private Semaphore free;
  private AtOnce<String> byToken;

  @Override
  public void init() {
    free = new Semaphore(most);
    byToken = new AtOnce<>(mostPerToken);
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getMethod().equals("DELETE")) {
      chain.doFilter(request, response);
      return;
    }
    String token = String.valueOf(request.getHeader("Authorization"));
    if (!byToken.take(token)) {
      refuse(response, "at most " + mostPerToken + " files come or go at once for one session");
      return;
    }
    try {
      if (!free.tryAcquire()) {
        refuse(response, "this node is busy with files: try again in a moment");
        return;
      }
      try {
        chain.doFilter(request, response);
      } finally {
        free.release();
      }
    } finally {
      byToken.giveBack(token);
    }
  }

  private static void refuse(HttpServletResponse response, String why) throws IOException {
    response.setStatus(ErrorCode.UNAVAILABLE.httpStatus());
    response.setHeader("Retry-After", "1");
    response.setContentType("application/json");
    response.getWriter().write(WireJson.toJson(ErrorBody.of(ErrorCode.UNAVAILABLE, why)));
  }
}
