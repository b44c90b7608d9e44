package chat.desktop.friends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.client.ChatApiException;
import chat.desktop.Ui;
import chat.dto.AccountOverview;
import chat.dto.Role;
import chat.dto.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FriendsViewModelTest {

  private static final User ME = User.of(1, "ann", Role.USER);
  private static final User BOB = User.of(2, "bob", Role.USER);
  private static final User CY = User.of(3, "cy", Role.USER);

  private List<String> online = List.of("bob");
  private boolean serverAway;
  private final List<String> opened = new ArrayList<>();
  private final FriendsViewModel friends =
      new FriendsViewModel(
          new FriendActions() {
            @Override
            public AccountOverview account() {
              if (serverAway) {
                throw new ChatApiException(0, ChatApiException.UNREACHABLE, "cannot reach the server", null);
              }
              return new AccountOverview(ME, List.of(BOB, CY), List.of(), List.of(), List.of(), online);
            }

            @Override
            public String addFriend(String username) {
              return "requested";
            }

            @Override
            public String removeFriend(String username) {
              return "removed";
            }

            @Override
            public String block(String username) {
              return "blocked";
            }

            @Override
            public String unblock(String username) {
              return "unblocked";
            }
          },
          Ui.inline(),
          opened::add);

  @Test
  void aRefreshFollowsWhoIsOnlineAndKeepsTheUnreadCounts() {
    friends.refresh();
    friends.directMessageArrived("cy", false);
    friends.directMessageArrived("cy", false);

    online = List.of("cy");
    friends.refresh();

    assertEquals(List.of(new FriendItem(BOB, false, 0), new FriendItem(CY, true, 2)), friends.friends());
    assertEquals(2, friends.unread().get());
  }

  @Test
  void aFailedRefreshSaysSoUntilOneSucceeds() {
    serverAway = true;
    friends.refresh();
    assertEquals("The server is unreachable. Check the address, or try again later.", friends.notice().get());

    serverAway = false;
    friends.refresh();
    assertEquals("", friends.notice().get());
    assertEquals(2, friends.friends().size());
  }

  @Test
  void aRefreshLeavesTheNoticeOfAnActionAlone() {
    friends.add("dave");
    friends.refresh();
    assertEquals("Asked dave to be friends.", friends.notice().get());
  }

  @Test
  void openingAConversationClearsItsUnreadCount() {
    friends.refresh();
    friends.directMessageArrived("bob", false);
    friends.directMessageArrived("bob", true);
    assertEquals(1, friends.unread().get());

    friends.message("bob");

    assertEquals(0, friends.unread().get());
    assertEquals(List.of("bob"), opened);
  }

  @Test
  void saysWhatAnActionDid() {
    friends.newFriend().set(" ");
    friends.add();
    assertEquals("Whom? Type a username.", friends.notice().get());

    friends.newFriend().set("dee");
    friends.add();
    assertEquals("Asked dee to be friends.", friends.notice().get());
    assertEquals("", friends.newFriend().get());
  }
}
