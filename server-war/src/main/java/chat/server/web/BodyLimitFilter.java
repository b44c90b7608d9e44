package chat.server.web;

import chat.dto.ErrorBody;
import chat.dto.ErrorCode;
import chat.dto.WireJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * REST bodies are small JSON objects: one past {@link #MAX_BYTES} is refused with 413 before anything
 * parses it. A declared length is checked at once; a body without one (chunked) is counted as it is
 * read, and reading past the limit fails with {@link TooLarge}, which the error mapping answers 413.
 * An upload's file ({@code POST /api/files}) has a limit of its own, which the upload keeps.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {

  static final int MAX_BYTES = 64 * 1024;
  static final String REFUSAL = "a request body is at most " + MAX_BYTES + " bytes";

  /** Thrown while reading a body past the limit. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super(REFUSAL, null);
    }
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isUpload(request)) {
      // A file's bytes: the upload counts them against the file's own limit as it streams them.
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      refuse(response);
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request) : request, response);
  }

  private static boolean isUpload(HttpServletRequest request) {
    return request.getMethod().equals("POST") && request.getRequestURI().equals(request.getContextPath() + "/api/files");
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.httpStatus());
    response.setContentType("application/json");
    response.getWriter()
        .write(WireJson.toJson(ErrorBody.of(ErrorCode.PAYLOAD_TOO_LARGE, REFUSAL)));
  }

  /** A request whose body stops at the limit. */
  private static final class Counted extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    Counted(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInput(super.getInputStream());
      }
      return limited;
    }
  }

  /** Counts what is read, and fails the read that goes past the limit. */
  static final class LimitedInput extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    LimitedInput(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > MAX_BYTES) {
        throw new TooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
