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
 * The uploads and downloads a node streams at once, {@code CHAT_FILE_TRANSFERS_AT_ONCE}: each holds a
 * request thread for as long as its bytes take, so clients that send or read slowly, however many
 * users they are, take at most that many of the threads every other request needs. One more is
 * {@code unavailable} at once. Counted around the whole request, its streamed answer included, so a
 * transfer's slot is given back however it ends (a HEAD, which writes no body, too).
 */
@WebFilter(urlPatterns = "/api/files/*")
public class TransfersAtOnce extends HttpFilter {

  @Inject
  @ConfigProperty(name = "chat.file.transfers.at.once", defaultValue = "64")
  int most;

  private Semaphore free;

  @Override
  public void init() {
    free = new Semaphore(most);
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getMethod().equals("DELETE")) {
      chain.doFilter(request, response);
      return;
    }
    if (!free.tryAcquire()) {
      response.setStatus(ErrorCode.UNAVAILABLE.httpStatus());
      response.setHeader("Retry-After", "1");
      response.setContentType("application/json");
      response.getWriter().write(WireJson.toJson(ErrorBody.of(ErrorCode.UNAVAILABLE, "this node is busy with files: try again in a moment")));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      free.release();
    }
  }
}
