package chat.server.file;

import chat.dto.SharedFile;
import chat.server.account.Caller;
import chat.server.account.RequiresUser;
import chat.server.input.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code /api/files}: uploads, fetches and deletions of files (docs/protocol.md, "Files"). A fetch is
 * served so that a browser runs nothing of it: only pictures keep their type, everything else is a
 * download, never sniffed, sandboxed, and never cached.
 */
@ApplicationScoped
@Path("files")
@RequiresUser
public class FilesResource {

  /** The types a browser shows as a picture and nothing more (SVG, which may hold scripts, is not one). */
  private static final Set<String> SHOWN_AS_PICTURES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private UploadService uploads;
  private FileService files;

  protected FilesResource() {}

  @Inject
  FilesResource(UploadService uploads, FileService files) {
    this.uploads = uploads;
    this.files = files;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response upload(
      @QueryParam("name") String name,
      InputStream body,
      @Context HttpServletRequest request,
      @Context SecurityContext security) {
    SharedFile file = uploads.upload(Caller.of(security), name, request.getContentLengthLong(), body);
    return Response.status(Response.Status.CREATED).entity(file).build();
  }

  @GET
  @Path("{id}")
  public Response fetch(@PathParam("id") String id, @Context SecurityContext security) {
    FileService.Download download = files.open(Caller.of(security), QueryParams.optionalLong("id", id));
    SharedFile file = download.file();
    boolean picture = SHOWN_AS_PICTURES.contains(file.type());
    Response.ResponseBuilder answer =
        served(download, picture ? file.type() : MediaType.APPLICATION_OCTET_STREAM).header("Content-Length", file.size());
    if (!picture) {
      answer.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded(file.name()));
    }
    return answer.build();
  }

  @GET
  @Path("{id}/preview")
  public Response preview(@PathParam("id") String id, @Context SecurityContext security) {
    return served(files.openPreview(Caller.of(security), QueryParams.optionalLong("id", id)), "image/jpeg").build();
  }

  /** Bytes streamed as they are read from the store, with what keeps a browser from running or keeping them. */
  private static Response.ResponseBuilder served(FileService.Download download, String type) {
    StreamingOutput body =
        out -> {
          try (InputStream in = download.bytes().get()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, type)
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "private, no-store");
  }

  @DELETE
  @Path("{id}")
  public void delete(@PathParam("id") String id, @Context SecurityContext security) {
    files.deleteUnsent(Caller.of(security), QueryParams.optionalLong("id", id));
  }

  /** RFC 5987's percent-encoding of a name: every byte outside the few it leaves as they are. */
  private static String encoded(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
