// The page once logged in: it holds what the user sees (rooms, friends, conversations), moves the
// socket's frames into it, and lays out the panels. On a narrow screen the list and the conversation
// take turns.

import {AdminPage} from './admin.js';
import {Api, PAGE, describe} from './api.js';
import {ChatConnection, channelOf, directKey, roomKey} from './connection.js';
import {ConversationView} from './conversation.js';
import {h} from './dom.js';
import {FriendsPanel} from './friends.js';
import {RoomsPanel} from './rooms.js';
import {StatusLine} from './status.js';

/** Presence changes arrive as frames only for joined rooms; the rest is polled this often. */
const REFRESH_MS = 15_000;

const SAID = {
  add: (name, status) => (status === 'friends' ? `You and ${name} are friends.` : `Asked ${name} to be friends.`),
  remove: (name) => `Done: ${name} removed.`,
  block: (name) => `${name} is blocked.`,
  unblock: (name) => `${name} is unblocked.`,
};

export class ChatPage {
  /** auth: {token, user}; leave({loggedOut?: reason, banned?: reason}) ends the page. */
  constructor(auth, leave) {
    this.api = new Api(auth.token);
    this.me = auth.user;
    this.leave = leave;
    this.rooms = new Map(); // key -> {name, online, unread, joined}
    this.account = {friends: [], incoming: [], outgoing: [], blocked: []};
    this.online = new Set();
    this.unreadDirect = new Map(); // username in lower case -> count
    this.conversations = new Map(); // channel key -> conversation
    this.inView = null;

    this.status = new StatusLine();
    this.notice = h('span', {id: 'notice', class: 'muted', role: 'status'});
    this.roomsPanel = new RoomsPanel({create: (name) => this.createRoom(name), open: (name) => this.openRoom(name)});
    this.friendsPanel = new FriendsPanel({social: (verb, name) => this.social(verb, name), message: (name) => this.openDirect(name)});
    this.view = new ConversationView({
      send: (text) => this.send(text),
      loadOlder: () => this.loadOlder(),
      remove: (message) => this.remove(message),
      leave: () => this.leaveRoom(),
      back: () => this.show(null),
      sender: (verb, name) => (verb === 'message' ? this.openDirect(name) : this.social(verb, name)),
    }, this.me);
    this.admin = this.me.role === 'ADMIN' ? new AdminPage(this.api, () => this.toggleAdmin(false)) : null;
    this.element = this.layout();

    this.connection = new ChatConnection(this.api, {onFrame: (frame) => this.frame(frame), onState: (state) => this.stateChanged(state)});
    this.connection.start();
    this.refresh();
    this.poll = setInterval(() => this.refresh(), REFRESH_MS);
  }

  layout() {
    this.roomsTab = h('button', {id: 'tabRooms', role: 'tab', onclick: () => this.tab('rooms')}, 'Rooms');
    this.friendsTab = h('button', {id: 'tabFriends', role: 'tab', onclick: () => this.tab('friends')}, 'Friends');
    this.sidebar = h('nav', {id: 'sidebar', 'data-tab': 'rooms'},
      h('div', {class: 'tabs', role: 'tablist'}, this.roomsTab, this.friendsTab),
      this.roomsPanel.element, this.friendsPanel.element);
    this.page = h('div', {class: 'chat-page'},
      h('header', {class: 'topbar'},
        h('span', {id: 'me'}, `${this.me.username} · ${this.me.role}`),
        this.status.element,
        this.admin && h('button', {id: 'openAdmin', onclick: () => this.toggleAdmin(true)}, 'Admin'),
        h('button', {id: 'logOut', onclick: () => this.logOut()}, 'Log out')),
      this.sidebar, this.view.element, this.view.membersElement,
      this.admin?.element,
      h('footer', {class: 'statusbar'}, this.notice));
    this.toggleAdmin(false);
    return h('div', {class: 'chat-root'}, this.page, this.view.menuElement);
  }

  logOut() {
    this.close();
    this.leave({});
  }

  close() {
    clearInterval(this.poll);
    this.status.stop();
    this.connection.close();
  }

  // ---- what the user does ----

  async createRoom(name) {
    const room = await this.api.createRoom(name);
    this.mergeRooms([room]);
    this.openRoom(room.name);
  }

  openRoom(name) {
    const key = roomKey(name);
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = this.conversation(key, 'room', name, `# ${name}`);
      this.connection.join(name);
    }
    const room = this.rooms.get(key);
    if (room) Object.assign(room, {joined: true, unread: 0});
    this.show(conversation);
  }

  async openDirect(username) {
    const key = directKey(username);
    this.unreadDirect.delete(username.toLowerCase());
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = this.conversation(key, 'direct', username, `@ ${username}`);
      this.show(conversation);
      await this.loadOlder();
    } else {
      this.show(conversation);
    }
    this.renderFriends();
  }

  leaveRoom() {
    const conversation = this.conversations.get(this.inView);
    this.connection.leave(conversation.name);
    this.conversations.delete(conversation.key);
    const room = this.rooms.get(conversation.key);
    if (room) room.joined = false;
    this.show(null);
  }

  send(text) {
    const conversation = this.conversations.get(this.inView);
    const clientId = conversation.kind === 'room'
      ? this.connection.send(conversation.name, text)
      : this.connection.sendDirect(conversation.name, text);
    conversation.sent.add(clientId);
    this.setError(conversation, '');
  }

  async loadOlder() {
    const conversation = this.conversations.get(this.inView);
    if (!conversation || conversation.loadingOlder || !conversation.olderAvailable) return;
    conversation.loadingOlder = true;
    const before = conversation.messages[0]?.id;
    try {
      const page = conversation.kind === 'room'
        ? await this.api.roomMessages(conversation.name, {before})
        : await this.api.directMessages(conversation.name, {before});
      if (page.length < PAGE) conversation.olderAvailable = false;
      for (const message of page.slice().reverse()) this.merge(conversation, message);
      if (conversation.kind === 'direct' && before === undefined && page.length > 0) {
        this.connection.follow(conversation.name, page[page.length - 1].id);
      }
      if (this.view.isShowing(conversation)) this.view.olderChanged();
    } catch (failure) {
      this.setError(conversation, describe(failure));
    } finally {
      conversation.loadingOlder = false;
    }
  }

  async remove(message) {
    try {
      await this.api.deleteMessage(message.id);
      this.deleted(message.id);
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  async social(verb, username) {
    try {
      const answer = await this.api.social(verb, username);
      this.friendsPanel.say(SAID[verb](username, answer.status));
      this.refreshAccount();
    } catch (failure) {
      this.friendsPanel.say(describe(failure));
    }
    this.tab('friends');
  }

  tab(which) {
    this.sidebar.dataset.tab = which;
    this.roomsTab.setAttribute('aria-selected', String(which === 'rooms'));
    this.friendsTab.setAttribute('aria-selected', String(which === 'friends'));
  }

  toggleAdmin(open) {
    if (!this.admin) return;
    this.page.classList.toggle('admin-open', open);
    if (open) this.admin.open();
  }

  show(conversation) {
    this.inView = conversation?.key ?? null;
    this.page.classList.toggle('conversation-open', conversation !== null);
    this.view.show(conversation);
    this.renderRooms();
    this.renderTitle();
  }

  // ---- what the server says ----

  frame(frame) {
    switch (frame.type) {
      case 'room_joined': return this.roomJoined(frame);
      case 'member_joined': return this.members(frame.room, (list) => list.some((u) => u.id === frame.user.id) ? list : [...list, frame.user]);
      case 'member_left': return this.members(frame.room, (list) => list.filter((u) => u.id !== frame.user.id));
      case 'new_chat_message':
      case 'new_direct_message': return this.arrived(frame.message);
      case 'message_deleted': return this.deleted(frame.id);
      case 'friend_request': this.friendsPanel.say(`${frame.user.username} asks to be friends.`); return this.refreshAccount();
      case 'friend_added':
      case 'friend_removed': return this.refreshAccount();
      case 'ping': return this.say(`Ping from the admins, via ${frame.from}.`);
      case 'error': return this.refused(frame);
      default: return undefined;
    }
  }

  roomJoined(joined) {
    const key = roomKey(joined.room);
    const conversation = this.conversations.get(key);
    if (!conversation) return;
    if (conversation.messages.length === 0 && joined.history.length < PAGE) conversation.olderAvailable = false;
    conversation.members = joined.members;
    for (const message of joined.history) this.merge(conversation, message);
    this.members(joined.room, (list) => list);
    if (this.view.isShowing(conversation)) this.view.olderChanged();
  }

  members(roomName, change) {
    const conversation = this.conversations.get(roomKey(roomName));
    if (!conversation) return;
    conversation.members = change(conversation.members);
    const room = this.rooms.get(conversation.key);
    if (room) room.online = conversation.members.length;
    this.renderRooms();
    if (this.view.isShowing(conversation)) this.view.membersChanged();
  }

  arrived(message) {
    const key = channelOf(message, this.me.username);
    const conversation = this.conversations.get(key);
    if (conversation) {
      if (conversation.sent.delete(message.clientId)) this.setError(conversation, '');
      this.merge(conversation, message);
    }
    if (key === this.inView || message.from.id === this.me.id) return; // seen, or written here or in another tab
    if (message.room) {
      const room = this.rooms.get(key);
      if (room) room.unread++;
      this.renderRooms();
    } else {
      const from = message.from.username.toLowerCase();
      this.unreadDirect.set(from, (this.unreadDirect.get(from) ?? 0) + 1);
      this.renderFriends();
    }
    this.renderTitle();
  }

  deleted(id) {
    for (const conversation of this.conversations.values()) {
      const at = conversation.messages.findIndex((m) => m.id === id);
      if (at >= 0) {
        conversation.messages.splice(at, 1);
        if (this.view.isShowing(conversation)) this.view.removed(id);
      }
    }
  }

  refused(error) {
    for (const conversation of this.conversations.values()) {
      if (error.ref && conversation.sent.delete(error.ref)) return this.setError(conversation, `Not sent: ${error.message}`);
    }
    this.say(error.message);
  }

  stateChanged(state) {
    this.status.show(state);
    if (state.kind === 'loggedOut') {
      this.close();
      this.leave({loggedOut: state.reason});
    } else if (state.kind === 'banned') {
      this.close();
      this.leave({banned: state.reason});
    }
  }

  // ---- the model ----

  conversation(key, kind, name, title) {
    const conversation = {key, kind, name, title, messages: [], members: [], olderAvailable: true, sent: new Set(), error: ''};
    this.conversations.set(key, conversation);
    return conversation;
  }

  /** Puts message in id order unless it is there already, and shows it if its conversation is in view. */
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
    if (this.view.isShowing(conversation)) this.view.inserted(low);
  }

  setError(conversation, text) {
    conversation.error = text;
    if (this.view.isShowing(conversation)) this.view.errorChanged();
  }

  say(text) {
    this.notice.textContent = text;
  }

  refresh() {
    this.refreshRooms();
    this.refreshAccount();
  }

  async refreshRooms() {
    try {
      this.mergeRooms(await this.api.rooms());
      this.roomsPanel.showFailure(null);
    } catch (failure) {
      this.roomsPanel.showFailure(failure);
    }
  }

  mergeRooms(rooms) {
    for (const room of rooms) {
      const key = roomKey(room.name);
      const known = this.rooms.get(key);
      if (known) known.online = this.conversations.get(key)?.members.length ?? room.online;
      else this.rooms.set(key, {name: room.name, online: room.online, unread: 0, joined: false});
    }
    this.renderRooms();
  }

  async refreshAccount() {
    try {
      const account = await this.api.account();
      this.account = account;
      this.online = new Set(account.online ?? []);
      this.renderFriends();
    } catch (failure) {
      this.friendsPanel.say(describe(failure));
    }
  }

  renderRooms() {
    const rooms = [...this.rooms.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, {sensitivity: 'base'}));
    const inView = this.conversations.get(this.inView);
    this.roomsPanel.render(rooms, inView?.kind === 'room' ? inView.name : null);
    const unread = rooms.reduce((sum, room) => sum + room.unread, 0);
    this.roomsTab.textContent = unread ? `Rooms (${unread})` : 'Rooms';
  }

  renderFriends() {
    this.friendsPanel.render(this.account, this.online, this.unreadDirect);
    const unread = [...this.unreadDirect.values()].reduce((sum, n) => sum + n, 0);
    this.friendsTab.textContent = unread ? `Friends (${unread})` : 'Friends';
    this.renderTitle();
  }

  renderTitle() {
    const unread = [...this.rooms.values()].reduce((sum, room) => sum + room.unread, 0) +
      [...this.unreadDirect.values()].reduce((sum, n) => sum + n, 0);
    document.title = unread ? `(${unread}) Chat · ${this.me.username}` : `Chat · ${this.me.username}`;
  }
}
