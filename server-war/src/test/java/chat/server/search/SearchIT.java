package chat.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Authenticated;
import chat.dto.ClientFrame;
import chat.dto.CreateRoom;
import chat.dto.ErrorBody;
import chat.dto.Message;
import chat.dto.SearchResults;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search across two nodes (docs/protocol.md, "Working with messages"): what is posted through one node
 * is found through the other, only in what the caller may read, without deleted messages or blocked
 * senders, ranked and paged, with its words marked.
 */
@ExtendWith(SharedTwoNodes.class)
class SearchIT {

  private static ChatHttp a;
  private static ChatHttp b;

  @BeforeAll
  static void useTheSharedCluster(TwoNodes shared) {
    a = new ChatHttp(shared.a.uri());
    b = new ChatHttp(shared.b.uri());
  }

  @Test
  void findsOnlyWhatTheCallerMayReadAndNeverDeletedOrBlockedMessages() {
    String word = word();
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    Authenticated cat = a.signUp(Names.unique("cat"), "cat-password");
    String shared = a.createRoom(ann.token(), Names.unique("shared")).name();
    String others = a.createRoom(cat.token(), Names.unique("others")).name();
    String secret = Names.unique("secret");
    assertEquals(201, a.post("/api/rooms", cat.token(), new CreateRoom(secret, true)).status());
    befriend(ann, bob);
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token());
        ChatSocket bobOnB = ChatSocket.connect(b, bob.token());
        ChatSocket catOnA = ChatSocket.connect(a, cat.token())) {
      join(shared, annOnA, bobOnB, catOnA);
      join(others, catOnA);
      join(secret, catOnA);
      Message fromAnn = say(annOnA, shared, "the " + word + " ships on Friday");
      Message fromCat = say(catOnA, shared, "is the " + word + " signed off?");
      say(catOnA, others, word + " in a room bob never joined");
      say(catOnA, secret, word + " in a private room");
      Message gone = say(annOnA, shared, "wrong " + word + " link");
      annOnA.send(new ClientFrame.SendDirectMessage(bob.user().username(), "our " + word + " plan", null, null));
      Message direct = annOnA.nextOf(ServerFrame.DirectMessagePosted.class).message();
      assertEquals(204, a.delete("/api/messages/" + gone.id(), ann.token()).status());
      awaitDeleted(bobOnB, gone.id());

      assertEquals(List.of(direct.id(), fromCat.id(), fromAnn.id()), ids(search(b, bob, word)),
          "bob finds his room's and his conversation's messages, through the other node, newest first at equal rank");
      SearchResults.Found found = search(b, bob, word).results().get(2);
      assertEquals(shared, found.message().room());
      assertEquals(ann.user().username(), found.message().from().username());
      assertEquals(List.of(new SearchResults.Piece("the ", null), new SearchResults.Piece(word, true),
          new SearchResults.Piece(" ships on Friday", null)), found.headline());

      assertEquals(200, b.post("/api/users/block", bob.token(), new UserName(cat.user().username())).status());
      assertEquals(List.of(direct.id(), fromAnn.id()), ids(search(b, bob, word)), "nothing from a user bob blocks");
      assertEquals(List.of(fromAnn.id()), ids(search(a, bob, word, "room=" + shared)), "one room");
      assertEquals(List.of(direct.id(), fromAnn.id()), ids(search(a, bob, word, "from=" + ann.user().username().toUpperCase())));
      assertEquals(List.of(), ids(search(a, bob, word, "from=nobody" + word)), "an unknown sender finds nothing");
      List<Long> cats = ids(search(a, cat, word));
      assertEquals(4, cats.size(), "cat finds her rooms' messages, the private one's included: " + cats);
      assertTrue(!cats.contains(direct.id()), "and not a conversation of others");
    }
  }

  @Test
  void ranksTheBestMatchFirstAndPagesWithACursor() {
    String word = word();
    String other = word();
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    String room = a.createRoom(ann.token(), Names.unique("ranks")).name();
    List<Long> sent = new ArrayList<>();
    try (ChatSocket annOnA = ChatSocket.connect(a, ann.token())) {
      join(room, annOnA);
      Message best = say(annOnA, room, word + " " + other + " " + word + " " + other);
      for (int i = 0; i < 4; i++) {
        sent.add(0, say(annOnA, room, "just " + word + " number " + i + " of a few").id());
      }
      say(annOnA, room, "only " + other + " here");

      SearchResults first = search(b, ann, word, "limit=3");
      assertEquals(best.id(), first.results().get(0).message().id(), "the message with most of the words first");
      assertEquals(sent.subList(0, 2), ids(first).subList(1, 3), "then newest first");
      assertNotNull(first.before());
      SearchResults second = search(a, ann, word, "limit=3", "before=" + first.before());
      assertEquals(sent.subList(2, 4), ids(second), "the rest, once each");
      assertNull(second.before(), "the last page says so");
      assertEquals(List.of(best.id()), ids(search(a, ann, "\"" + word + " " + other + "\"")), "a phrase in quotes");
      assertEquals(List.of(best.id()), ids(search(a, ann, other + " -only")), "a word left out with -");
    }
  }

  @Test
  void refusesBadQueriesWithAClearError() {
    Authenticated ann = a.signUp(Names.unique("ann"), "ann-password");
    String open = a.createRoom(ann.token(), Names.unique("open")).name();
    Authenticated bob = b.signUp(Names.unique("bob"), "bob-password");
    String secret = Names.unique("hidden");
    assertEquals(201, a.post("/api/rooms", ann.token(), new CreateRoom(secret, true)).status());

    assertError(400, "invalid_request", b.get("/api/search", bob.token()));
    assertError(400, "invalid_request", b.get("/api/search?q=%20%20", bob.token()));
    assertError(400, "invalid_request", b.get("/api/search?q=" + "x".repeat(201), bob.token()));
    assertError(400, "invalid_request", b.get("/api/search?q=a%07b", bob.token()));
    assertError(400, "invalid_request", b.get("/api/search?q=a&limit=51", bob.token()));
    assertError(400, "invalid_request", b.get("/api/search?q=a&before=zz-1", bob.token()));
    assertError(404, "not_found", b.get("/api/search?q=a&room=" + secret, bob.token()));
    assertError(403, "forbidden", b.get("/api/search?q=a&room=" + open, bob.token()));
    assertError(401, "unauthorized", b.get("/api/search?q=a", null));
    assertError(400, "invalid_request", b.get("/api/search?q=-spam", bob.token()));
    assertError(400, "invalid_request", b.get("/api/search?q=lunch%20or%20-spam", bob.token()));
    assertEquals(List.of(), search(b, bob, "!! ??").results(), "only signs: nothing to look for");
    assertEquals(List.of(), search(b, bob, "\"unclosed or - &|!(").results(), "no query syntax errors");
  }

  private static SearchResults search(ChatHttp node, Authenticated caller, String words, String... narrowed) {
    String query = "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    HttpReply reply = node.get("/api/search?" + String.join("&", Stream.concat(Stream.of(query), Stream.of(narrowed)).toList()), caller.token());
    assertEquals(200, reply.status(), reply.body());
    return reply.as(SearchResults.class);
  }

  private static void assertError(int status, String code, HttpReply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(code, reply.as(ErrorBody.class).error(), reply.body());
  }

  /** A word no other test writes, so that each test finds only its own messages in the shared cluster. */
  private static String word() {
    return "w" + Names.unique("").replaceAll("[^a-z0-9]", "");
  }

  private static List<Long> ids(SearchResults results) {
    return results.results().stream().map(found -> found.message().id()).toList();
  }

  /** Sends and answers the message as stored, passing over what others said before it in the sender's rooms. */
  private static Message say(ChatSocket from, String room, String text) {
    from.send(new ClientFrame.SendChatMessage(room, text, null, null));
    Message message;
    do {
      message = from.nextOf(ServerFrame.ChatMessagePosted.class).message();
    } while (!message.text().equals(text));
    return message;
  }

  private static void awaitDeleted(ChatSocket socket, long id) {
    ServerFrame.MessageDeleted deleted = socket.nextOf(ServerFrame.MessageDeleted.class);
    assertEquals(id, deleted.id());
  }

  private static void join(String room, ChatSocket... sockets) {
    for (ChatSocket socket : sockets) {
      socket.send(new ClientFrame.JoinRoom(room, null, null, null));
      socket.nextOf(ServerFrame.RoomJoined.class);
    }
  }

  private static void befriend(Authenticated one, Authenticated other) {
    assertEquals(200, a.post("/api/users/add", one.token(), new UserName(other.user().username())).status());
    assertEquals(200, b.post("/api/users/add", other.token(), new UserName(one.user().username())).status());
  }
}
