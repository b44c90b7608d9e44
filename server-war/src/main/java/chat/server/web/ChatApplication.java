package chat.server.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** REST lives under {@code /api}; resources and providers are found by scanning. */
@ApplicationPath("/api")
public class ChatApplication extends Application {}
