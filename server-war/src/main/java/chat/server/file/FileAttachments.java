package chat.server.file;

import chat.dto.SharedFile;
import chat.dto.User;
import chat.server.error.ChatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The files a message to be sent carries: each the sender's and not yet sent, at most
 * {@code CHAT_FILES_PER_MESSAGE} of them, each once; the writer then sets them to the stored message
 * in the statement that stores it. Two messages sending one file at once may both pass here: the
 * first stored takes it, and the other's card finds no file (its fetch is {@code not_found}).
 */
@ApplicationScoped
public class FileAttachments {

  private FileStore files;
  private int most;

  protected FileAttachments() {}

  @Inject
  FileAttachments(FileStore files, @ConfigProperty(name = "chat.files.per.message", defaultValue = "10") int most) {
    this.files = files;
    this.most = most;
  }

  /** The files of {@code ids}, in their order, or {@code invalid_request} naming what is wrong; none for null. */
  public List<SharedFile> sendable(User sender, List<Long> ids, String clientId) {
    if (ids == null || ids.isEmpty()) {
      return List.of();
    }
    if (ids.size() > most) {
      throw ChatException.invalid("a message carries at most " + most + " files");
    }
    if (ids.contains(null) || new HashSet<>(ids).size() != ids.size()) {
      throw ChatException.invalid("'files' names each file once, by its id");
    }
    Map<Long, SharedFile> found =
        files.sendable(sender.id(), ids, clientId).stream().collect(Collectors.toMap(SharedFile::id, Function.identity()));
    for (Long id : ids) {
      if (!found.containsKey(id)) {
        throw ChatException.invalid("file " + id + " is not an upload of yours waiting to be sent");
      }
    }
    return ids.stream().map(found::get).toList();
  }
}
