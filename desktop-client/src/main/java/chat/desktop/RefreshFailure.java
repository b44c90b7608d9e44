package chat.desktop;

import javafx.beans.property.StringProperty;

/**
 * Shows why a periodic refresh failed in a screen's notice line, and takes it away once a refresh
 * succeeds again: "unreachable" from while the server was away is stale then. A notice set since by
 * something else (an action's result) is left alone.
 */
public final class RefreshFailure {

  private final StringProperty notice;
  private String shown;

  public RefreshFailure(StringProperty notice) {
    this.notice = notice;
  }

  public void failed(Exception failure) {
    shown = Problems.describe(failure);
    notice.set(shown);
  }

  public void succeeded() {
    if (notice.get().equals(shown)) {
      notice.set("");
    }
  }
}
