package chat.desktop.conversation;

import chat.dto.SharedFile;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A file attached to the draft, from the moment it is picked until its message is sent: waiting its
 * turn, uploading (how far), uploaded and not yet sent, or failed with the server's word on why. Its
 * {@link ConversationViewModel} moves it on; the view shows it as a chip above the composer.
 */
public final class Attachment {

  /** Where an attachment is on its way to a message. */
  public enum State {
    /** Waiting for the upload before it to end: one goes at a time. */
    PENDING,
    UPLOADING,
    /** Uploaded, not yet sent: the server holds it for the user's next message. */
    READY,
    /** The upload was refused or broke off; the server keeps nothing of it, and it is never sent. */
    FAILED,
    /** Taken off the draft by the user: its upload stopped, or deleted from the server. */
    CANCELLED,
    /** Sent with a message. */
    SENT
  }

  private final Path path;
  private final String name;
  private final long size;
  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.PENDING);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty problem = new SimpleStringProperty("");
  /** The upload while it runs, to cancel it. */
  private CompletableFuture<SharedFile> upload;
  /**
   * Whether the connection took every byte (written on the HTTP client's threads): the server then
   * stores the file whatever the client does, so a cancel waits for its answer to delete it.
   */
  private volatile boolean allHandedOver;
  /** The file as the server keeps it, once uploaded. */
  private SharedFile file;

  Attachment(Path path, long size) {
    this.path = path;
    this.name = path.getFileName().toString();
    this.size = size;
  }

  public Path path() {
    return path;
  }

  /** The file's name on the user's disk, as it is uploaded: plain text. */
  public String name() {
    return name;
  }

  public long size() {
    return size;
  }

  public ReadOnlyObjectProperty<State> state() {
    return state;
  }

  /** How much of it went, from 0 to 1, while it uploads. */
  public ReadOnlyDoubleProperty progress() {
    return progress;
  }

  /** Why it failed, in words for the user; empty while it did not. */
  public ReadOnlyStringProperty problem() {
    return problem;
  }

  /** Whether its message is waiting for it: not yet uploaded, and not given up. */
  boolean underWay() {
    return state.get() == State.PENDING || state.get() == State.UPLOADING;
  }

  SharedFile file() {
    return file;
  }

  void uploading(CompletableFuture<SharedFile> running) {
    upload = running;
    state.set(State.UPLOADING);
  }

  /** How much the connection took, as it tells it, on its own threads. */
  void handedOver(long bytes, long total) {
    if (bytes >= total) {
      allHandedOver = true;
    }
  }

  void sent(long bytes, long total) {
    if (state.get() == State.UPLOADING && total > 0) {
      progress.set(Math.min(1, (double) bytes / total));
    }
  }

  void ready(SharedFile uploaded) {
    upload = null;
    file = uploaded;
    progress.set(1);
    state.set(State.READY);
  }

  void failed(String why) {
    upload = null;
    problem.set(why);
    state.set(State.FAILED);
  }

  /**
   * Stops its upload if one runs: the connection closes, and the server keeps nothing. One whose bytes
   * all went is left to end, and what the server kept of it is then deleted ({@link
   * ConversationViewModel}).
   */
  void cancel() {
    // Cancelled first: the upload's end, told at once, then finds it so and is not taken for a failure.
    state.set(State.CANCELLED);
    if (upload != null && !allHandedOver) {
      upload.cancel(true);
    }
    upload = null;
  }

  void sentWithMessage() {
    state.set(State.SENT);
  }

  /** Back on the draft, uploaded: its message was refused. */
  void backOnTheDraft() {
    state.set(State.READY);
  }
}
