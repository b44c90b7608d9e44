package chat.desktop.conversation;

import chat.client.Channel;
import chat.client.ChatApi;
import chat.dto.Emoji;
import chat.dto.MemberPage;
import chat.dto.Message;
import chat.dto.SharedFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** What a conversation asks of the server. */
public interface ConversationActions {

  /**
   * Sends {@code text} with {@code files} (uploads not yet sent, none when empty), answering the message
   * {@code replyTo} (null for none); returns the clientId its acknowledgement or refusal will carry.
   */
  String send(Channel channel, String text, Long replyTo, List<Long> files);

  /**
   * Starts uploading the file at {@code path}, streamed from the disk, telling {@code progress} (on any
   * thread) how much went; returns at once. Cancelling the future stops it, and the server keeps nothing.
   */
  CompletableFuture<SharedFile> upload(Path path, ChatApi.Progress progress);

  /** Deletes an upload of the user's not yet sent. */
  void deleteUpload(long fileId);

  /** A file's bytes as they come; the caller closes them. */
  InputStream file(long fileId);

  /** A picture's thumbnail (a JPEG, at most 320 pixels on its longer side); the caller closes it. */
  InputStream preview(long fileId);

  /** The server's page of messages before {@code beforeId} (the newest when null), ascending. */
  List<Message> history(Channel channel, Long beforeId);

  /** How many messages the server puts in a page, as its welcome said; empty before the first welcome. */
  OptionalInt historyPage();

  void delete(long messageId);

  /** The author's new text: the message as it now is. */
  Message edit(long messageId, String text);

  /** Adds ({@code on}) or takes back the user's {@code emoji}: the message as it now is. */
  Message react(long messageId, String emoji, boolean on);

  /** The emoji reactions may be, in the picker's order. */
  List<Emoji> emoji();

  /**
   * A page of the room's members by username after {@code after} (null: from the first), with their
   * roles, who is online and, for a moderator, their silences.
   */
  MemberPage members(String room, String after);

  /** Makes {@code username} a member of the private room. */
  void invite(String room, String username);

  /** Ends {@code username}'s membership of the room, on every device of theirs. */
  void removeMember(String room, String username);

  /** Names ({@code on}) or unnames a moderator of the room. */
  void moderator(String room, String username, boolean on);

  /** Refuses {@code username}'s messages in the room for {@code minutes}; 0 lifts it. */
  void silence(String room, String username, int minutes);

  /** Tells every device of the user's that the channel is read up to {@code seq}. */
  void markRead(Channel channel, long seq);

  /** Tells the others in the channel that the user is typing. */
  void typing(Channel channel);

  /** Mutes or unmutes the channel on every device of the user's. */
  void mute(Channel channel, boolean muted);
}
