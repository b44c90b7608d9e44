// What the logged-in page shows, without the DOM: the rooms, the account's friends, the conversations
// and their messages, unread counts, and what each frame from the server does to them. The page
// (chat.js) renders it and is told of each change through `listener`; Node tests it (src/test/js).

import {channelOf, directKey, roomKey} from './channels.js';

/**
 * listener: {inserted(conversation, index), removed(conversation, id), olderChanged(conversation),
 * membersChanged(conversation), errorChanged(conversation), roomsChanged(), friendsChanged(),
 * limitsChanged(limits), friendRequested(user), accountStale(), say(text), renamed(user),
 * meChanged(me), notified(notification)}
 */
export class ChatState {
  constructor(me, listener) {
    this.me = me;
    this.listener = listener;
    this.limits = null; // from the server's welcome
    this.rooms = new Map(); // room key -> {name, online, unread, joined}
    this.account = {friends: [], incoming: [], outgoing: [], blocked: []};
    this.online = new Set(); // friends' names
    this.unreadDirect = new Map(); // username in lower case -> count
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
    if (room) Object.assign(room, {joined: true, unread: 0});
    this.inView = key;
    return {conversation, created: !existing};
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
    if (room) room.joined = false;
    this.inView = null;
    return conversation;
  }

  /** A send from a conversation: a refusal carrying its clientId is that conversation's to show. */
  sent(conversation, clientId) {
    conversation.sent.add(clientId);
    this.setError(conversation, '');
  }

  /** A page of older messages arrived; a short one holds the oldest there is. */
  olderLoaded(conversation, page) {
    if (this.isOldest(page)) conversation.olderAvailable = false;
    for (const message of page.slice().reverse()) this.merge(conversation, message);
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
        return this.listener.limitsChanged(frame.limits);
      case 'room_joined': return this.roomJoined(frame);
      case 'member_joined': return this.members(frame.room, (list) => list.some((u) => u.id === frame.user.id) ? list : [...list, frame.user]);
      case 'member_left': return this.members(frame.room, (list) => list.filter((u) => u.id !== frame.user.id));
      case 'new_chat_message':
      case 'new_direct_message': return this.arrived(frame.message);
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

  roomJoined(joined) {
    const conversation = this.conversations.get(roomKey(joined.room));
    if (!conversation) return;
    // The first join brings the newest page; a rejoin brings only what was missed, and says nothing
    // about what is older.
    if (conversation.messages.length === 0 && this.isOldest(joined.history)) conversation.olderAvailable = false;
    conversation.members = joined.members;
    for (const message of joined.history) this.merge(conversation, message);
    this.members(joined.room, (list) => list);
    this.listener.olderChanged(conversation);
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
   * A live message. Its author may have changed their profile while it crossed from another node: the
   * profile the conversation holds (kept by `renamed`) is newer than the message's, when it holds one.
   */
  arrived(live) {
    const key = channelOf(live, this.me.username);
    const conversation = this.conversations.get(key);
    const message = conversation ? withKnownAuthor(conversation, live) : live;
    if (conversation) {
      if (conversation.sent.delete(message.clientId)) this.setError(conversation, '');
      this.merge(conversation, message);
    }
    if (key === this.inView || message.from.id === this.me.id) return; // seen, or written here or in another tab
    if (message.room) {
      const room = this.rooms.get(key);
      if (room) room.unread++;
      this.listener.roomsChanged();
    } else {
      const from = message.from.username.toLowerCase();
      this.unreadDirect.set(from, (this.unreadDirect.get(from) ?? 0) + 1);
      this.listener.friendsChanged();
    }
  }

  /** Someone's profile changed: every message of theirs, every list they are in, and the page show it. */
  renamed(user) {
    const same = (other) => (other.id === user.id ? user : other);
    if (user.id === this.me.id) {
      this.me = user;
      this.listener.meChanged(user);
    }
    for (const conversation of this.conversations.values()) {
      conversation.messages = conversation.messages.map((m) => (m.from.id === user.id ? {...m, from: user} : m));
      conversation.members = conversation.members.map(same);
    }
    const {friends, incoming, outgoing, blocked} = this.account;
    this.account = {...this.account, friends: friends.map(same), incoming: incoming.map(same), outgoing: outgoing.map(same), blocked: blocked.map(same)};
    this.listener.renamed(user);
  }

  deleted(id) {
    for (const conversation of this.conversations.values()) {
      const at = conversation.messages.findIndex((m) => m.id === id);
      if (at >= 0) {
        conversation.messages.splice(at, 1);
        this.listener.removed(conversation, id);
      }
    }
  }

  refused(error) {
    for (const conversation of this.conversations.values()) {
      if (error.ref && conversation.sent.delete(error.ref)) return this.setError(conversation, `Not sent: ${error.message}`);
    }
    return this.listener.say(error.message);
  }

  /** Rooms from the server's list: new ones are added; a joined one keeps the count its members give. */
  mergeRooms(rooms) {
    for (const room of rooms) {
      const key = roomKey(room.name);
      const known = this.rooms.get(key);
      if (known) known.online = this.conversations.get(key)?.members.length ?? room.online;
      else this.rooms.set(key, {name: room.name, online: room.online, unread: 0, joined: false});
    }
    this.listener.roomsChanged();
  }

  accountLoaded(account) {
    this.account = account;
    this.online = new Set(account.online ?? []);
    this.listener.friendsChanged();
  }

  // ---- what the page shows ----

  /** Rooms by name, ignoring case as the server does. */
  sortedRooms() {
    return [...this.rooms.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, {sensitivity: 'base'}));
  }

  unreadInRooms() {
    return [...this.rooms.values()].reduce((sum, room) => sum + room.unread, 0);
  }

  unreadDirectMessages() {
    return [...this.unreadDirect.values()].reduce((sum, n) => sum + n, 0);
  }

  // ---- the model ----

  conversation(key, kind, name, title) {
    const conversation = {key, kind, name, title, messages: [], members: [], olderAvailable: true, sent: new Set(), error: ''};
    this.conversations.set(key, conversation);
    return conversation;
  }

  /** Puts message in id order unless it is there already. */
  merge(conversation, message) {
    const messages = conversation.messages;
    let low = 0;
    let high = messages.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (messages[middle].id < message.id) low = middle + 1;
      else high = middle;
    }
    if (messages[low]?.id === message.id) return;
    messages.splice(low, 0, message);
    this.listener.inserted(conversation, low);
  }

  /**
   * A page shorter than the server's page size holds the oldest message there is. Before the server
   * has said its size, only an empty page is known to.
   */
  isOldest(page) {
    return page.length < (this.limits?.historyPage ?? 1);
  }
}

function withKnownAuthor(conversation, message) {
  const id = message.from.id;
  const known = conversation.members.find((u) => u.id === id) ?? conversation.messages.find((m) => m.from.id === id)?.from;
  return known ? {...message, from: known} : message;
}
