// What the logged-in page shows, without the DOM: the rooms (the user's own first; whether each is
// private, its owner and the user's role in it), the user's silences, the account's friends, the
// conversations and their messages (as each now is: edited, reacted to, what it answers), unread and
// mention counts as the server keeps them, mutes, who is typing, and what each frame from the server
// does to them. The page (chat.js) renders it and is told of each change through `listener`;
// Node tests it (src/test/js).

import {channelOf, directKey, roomKey} from './channels.js';
import {reactionsAsSeen} from './reactions.js';

/** The characters of the original a reply carries (the server's Reply.EXCERPT). */
const EXCERPT = 200;

/** How long "ann is typing..." shows after her last notice (docs/protocol.md, "Your channels"). */
export const TYPING_SHOWN_MS = 6_000;

/**
 * listener: {inserted(conversation, index), changed(conversation, id), removed(conversation, id),
 * olderChanged(conversation), membersChanged(conversation), errorChanged(conversation), roomsChanged(), friendsChanged(),
 * limitsChanged(limits), friendRequested(user), accountStale(), say(text), renamed(user),
 * meChanged(me), notified(notification), welcomed(), channelsStale(), typingChanged(conversation),
 * mutedChanged(conversation), attention(message), leftElsewhere(conversation), roomsStale(),
 * silenceChanged(room, until)}
 */
export class ChatState {
  constructor(me, listener) {
    this.me = me;
    this.listener = listener;
    this.limits = null; // from the server's welcome
    this.rooms = new Map(); // room key -> {name, online, unread, mentions, joined, mine, muted, private, role, owner}
    this.silences = new Map(); // room key -> until when (ms) a moderator silenced the user there
    this.account = {friends: [], incoming: [], outgoing: [], blocked: []};
    this.online = new Set(); // friends' names
    this.unreadDirect = new Map(); // username in lower case -> count
    this.mutedDirect = new Set(); // usernames in lower case
    this.conversations = new Map(); // channel key -> conversation
    this.inView = null; // the key of the conversation in view
  }

  // ---- what the user does ----

  /** Puts a room's conversation in view; `created` says whether it must be joined first. */
  openRoom(name) {
    const key = roomKey(name);
    const existing = this.conversations.get(key);
    const conversation = existing ?? this.conversation(key, 'room', name, `# ${name}`);
    const room = this.rooms.get(key);
    if (room) Object.assign(room, {joined: true, unread: 0, mentions: 0});
    this.inView = key;
    // A room of the user's was joined by the connection as it opened; any other is joined now.
    const created = !conversation.joinAsked;
    conversation.joinAsked = true;
    return {conversation, created};
  }

  /** Puts a direct conversation in view; `created` says whether its history must be loaded. */
  openDirect(username) {
    const key = directKey(username);
    this.unreadDirect.delete(username.toLowerCase());
    const existing = this.conversations.get(key);
    const conversation = existing ?? this.conversation(key, 'direct', username, `@ ${username}`);
    this.inView = key;
    return {conversation, created: !existing};
  }

  /** Puts nothing in view. */
  closeView() {
    this.inView = null;
  }

  inViewConversation() {
    return this.conversations.get(this.inView) ?? null;
  }

  /** Forgets the room in view, which the user left. */
  leaveRoomInView() {
    const conversation = this.inViewConversation();
    this.conversations.delete(conversation.key);
    const room = this.rooms.get(conversation.key);
    if (room) Object.assign(room, {joined: false, mine: false});
    this.inView = null;
    return conversation;
  }

  /** A send from a conversation: a refusal carrying its clientId is that conversation's to show. */
  sent(conversation, clientId) {
    conversation.sent.add(clientId);
    this.setError(conversation, '');
  }

  /**
   * A page of older messages arrived, asked for with `limit` (the server's page when undefined); a short
   * one holds the oldest there is.
   */
  olderLoaded(conversation, page, limit) {
    if (this.isOldest(page, limit)) conversation.olderAvailable = false;
    for (const message of page.slice().reverse()) this.merge(conversation, message, {readForMe: true});
    this.listener.olderChanged(conversation);
  }

  setError(conversation, text) {
    conversation.error = text;
    this.listener.errorChanged(conversation);
  }

  // ---- what the server says ----

  frame(frame) {
    switch (frame.type) {
      case 'welcome':
        this.limits = frame.limits;
        this.listener.limitsChanged(frame.limits);
        return this.listener.welcomed();
      case 'membership': return this.membership(frame);
      case 'read': return this.read(frame);
      case 'muted': return this.muted(frame);
      case 'silenced': return this.silenced(frame);
      case 'typing': return this.typing(frame);
      case 'room_joined': return this.roomJoined(frame);
      case 'member_joined': return this.members(frame.room, (list) => list.some((u) => u.id === frame.user.id) ? list : [...list, frame.user]);
      case 'member_left': return this.members(frame.room, (list) => list.filter((u) => u.id !== frame.user.id));
      case 'new_chat_message':
      case 'new_direct_message': return this.arrived(frame.message, {reacted: frame.reacted, readForMe: frame.readForMe});
      case 'message_updated': return this.updated(frame);
      case 'message_deleted': return this.deleted(frame.id);
      case 'friend_request': return this.listener.friendRequested(frame.user);
      case 'friend_added':
      case 'friend_removed': return this.listener.accountStale();
      case 'identity_changed': return this.renamed(frame.user);
      case 'notification': return this.listener.notified(frame);
      case 'ping': return this.listener.say(`Ping from the admins, via ${frame.from}.`);
      case 'error': return this.refused(frame);
      default: return undefined;
    }
  }

  /** A room the connection joined by itself (one of the user's) gets its conversation here. */
  roomJoined(joined) {
    const key = roomKey(joined.room);
    const conversation = this.conversations.get(key) ?? this.conversation(key, 'room', joined.room, `# ${joined.room}`);
    conversation.joinAsked = true;
    const room = this.rooms.get(key);
    if (room) Object.assign(room, {joined: true, mine: true});
    // The first join brings the newest page; a rejoin brings only what was missed, and says nothing
    // about what is older.
    if (conversation.messages.length === 0 && this.isOldest(joined.history)) conversation.olderAvailable = false;
    conversation.members = joined.members;
    for (const message of joined.history) this.merge(conversation, message, {readForMe: true});
    this.members(joined.room, (list) => list);
    this.listener.olderChanged(conversation);
    // Every join says whether the user is silenced there: after a reload, and after a lift missed away.
    const until = joined.silencedUntil ? Date.parse(joined.silencedUntil) : null;
    if (until !== (this.silences.get(key) ?? null)) this.silenced({room: joined.room, until: joined.silencedUntil});
  }

  members(roomName, change) {
    const conversation = this.conversations.get(roomKey(roomName));
    if (!conversation) return;
    conversation.members = change(conversation.members);
    const room = this.rooms.get(conversation.key);
    if (room) room.online = conversation.members.length;
    this.listener.roomsChanged();
    this.listener.membersChanged(conversation);
  }

  /**
   * A live message (or one a page filled in: `how.readForMe`). Its author may have changed their profile
   * while it crossed from another node: the profile the conversation holds (kept by `renamed`) is newer
   * than the message's, when it holds one. `how.reacted`: it came as a change that overtook it, a
   * reaction.
   */
  arrived(live, how = {}) {
    const key = channelOf(live, this.me.username);
    const conversation = this.conversations.get(key);
    const message = conversation ? withKnownAuthor(conversation, live) : live;
    if (conversation) {
      if (conversation.sent.delete(message.clientId)) this.setError(conversation, '');
      this.merge(conversation, message, how);
      if (conversation.typing.delete(message.from.id)) this.listener.typingChanged(conversation);
    }
    if (message.from.id === this.me.id) return; // written here or on another device
    const mentioned = this.mentions(message);
    const muted = message.room ? this.rooms.get(key)?.muted : this.mutedDirect.has(message.from.username.toLowerCase());
    if ((mentioned || !message.room) && !muted) this.listener.attention(message);
    if (key === this.inView) return; // seen
    if (message.room) {
      const room = this.rooms.get(key);
      if (room && message.seq > (room.readSeq ?? 0)) {
        room.unread++;
        if (mentioned) room.mentions++;
      }
      this.listener.roomsChanged();
    } else {
      const from = message.from.username.toLowerCase();
      this.unreadDirect.set(from, (this.unreadDirect.get(from) ?? 0) + 1);
      this.listener.friendsChanged();
    }
  }

  /** Whether the user blocks username, as the account last loaded says (whatever the case). */
  blocks(username) {
    const name = username.toLowerCase();
    return this.account.blocked.some((user) => user.username.toLowerCase() === name);
  }

  /** Whether the message names the user looking (the server's list, whatever the case). */
  mentions(message) {
    const me = this.me.username.toLowerCase();
    return (message.mentions ?? []).some((name) => name.toLowerCase() === me);
  }

  /** The user's channels as the server keeps them (after login and every reconnect): theirs, read, muted. */
  channelsLoaded(channels) {
    const mine = new Set();
    for (const channel of channels) {
      if (channel.room) {
        const key = roomKey(channel.room);
        mine.add(key);
        const room = this.rooms.get(key) ?? {name: channel.room, online: 0, joined: false};
        const seen = key === this.inView;
        this.rooms.set(key, {...room, mine: true, muted: channel.muted, readSeq: Math.max(room.readSeq ?? 0, channel.readSeq),
          unread: seen ? 0 : channel.unread, mentions: seen ? 0 : channel.mentions});
      } else {
        const name = channel.with.username.toLowerCase();
        if (directKey(name) === this.inView || channel.unread === 0) this.unreadDirect.delete(name);
        else this.unreadDirect.set(name, channel.unread);
        if (channel.muted) this.mutedDirect.add(name);
        else this.mutedDirect.delete(name);
      }
    }
    // A room joined here while the list was on its way is the user's, whatever the list says.
    for (const [key, room] of this.rooms) if (!mine.has(key)) room.mine = Boolean(room.joined);
    this.listener.roomsChanged();
    this.listener.friendsChanged();
  }

  /**
   * The user joined a room on another device, or was invited to a private one; or left one on any, or
   * was removed from it. A private room the user is no member of is not theirs to see any more. What
   * the list says of a room (private, the user's role) is asked for again: a new room comes without it.
   */
  membership({room: name, member}) {
    const key = roomKey(name);
    const room = this.rooms.get(key) ?? {name, online: 0, unread: 0, mentions: 0, joined: false};
    if (!member && room.private) {
      this.rooms.delete(key);
      this.silences.delete(key);
    } else {
      this.rooms.set(key, {...room, mine: member, ...(member ? {} : {joined: false, unread: 0, mentions: 0})});
    }
    const conversation = this.conversations.get(key);
    if (!member && conversation) {
      this.conversations.delete(key);
      if (this.inView === key) this.inView = null;
      this.listener.leftElsewhere(conversation);
    }
    this.listener.roomsChanged();
    this.listener.roomsStale();
  }

  /** A moderator silenced the user in a room until `until`, or lifted the silence (no `until`). */
  silenced({room, until}) {
    const key = roomKey(room);
    const ends = until ? Date.parse(until) : null;
    if (ends === null) this.silences.delete(key);
    else this.silences.set(key, ends);
    this.listener.silenceChanged(room, ends);
  }

  /** Until when (ms) the user is silenced in the conversation, or null; a silence that is over is forgotten. */
  silencedUntil(conversation, now = Date.now()) {
    const until = this.silences.get(conversation.key);
    if (until === undefined) return null;
    if (until > now) return until;
    this.silences.delete(conversation.key);
    return null;
  }

  /**
   * Read on some device up to seq: what this page shows is read if it has nothing later; otherwise the
   * counts are the server's to say again.
   */
  read(frame) {
    const key = frame.room ? roomKey(frame.room) : directKey(frame.with);
    const last = this.conversations.get(key)?.messages.at(-1)?.seq;
    if (frame.room && this.rooms.has(key)) {
      const room = this.rooms.get(key);
      room.readSeq = Math.max(room.readSeq ?? 0, frame.seq);
    }
    if (last === undefined || frame.seq < last) return this.listener.channelsStale();
    if (frame.room) {
      const room = this.rooms.get(key);
      if (room) Object.assign(room, {unread: 0, mentions: 0});
      return this.listener.roomsChanged();
    }
    this.unreadDirect.delete(frame.with.toLowerCase());
    return this.listener.friendsChanged();
  }

  muted(frame) {
    if (frame.room) {
      const room = this.rooms.get(roomKey(frame.room));
      if (room) room.muted = frame.muted;
      this.listener.roomsChanged();
    } else if (frame.muted) {
      this.mutedDirect.add(frame.with.toLowerCase());
    } else {
      this.mutedDirect.delete(frame.with.toLowerCase());
    }
    const conversation = this.conversations.get(frame.room ? roomKey(frame.room) : directKey(frame.with));
    if (conversation) this.listener.mutedChanged(conversation);
  }

  /** Someone is typing in a room, or to the user (a frame without a room). */
  typing(frame, now = Date.now()) {
    const key = frame.room ? roomKey(frame.room) : directKey(frame.user.username);
    const conversation = this.conversations.get(key);
    if (!conversation) return;
    conversation.typing.set(frame.user.id, {user: frame.user, until: now + TYPING_SHOWN_MS});
    this.listener.typingChanged(conversation);
  }

  /** Who is typing in the conversation now; those whose notice is too old are forgotten. */
  typingNow(conversation, now = Date.now()) {
    for (const [id, typist] of conversation.typing) if (typist.until <= now) conversation.typing.delete(id);
    return [...conversation.typing.values()].map((typist) => typist.user);
  }

  isMuted(conversation) {
    return conversation.kind === 'room'
      ? this.rooms.get(conversation.key)?.muted === true
      : this.mutedDirect.has(conversation.name.toLowerCase());
  }

  /**
   * Someone's profile changed: every message of theirs, every quote of one, every list they are in, and
   * the page show it.
   */
  renamed(user) {
    const same = (other) => (other.id === user.id ? user : other);
    if (user.id === this.me.id) {
      this.me = user;
      this.listener.meChanged(user);
    }
    const renamedIn = (m) => ({...m, from: same(m.from), ...(m.replyTo && {replyTo: {...m.replyTo, from: same(m.replyTo.from)}})});
    for (const conversation of this.conversations.values()) {
      conversation.messages = conversation.messages.map((m) => (m.from.id === user.id || m.replyTo?.from.id === user.id ? renamedIn(m) : m));
      conversation.members = conversation.members.map(same);
    }
    const {friends, incoming, outgoing, blocked} = this.account;
    this.account = {...this.account, friends: friends.map(same), incoming: incoming.map(same), outgoing: outgoing.map(same), blocked: blocked.map(same)};
    this.listener.renamed(user);
  }

  /**
   * A message changed (edited, reacted to), live or found by a catch-up; or the server answered this
   * page's own change with it. A change to a message the page never loaded (an old one) is not shown:
   * it comes as it is whenever it is loaded.
   */
  updated({message, reacted, readForMe}) {
    const conversation = this.conversations.get(channelOf(message, this.me.username));
    if (conversation) this.merge(conversation, withKnownAuthor(conversation, message), {reacted, readForMe, onlyIfKnown: true});
  }

  /** A message is gone for everyone: from every conversation that shows it, and from the quotes of it. */
  deleted(id) {
    for (const conversation of this.conversations.values()) {
      const at = conversation.messages.findIndex((m) => m.id === id);
      if (at >= 0) {
        conversation.messages.splice(at, 1);
        this.listener.removed(conversation, id);
      }
      this.quotesFollow(conversation, {id, deleted: true});
    }
  }

  /**
   * The replies to `original` quote it as it now is, as a reload would show them: its new text, or that
   * it was deleted.
   */
  quotesFollow(conversation, original) {
    conversation.messages.forEach((reply, index) => {
      if (reply.replyTo?.id !== original.id) return;
      const {text, ...quoted} = reply.replyTo;
      const replyTo = original.deleted ? {...quoted, deleted: true} : {...quoted, text: [...original.text].slice(0, EXCERPT).join('')};
      if (replyTo.deleted === reply.replyTo.deleted && replyTo.text === text) return;
      conversation.messages[index] = {...reply, replyTo};
      this.listener.changed(conversation, reply.id);
    });
  }

  refused(error) {
    for (const conversation of this.conversations.values()) {
      if (error.ref && conversation.sent.delete(error.ref)) return this.setError(conversation, `Not sent: ${error.message}`);
    }
    return this.listener.say(error.message);
  }

  /**
   * Rooms the server answered, some or all: new ones are added; a joined one keeps the count its members
   * give; each says whether it is private, who owns it and the user's role in it.
   */
  mergeRooms(rooms) {
    for (const room of rooms) {
      const key = roomKey(room.name);
      const known = this.rooms.get(key);
      const standing = {private: room.private === true, role: room.role ?? null, owner: room.createdBy ?? null};
      if (known) Object.assign(known, standing, {online: this.conversations.get(key)?.members.length ?? room.online});
      else this.rooms.set(key, {name: room.name, online: room.online, unread: 0, mentions: 0, joined: false, mine: false, ...standing});
    }
    this.listener.roomsChanged();
  }

  /**
   * Every room the user may see (GET /api/rooms): a room it lacks is not the user's to see any more (a
   * private one they were removed from while this page was away). One with a conversation here stays:
   * it may be newer than the list, and its membership frame tells when it ends.
   */
  roomsListed(rooms) {
    const listed = new Set(rooms.map((room) => roomKey(room.name)));
    for (const key of this.rooms.keys()) {
      if (!listed.has(key) && !this.conversations.has(key)) this.rooms.delete(key);
    }
    this.mergeRooms(rooms);
  }

  /** The room of a room's conversation as the list says it, or null. */
  roomOf(conversation) {
    return conversation?.kind === 'room' ? this.rooms.get(conversation.key) ?? null : null;
  }

  accountLoaded(account) {
    this.account = account;
    this.online = new Set(account.online ?? []);
    this.listener.friendsChanged();
  }

  // ---- what the page shows ----

  /** The user's rooms first, then the others, each by name ignoring case as the server does. */
  sortedRooms() {
    return [...this.rooms.values()].sort((a, b) =>
      Number(b.mine === true) - Number(a.mine === true) || a.name.localeCompare(b.name, undefined, {sensitivity: 'base'}));
  }

  unreadInRooms() {
    return [...this.rooms.values()].reduce((sum, room) => sum + room.unread, 0);
  }

  unreadDirectMessages() {
    return [...this.unreadDirect.values()].reduce((sum, n) => sum + n, 0);
  }

  // ---- the model ----

  conversation(key, kind, name, title) {
    const conversation = {key, kind, name, title, messages: [], members: [], olderAvailable: true, sent: new Set(), error: '',
      typing: new Map(), joinAsked: false};
    this.conversations.set(key, conversation);
    return conversation;
  }

  /**
   * Puts message in id order, or, when the conversation has it already, keeps of the two versions the
   * one changed last. how: {reacted, readForMe} for its reactions (reactions.js), and `onlyIfKnown` for
   * a change, which adds nothing.
   */
  merge(conversation, message, how = {}) {
    const messages = conversation.messages;
    let low = 0;
    let high = messages.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (messages[middle].id < message.id) low = middle + 1;
      else high = middle;
    }
    const known = messages[low]?.id === message.id ? messages[low] : null;
    if (!known && how.onlyIfKnown) return;
    if (known && (message.changedSeq ?? 0) <= (known.changedSeq ?? 0)) return;
    const reactions = reactionsAsSeen(known?.reactions, message.reactions, how, this.me.username, (name) => this.blocks(name));
    const now = message.reactions ? {...message, reactions} : message;
    if (!known) {
      messages.splice(low, 0, now);
      return this.listener.inserted(conversation, low);
    }
    messages[low] = now;
    this.listener.changed(conversation, now.id);
    if (now.text !== known.text) this.quotesFollow(conversation, now);
  }

  /**
   * A page shorter than the size asked for (the server's page when none was) holds the oldest message
   * there is. Before the server has said its size, only an empty page is known to.
   */
  isOldest(page, size = this.limits?.historyPage ?? 1) {
    return page.length < size;
  }
}

function withKnownAuthor(conversation, message) {
  const id = message.from.id;
  const known = conversation.members.find((u) => u.id === id) ?? conversation.messages.find((m) => m.from.id === id)?.from;
  return known ? {...message, from: known} : message;
}
