package chat.server.web;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Has the JSON-B codec looked up once, alone, before the first body is read or written. Payara's own
 * resolver of it (org.glassfish.weld.JaxRSJsonContextResolver) sets itself up at its first lookup, in
 * lists it shares without a lock: on a node just started, whose clients all came back at once, two first
 * bodies failed one with a ConcurrentModificationException, answered 500 (found by the chaos soak in a
 * rolling restart). Only the lookup waits its turn, never a body on its way to a slow client; once done,
 * this costs a volatile read.
 */
@Provider
public class FirstBodiesInTurn implements ReaderInterceptor, WriterInterceptor {

  private static final Object TURN = new Object();
  private static volatile boolean setUp;

  @Context Providers providers;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
    setUpOnce(context.getType());
    return context.proceed();
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
    setUpOnce(context.getType());
    context.proceed();
  }

  private void setUpOnce(Class<?> type) {
    if (setUp) {
      return;
    }
    synchronized (TURN) {
      if (!setUp) {
        ContextResolver<Jsonb> codec = providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
        if (codec != null) {
          codec.getContext(type);
        }
        setUp = true;
      }
    }
  }
}
