package chat.server.emoji;

import chat.dto.Emoji;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/emoji}, for anyone: the same for every user, like the limits. */
@ApplicationScoped
@Path("emoji")
@Produces(MediaType.APPLICATION_JSON)
public class EmojiResource {

  private EmojiList emoji;

  protected EmojiResource() {}

  @Inject
  EmojiResource(EmojiList emoji) {
    this.emoji = emoji;
  }

  @GET
  public List<Emoji> emoji() {
    return emoji.all();
  }
}
