package chat.server.social;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.Status;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Friends, direct messages, blocks and deletions between users served by two different nodes. */
@ExtendWith(SharedTwoNodes.class)
class SocialIT {

  private static TwoNodes cluster;
  private static ChatHttp a;
  private static ChatHttp b;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    cluster = shared;
    a = new ChatHttp(cluster.a.uri());
    b = new ChatHttp(cluster.b.uri());
  }

  @Test
  void friendsMadeAcrossNodesMessageEachOtherAndStrangersCannot() {
    Authenticated fay = a.signUp("fay", "fay-password");
    Authenticated gus = b.signUp("gus", "gus-password");
    Authenticated hal = b.signUp("hal", "hal-password");
    try (ChatSocket fayOnA = ChatSocket.connect(a, fay.token());
        ChatSocket gusOnB = ChatSocket.connect(b, gus.token());
        ChatSocket gusOnA = ChatSocket.connect(a, gus.token())) {
      assertEquals(new Status("requested"), add(a, fay, "gus"));
      assertEquals(fay.user(), gusOnB.nextOf(ServerFrame.FriendRequested.class).user());
      AccountOverview gusView = b.get("/api/account", gus.token()).as(AccountOverview.class);
      assertEquals(List.of(fay.user()), gusView.incoming());
      assertEquals(
          List.of(gus.user()), a.get("/api/account", fay.token()).as(AccountOverview.class).outgoing());

      assertEquals(new Status("friends"), add(b, gus, "FAY"));
      assertEquals(gus.user(), fayOnA.nextOf(ServerFrame.FriendAdded.class).user());
      assertEquals(fay.user(), gusOnB.nextOf(ServerFrame.FriendAdded.class).user());
      AccountOverview fayView = a.get("/api/account", fay.token()).as(AccountOverview.class);
      assertEquals(List.of(gus.user()), fayView.friends());
      assertEquals(List.of("gus"), fayView.online(), "gus has sockets open, on B and on A");

      fayOnA.send(new ClientFrame.SendDirectMessage("gus", "hi from A", "dm-1"));
      Message first = fayOnA.nextOf(ServerFrame.DirectMessagePosted.class).message();
      assertEquals("gus", first.to());
      assertNull(first.room());
      assertEquals(first, gusOnB.nextOf(ServerFrame.DirectMessagePosted.class).message());
      assertEquals(first, gusOnA.nextOf(ServerFrame.DirectMessagePosted.class).message());

      gusOnB.send(new ClientFrame.SendDirectMessage("fay", "hi from B", "dm-1"));
      Message reply = gusOnB.nextOf(ServerFrame.DirectMessagePosted.class).message();
      assertEquals(reply, fayOnA.nextOf(ServerFrame.DirectMessagePosted.class).message());

      // A retry is stored once: the original comes back, to the other side too, with its seq (it may
      // never have reached it; clients drop a seq they have).
      fayOnA.send(new ClientFrame.SendDirectMessage("gus", "hi from A", "dm-1"));
      assertEquals(first, fayOnA.nextOf(ServerFrame.DirectMessagePosted.class).message());
      assertEquals(first, gusOnB.nextOf(ServerFrame.DirectMessagePosted.class).message());
      fayOnA.send(new ClientFrame.SendDirectMessage("gus", "and again", "dm-3"));
      Message again = fayOnA.nextOf(ServerFrame.DirectMessagePosted.class).message();
      assertEquals(again, gusOnB.nextOf(ServerFrame.DirectMessagePosted.class).message());

      assertEquals(
          List.of(first, reply, again),
          a.get("/api/dms/gus/messages", fay.token()).asListOf(Message.class));
      assertEquals(
          List.of(reply, again),
          b.get("/api/dms/fay/messages?after=" + first.id(), gus.token()).asListOf(Message.class));

      fayOnA.send(new ClientFrame.SendDirectMessage("hal", "hello stranger", "dm-2"));
      ServerFrame.RequestFailed refused = fayOnA.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("forbidden", refused.code());
      assertEquals("dm-2", refused.ref());
      assertEquals(List.of(), b.get("/api/dms/fay/messages", hal.token()).asListOf(Message.class));

      assertEquals(
          new Status("removed"),
          a.post("/api/users/remove", fay.token(), new UserName("gus")).as(Status.class));
      assertEquals(fay.user(), gusOnB.nextOf(ServerFrame.FriendRemoved.class).user());
      gusOnB.send(new ClientFrame.SendDirectMessage("fay", "still there?", null));
      assertEquals("forbidden", gusOnB.nextOf(ServerFrame.RequestFailed.class).code());
    }
  }

  @Test
  void aBlockOnOneNodeHidesTheBlockedUsersMessagesSentOnTheOther() {
    Authenticated ida = a.signUp("ida", "ida-password");
    Authenticated jon = b.signUp("jon", "jon-password");
    Authenticated kim = b.signUp("kim", "kim-password");
    a.createRoom(ida.token(), "blocking");
    add(a, ida, "jon");
    add(b, jon, "ida");
    try (ChatSocket idaOnA = ChatSocket.connect(a, ida.token());
        ChatSocket jonOnB = ChatSocket.connect(b, jon.token());
        ChatSocket kimOnB = ChatSocket.connect(b, kim.token())) {
      for (ChatSocket socket : List.of(idaOnA, jonOnB, kimOnB)) {
        socket.send(new ClientFrame.JoinRoom("blocking"));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      jonOnB.send(new ClientFrame.SendChatMessage("blocking", "before the block", null));
      Message before = idaOnA.nextOf(ServerFrame.ChatMessagePosted.class).message();
      assertEquals(before, kimOnB.nextOf(ServerFrame.ChatMessagePosted.class).message());

      assertEquals(
          new Status("blocked"),
          a.post("/api/users/block", ida.token(), new UserName("jon")).as(Status.class));
      assertEquals(ida.user(), jonOnB.nextOf(ServerFrame.FriendRemoved.class).user());
      AccountOverview idaView = a.get("/api/account", ida.token()).as(AccountOverview.class);
      assertEquals(List.of(jon.user()), idaView.blocked());
      assertEquals(List.of(), idaView.friends());

      jonOnB.send(new ClientFrame.SendChatMessage("blocking", "after the block", null));
      Message hidden = kimOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      kimOnB.send(new ClientFrame.SendChatMessage("blocking", "from kim", null));
      Message fromKim = kimOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      List<Message> seenByIda = new ArrayList<>();
      Message next;
      do {
        next = idaOnA.nextOf(ServerFrame.ChatMessagePosted.class).message();
        seenByIda.add(next);
      } while (next.id() != fromKim.id());
      assertFalse(seenByIda.contains(hidden), "the blocked user's message reached the blocker");

      List<Long> idasHistory = ids(a.get("/api/rooms/blocking/messages", ida.token()).asListOf(Message.class));
      assertEquals(List.of(fromKim.id()), idasHistory);
      assertEquals(
          List.of(before.id(), hidden.id(), fromKim.id()),
          ids(b.get("/api/rooms/blocking/messages", kim.token()).asListOf(Message.class)));
      assertEquals(403, b.post("/api/users/add", jon.token(), new UserName("ida")).status());

      a.post("/api/users/unblock", ida.token(), new UserName("jon"));
      jonOnB.send(new ClientFrame.SendChatMessage("blocking", "after the unblock", null));
      assertEquals("after the unblock", idaOnA.nextOf(ServerFrame.ChatMessagePosted.class).message().text());
    }
  }

  @Test
  void aDeletionOnOneNodeDisappearsOnTheOtherLiveAndFromHistory() {
    Authenticated lea = a.signUp("lea", "lea-password");
    Authenticated max = b.signUp("max", "max-password");
    Authenticated root = a.logIn(TwoNodes.ADMIN, TwoNodes.ADMIN_PASSWORD);
    a.createRoom(lea.token(), "deleting");
    add(a, lea, "max");
    add(b, max, "lea");
    try (ChatSocket leaOnA = ChatSocket.connect(a, lea.token());
        ChatSocket maxOnB = ChatSocket.connect(b, max.token())) {
      for (ChatSocket socket : List.of(leaOnA, maxOnB)) {
        socket.send(new ClientFrame.JoinRoom("deleting"));
        socket.nextOf(ServerFrame.RoomJoined.class);
      }
      leaOnA.send(new ClientFrame.SendChatMessage("deleting", "regrettable", null));
      Message regrettable = maxOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();
      leaOnA.send(new ClientFrame.SendChatMessage("deleting", "fine", null));
      Message fine = maxOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();

      assertEquals(403, b.delete("/api/messages/" + regrettable.id(), max.token()).status());
      maxOnB.send(new ClientFrame.DeleteMessage(regrettable.id()));
      assertEquals("forbidden", maxOnB.nextOf(ServerFrame.RequestFailed.class).code());

      assertEquals(204, b.delete("/api/messages/" + regrettable.id(), lea.token()).status());
      assertEquals(
          new ServerFrame.MessageDeleted(regrettable.id(), "deleting", null, fine.seq() + 1, regrettable.seq()),
          leaOnA.nextOf(ServerFrame.MessageDeleted.class));
      assertEquals(
          new ServerFrame.MessageDeleted(regrettable.id(), "deleting", null, fine.seq() + 1, regrettable.seq()),
          maxOnB.nextOf(ServerFrame.MessageDeleted.class));
      assertEquals(
          List.of(fine.id()),
          ids(a.get("/api/rooms/deleting/messages", max.token()).asListOf(Message.class)));
      assertEquals(404, a.delete("/api/messages/" + regrettable.id(), lea.token()).status());

      maxOnB.send(new ClientFrame.SendDirectMessage("lea", "a secret", null));
      Message secret = leaOnA.nextOf(ServerFrame.DirectMessagePosted.class).message();
      leaOnA.send(new ClientFrame.DeleteMessage(secret.id()));
      assertEquals("forbidden", leaOnA.nextOf(ServerFrame.RequestFailed.class).code());
      assertEquals(204, a.delete("/api/messages/" + secret.id(), root.token()).status());
      assertEquals(
          new ServerFrame.MessageDeleted(secret.id(), null, "max", secret.seq() + 1, secret.seq()),
          leaOnA.nextOf(ServerFrame.MessageDeleted.class));
      assertEquals(
          new ServerFrame.MessageDeleted(secret.id(), null, "lea", secret.seq() + 1, secret.seq()),
          maxOnB.nextOf(ServerFrame.MessageDeleted.class));
      assertEquals(List.of(), b.get("/api/dms/lea/messages", max.token()).asListOf(Message.class));

      maxOnB.send(new ClientFrame.DeleteMessage(Long.MAX_VALUE / 1024));
      assertEquals("not_found", maxOnB.nextOf(ServerFrame.RequestFailed.class).code());
    }
  }

  private static Status add(ChatHttp node, Authenticated who, String username) {
    return node.post("/api/users/add", who.token(), new UserName(username)).as(Status.class);
  }

  private static List<Long> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }
}
