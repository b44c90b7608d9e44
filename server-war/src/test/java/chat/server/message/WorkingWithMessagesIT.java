package chat.server.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.Emoji;
import chat.dto.Message;
import chat.dto.MessageEdit;
import chat.dto.Reaction;
import chat.dto.Reply;
import chat.dto.ServerFrame;
import chat.dto.UserName;
import chat.server.testing.ChatHttp;
import chat.server.testing.ChatSocket;
import chat.server.testing.HttpReply;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edits, replies and reactions across two nodes (docs/protocol.md, "Working with messages"): each
 * change reaches everyone live on both nodes, history shows the message as it now is, and a client
 * that resumes after a seq learns of the changes it missed as of the messages.
 */
@ExtendWith(SharedTwoNodes.class)
class WorkingWithMessagesIT {

  private static final String THUMBS_UP = "\uD83D\uDC4D";
  private static final String TADA = "\uD83C\uDF89";

  private static ChatHttp a;
  private static ChatHttp b;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
  }

  @Test
  void anEditReachesEveryoneOnBothNodesAndHistoryKeepsTheLatestText() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    String room = a.createRoom(ann.token(), Names.unique("edits")).name();
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token()); ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      join(room, annOnA, bobOnB);
      annOnA.send(new ClientFrame.SendChatMessage(room, "helo wrld", "e-1"));
      Message typo = bobOnB.nextOf(ServerFrame.ChatMessagePosted.class).message();

      bobOnB.send(new ClientFrame.EditMessage(typo.id(), "mine now"));
      assertEquals("forbidden", bobOnB.nextOf(ServerFrame.RequestFailed.class).code(), "only the author edits");
      annOnA.send(new ClientFrame.EditMessage(typo.id(), "hello world, @" + bob.user().username()));
      Message edited = bobOnB.nextOf(ServerFrame.MessageUpdated.class).message();
      assertEquals("hello world, @" + bob.user().username(), edited.text());
      assertEquals(typo.seq(), edited.seq());
      assertEquals(typo.seq() + 1, edited.changedSeq(), "an edit takes the room's next seq");
      assertNotNull(edited.editedAt());
      assertEquals(List.of(bob.user().username()), edited.mentions(), "mentions are found again");
      assertEquals(edited, annOnA.nextOf(ServerFrame.MessageUpdated.class).message(), "the author's devices too");

      HttpReply again = b.patch("/api/messages/" + typo.id(), ann.token(), new MessageEdit("hello, world"));
      assertEquals(200, again.status(), again.body());
      assertEquals(typo.seq() + 2, again.as(Message.class).changedSeq());
      Message inHistory = a.get("/api/rooms/" + room + "/messages", bob.token()).asListOf(Message.class).get(0);
      assertEquals("hello, world", inHistory.text());
      assertNull(inHistory.mentions());
      assertNotNull(inHistory.editedAt());

      assertEquals(400, a.patch("/api/messages/" + typo.id(), ann.token(), new MessageEdit(" ")).status());
      assertEquals(413, a.patch("/api/messages/" + typo.id(), ann.token(), new MessageEdit("x".repeat(2001))).status());
      assertEquals(400, a.patchRaw("/api/messages/" + typo.id(), ann.token(), "{}").status());
      assertEquals(204, a.delete("/api/messages/" + typo.id(), ann.token()).status());
      assertEquals(404, b.patch("/api/messages/" + typo.id(), ann.token(), new MessageEdit("too late")).status());
      annOnA.send(new ClientFrame.EditMessage(typo.id(), "too late"));
      assertEquals("not_found", annOnA.nextOf(ServerFrame.RequestFailed.class).code());
    }
  }

  @Test
  void aClientResumingAfterASeqLearnsOfTheEditsReactionsAndDeletionsItMissed() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    String room = a.createRoom(ann.token(), Names.unique("resumed")).name();
    Message first;
    Message second;
    Message third;
    Message fourth;
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      join(room, annOnA, catOnB);
      try (ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
        join(room, bobOnB);
        first = send(annOnA, bobOnB, room, "first");
        second = send(annOnA, bobOnB, room, "second");
        third = send(annOnA, bobOnB, room, "third");
      }
      // Bob is away: every one of these takes a seq of the room.
      annOnA.send(new ClientFrame.EditMessage(first.id(), "first, edited"));
      catOnB.nextOf(ServerFrame.MessageUpdated.class);
      annOnA.nextOf(ServerFrame.MessageUpdated.class);
      catOnB.send(new ClientFrame.React(second.id(), THUMBS_UP, true));
      assertNotNull(annOnA.nextOf(ServerFrame.MessageUpdated.class).reacted(), "the reaction is stored before the deletion");
      assertEquals(204, a.delete("/api/messages/" + third.id(), ann.token()).status());
      catOnB.nextOf(ServerFrame.MessageDeleted.class);
      fourth = send(annOnA, catOnB, room, "fourth");
      annOnA.send(new ClientFrame.EditMessage(first.id(), "first, edited twice"));
      catOnB.nextOf(ServerFrame.MessageUpdated.class);
    }
    try (ChatSocket bobOnA = ChatSocket.connect(a, bob.token())) {
      bobOnA.send(ClientFrame.JoinRoom.changesAfter(room, third.seq()));
      List<Message> caughtUp = bobOnA.nextOf(ServerFrame.RoomJoined.class).history();
      assertEquals(List.of(second.id(), third.id(), fourth.id(), first.id()), ids(caughtUp), "in the order of the changes");
      assertEquals(List.of(5L, 6L, 7L, 8L), caughtUp.stream().map(Message::latestSeq).toList(), "seq 4 was overtaken by 8");
      assertEquals(List.of(new Reaction(THUMBS_UP, 1, List.of(cat.user().username()), null)), caughtUp.get(0).reactions());
      assertTrue(caughtUp.get(1).isDeleted(), "a message deleted since comes as a tombstone");
      assertNull(caughtUp.get(1).text());
      assertEquals(room, caughtUp.get(1).room());
      assertEquals("first, edited twice", caughtUp.get(3).text());
    }
    List<Message> firstPage =
        b.get("/api/rooms/" + room + "/messages?changes=true&afterSeq=" + third.seq() + "&limit=2", bob.token()).asListOf(Message.class);
    assertEquals(List.of(second.id(), third.id()), ids(firstPage));
    List<Message> nextPage =
        b.get("/api/rooms/" + room + "/messages?changes=true&afterSeq=" + firstPage.get(1).latestSeq() + "&limit=2", bob.token())
            .asListOf(Message.class);
    assertEquals(List.of(8L), nextPage.stream().filter(m -> m.id() == first.id()).map(Message::latestSeq).toList());
    assertEquals(2, nextPage.size(), "paging on from the last number a page carries");
    assertEquals(
        List.of(first.id(), second.id(), nextPage.get(0).id()),
        ids(a.get("/api/rooms/" + room + "/messages", bob.token()).asListOf(Message.class)),
        "history leaves the deleted one out, and keeps id order");
  }

  @Test
  void aReplyCarriesWhatItAnswersAndShowsWhenThatWasDeleted() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    String room = a.createRoom(ann.token(), Names.unique("replies")).name();
    String elsewhere = a.createRoom(ann.token(), Names.unique("elsewhere")).name();
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token()); ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      join(room, annOnA, bobOnB);
      join(elsewhere, annOnA);
      String long_ = "a question that goes on ".repeat(20);
      Message question = send(annOnA, bobOnB, room, long_);
      bobOnB.send(new ClientFrame.SendChatMessage(room, "an answer", "r-1", question.id()));
      Message answer = annOnA.nextOf(ServerFrame.ChatMessagePosted.class).message();
      Reply quoted = answer.replyTo();
      assertEquals(question.id(), quoted.id());
      assertEquals(question.seq(), quoted.seq());
      assertEquals(ann.user().username(), quoted.from().username());
      assertEquals(long_.substring(0, Reply.EXCERPT), quoted.text(), "the first 200 characters");

      annOnA.send(new ClientFrame.SendChatMessage(elsewhere, "crossed", "r-2", question.id()));
      ServerFrame.RequestFailed crossed = annOnA.nextOf(ServerFrame.RequestFailed.class);
      assertEquals("invalid_request", crossed.code(), "a reply answers a message of its own room");
      assertEquals("r-2", crossed.ref());
      annOnA.send(new ClientFrame.SendChatMessage(room, "to nothing", "r-3", Long.MAX_VALUE / 1024));
      assertEquals("invalid_request", annOnA.nextOf(ServerFrame.RequestFailed.class).code());

      assertEquals(204, a.delete("/api/messages/" + question.id(), ann.token()).status());
      Message read = b.get("/api/rooms/" + room + "/messages", bob.token()).asListOf(Message.class).get(0);
      assertEquals(new Reply(question.id(), question.seq(), read.replyTo().from(), null, true), read.replyTo());
    }
  }

  @Test
  void directMessagesTakeRepliesEditsAndReactionsBetweenTheTwoOnly() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated eve = b.signUp(Names.unique("eve"), "eve-password");
    befriend(ann, bob);
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token()); ChatSocket bobOnB = ChatSocket.connect(b, bob.token())) {
      annOnA.send(new ClientFrame.SendDirectMessage(bob.user().username(), "lunch?", "d-1"));
      Message lunch = bobOnB.nextOf(ServerFrame.DirectMessagePosted.class).message();
      annOnA.nextOf(ServerFrame.DirectMessagePosted.class);
      bobOnB.send(new ClientFrame.SendDirectMessage(ann.user().username(), "yes", "d-2", lunch.id()));
      assertEquals(lunch.id(), annOnA.nextOf(ServerFrame.DirectMessagePosted.class).message().replyTo().id());
      annOnA.send(new ClientFrame.EditMessage(lunch.id(), "lunch at noon?"));
      assertEquals("lunch at noon?", bobOnB.nextOf(ServerFrame.MessageUpdated.class).message().text());
      annOnA.nextOf(ServerFrame.MessageUpdated.class);
      bobOnB.send(new ClientFrame.React(lunch.id(), TADA, true));
      assertEquals(
          new ServerFrame.Reacted(bob.user().username(), TADA, true), annOnA.nextOf(ServerFrame.MessageUpdated.class).reacted());
      assertEquals(404, b.put(reaction(lunch.id(), TADA), eve.token()).status(), "eve cannot see their conversation");
      assertEquals(404, b.patch("/api/messages/" + lunch.id(), eve.token(), new MessageEdit("mine")).status(),
          "nor learn that the message exists");
      assertEquals(404, b.delete("/api/messages/" + lunch.id(), eve.token()).status());
    }
  }

  @Test
  void reactionsCountWhoReactedOncePerEmojiAndUser() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    Authenticated eve = a.signUp(Names.unique("eve"), "eve-password");
    String room = a.createRoom(ann.token(), Names.unique("reactions")).name();
    List<Emoji> known = a.get("/api/emoji", null).asListOf(Emoji.class);
    assertTrue(known.contains(new Emoji("thumbsup", THUMBS_UP)), known.toString());
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket bobOnB = ChatSocket.connect(b, bob.token());
        ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      join(room, annOnA, bobOnB, catOnB);
      Message liked = send(annOnA, bobOnB, room, "lunch is on me");

      bobOnB.send(new ClientFrame.React(liked.id(), THUMBS_UP, true));
      ServerFrame.MessageUpdated bobs = annOnA.nextOf(ServerFrame.MessageUpdated.class);
      assertEquals(new ServerFrame.Reacted(bob.user().username(), THUMBS_UP, true), bobs.reacted());
      HttpReply catReacts = b.put(reaction(liked.id(), THUMBS_UP), cat.token());
      assertEquals(200, catReacts.status(), catReacts.body());
      assertEquals(Boolean.TRUE, catReacts.as(Message.class).reactions().get(0).mine(), "the answer is read for the caller");
      List<Reaction> two = List.of(new Reaction(THUMBS_UP, 2, List.of(bob.user().username(), cat.user().username()), null));
      assertEquals(two, annOnA.nextOf(ServerFrame.MessageUpdated.class).message().reactions());
      bobOnB.send(new ClientFrame.React(liked.id(), THUMBS_UP, true));
      bobOnB.sync();
      annOnA.sync();
      assertEquals(two, liked(room, ann).reactions(), "one of each emoji per user");
      assertEquals(Boolean.TRUE, liked(room, bob).reactions().get(0).mine(), "history says which reactions are the reader's");

      assertEquals(200, a.delete(reaction(liked.id(), THUMBS_UP), bob.token()).status());
      assertEquals(
          List.of(new Reaction(THUMBS_UP, 1, List.of(cat.user().username()), null)),
          annOnA.nextOf(ServerFrame.MessageUpdated.class).message().reactions());

      assertEquals(400, a.put(reaction(liked.id(), "x"), bob.token()).status(), "only the emoji of the list");
      Message crowded = send(annOnA, bobOnB, room, "react to me");
      for (Emoji emoji : known.subList(0, 20)) {
        assertEquals(200, b.put(reaction(crowded.id(), emoji.emoji()), cat.token()).status());
      }
      HttpReply oneMore = b.put(reaction(crowded.id(), known.get(20).emoji()), bob.token());
      assertEquals(400, oneMore.status(), "at most 20 different emoji on a message: " + oneMore.body());
      assertEquals(200, b.put(reaction(crowded.id(), known.get(0).emoji()), bob.token()).status(), "one already there still may");
      HttpReply outsider = a.put(reaction(liked.id(), THUMBS_UP), eve.token());
      assertEquals(403, outsider.status(), outsider.body());
      bobOnB.send(new ClientFrame.React(liked.id(), THUMBS_UP, null));
      assertEquals("invalid_request", bobOnB.nextOf(ServerFrame.RequestFailed.class).code());
    }
  }

  @Test
  void whatIsReadForABlockerLeavesOutTheBlockedUsersReactionsAndTheTextTheirMessagesAreQuotedWith() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = b.signUp(Names.unique("cat"), "cat-password");
    String room = a.createRoom(ann.token(), Names.unique("blocks")).name();
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket bobOnB = ChatSocket.connect(b, bob.token());
        ChatSocket catOnB = ChatSocket.connect(b, cat.token())) {
      join(room, annOnA, bobOnB, catOnB);
      Message annsOwn = send(annOnA, catOnB, room, "a plan");
      Message bobs = send(bobOnB, catOnB, room, "something ann would rather not read");
      catOnB.send(new ClientFrame.SendChatMessage(room, "quoting bob", "q-1", bobs.id()));
      catOnB.nextOf(ServerFrame.ChatMessagePosted.class);
      assertEquals(200, a.post("/api/users/block", ann.token(), new UserName(bob.user().username())).status());
      assertEquals(200, b.put(reaction(annsOwn.id(), THUMBS_UP), bob.token()).status());
      assertEquals(200, b.put(reaction(annsOwn.id(), TADA), cat.token()).status());
    }
    List<Message> asAnnSeesIt = a.get("/api/rooms/" + room + "/messages", ann.token()).asListOf(Message.class);
    assertEquals(List.of(new Reaction(TADA, 1, List.of(cat.user().username()), null)), asAnnSeesIt.get(0).reactions(),
        "bob's reaction is left out for ann");
    Reply quote = asAnnSeesIt.get(1).replyTo();
    assertNull(quote.text(), "the quote of bob's message, without its text");
    assertEquals(2, a.get("/api/rooms/" + room + "/messages", cat.token()).asListOf(Message.class).get(0).reactions().size(),
        "cat, who blocks no one, sees both");
  }

  private static Message liked(String room, Authenticated reader) {
    return a.get("/api/rooms/" + room + "/messages", reader.token()).asListOf(Message.class).get(0);
  }

  private static String reaction(long messageId, String emoji) {
    return "/api/messages/" + messageId + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8);
  }

  private static void befriend(Authenticated one, Authenticated other) {
    assertEquals(200, a.post("/api/users/add", one.token(), new UserName(other.user().username())).status());
    assertEquals(200, b.post("/api/users/add", other.token(), new UserName(one.user().username())).status());
  }

  private static void join(String room, ChatSocket... sockets) {
    for (ChatSocket socket : sockets) {
      socket.send(new ClientFrame.JoinRoom(room));
      socket.nextOf(ServerFrame.RoomJoined.class);
    }
  }

  /** Sends from one socket and answers the message as another one got it; the sender's copy is taken too. */
  private static Message send(ChatSocket from, ChatSocket to, String room, String text) {
    from.send(new ClientFrame.SendChatMessage(room, text, null));
    from.nextOf(ServerFrame.ChatMessagePosted.class);
    return to.nextOf(ServerFrame.ChatMessagePosted.class).message();
  }

  private static List<Long> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }
}
