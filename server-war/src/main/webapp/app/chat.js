// The page once logged in: it lays out the panels, turns what the user does into requests, moves the
// socket's frames into the state (state.js, what the user sees) and renders what changed, the powers
// the user has in the room in view among it (moderation.js). On a narrow screen the list and the
// conversation take turns.

import {AdminPage} from './admin.js';
import {Api, describe} from './api.js';
import {roomKey} from './channels.js';
import {ChatConnection} from './connection.js';
import {ConversationView} from './conversation.js';
import {h} from './dom.js';
import {filesSummary} from './files.js';
import {FriendsPanel} from './friends.js';
import {powersIn, silenceNotice} from './moderation.js';
import {nameOf} from './names.js';
import {ProfileDialog} from './profile.js';
import {RoomsPanel} from './rooms.js';
import {partnerOf, SearchPanel} from './search.js';
import {ChatState} from './state.js';
import {StatusLine} from './status.js';

/** Presence changes arrive as frames only for joined rooms; the rest is polled this often. */
const REFRESH_MS = 15_000;
/** How long a notification stays in sight. */
const TOAST_MS = 8_000;
/** The project's clients send a typing notice at most this often while keys are pressed. */
const TYPING_EVERY_MS = 3_000;
/**
 * A message sent ends the others' "is typing", so typing on is told again this soon after the last
 * notice: past the one a second per channel the server passes on, with a margin.
 */
const TYPING_AGAIN_AFTER_SEND_MS = 1_200;
/** A read marker waits this long for more messages, so that reading as they arrive costs one a second. */
const MARK_READ_AFTER_MS = 1_000;
/** Past the server's batch of markers (CHAT_READ_FLUSH_MILLIS, 500 ms by default), with a margin. */
const CHANNELS_AFTER_READ_MS = 1_500;
/** How many pages of older history a click on a quote or a search's result loads, at most, to find the message. */
const REVEAL_PAGES = 10;

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
    this.state = new ChatState(this.me, this.stateListener());
    this.silenceTimers = new Map(); // room key -> the timer that ends the user's silence there

    this.status = new StatusLine();
    this.notice = h('span', {id: 'notice', class: 'muted', role: 'status'});
    this.roomsPanel = new RoomsPanel({create: (name, isPrivate) => this.createRoom(name, isPrivate), open: (name) => this.openRoom(name)});
    this.friendsPanel = new FriendsPanel({social: (verb, name) => this.social(verb, name), message: (name) => this.openDirect(name)});
    this.view = new ConversationView({
      send: (conversation, text, replyTo, files) => this.send(conversation, text, replyTo, files),
      uploads: {upload: (file, name, progress) => this.api.upload(file, name, progress), discard: (id) => this.api.deleteFile(id)},
      fileBytes: (id, preview) => this.api.fileBytes(id, preview),
      loadOlder: () => this.loadOlder(),
      remove: (message) => this.remove(message),
      edit: (message, text) => this.edit(message, text),
      react: (message, emoji, on) => this.react(message, emoji, on),
      emoji: () => this.emoji(),
      reveal: (id) => this.reveal(id),
      say: (text) => this.say(text),
      leave: () => this.leaveRoom(),
      back: () => this.show(null),
      sender: (verb, name) => (verb === 'message' ? this.openDirect(name) : this.social(verb, name)),
      typed: () => this.typed(),
      mute: () => this.toggleMute(),
      moderate: (action, room, username) => action.run(this.api, room, username),
      members: (room, after) => this.api.roomMembers(room, after),
    }, this.me);
    this.search = new SearchPanel({
      search: (asked) => this.api.search(asked),
      open: (message) => this.openFound(message),
      shown: (open) => {
        if (open) this.toggleAdmin(false); // the results take the place the admin page would hide
        this.page.classList.toggle('search-open', open);
      },
    }, this.me);
    this.admin = this.me.role === 'ADMIN' ? new AdminPage(this.api, () => this.toggleAdmin(false)) : null;
    this.element = this.layout();

    this.connection = new ChatConnection(this.api, {onFrame: (frame) => this.state.frame(frame), onState: (state) => this.stateChanged(state)});
    this.connection.start();
    this.refresh();
    this.poll = setInterval(() => this.refresh(), REFRESH_MS);
    // "ann is typing..." goes by itself: the line is drawn again each second while anyone types.
    this.typingTimer = setInterval(() => this.renderTyping(), 1000);
    this.onAttention = () => this.seen();
    addEventListener('focus', this.onAttention);
    document.addEventListener('visibilitychange', this.onAttention);
    this.onShortcut = (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        this.search.focus();
      }
    };
    document.addEventListener('keydown', this.onShortcut);
  }

  /** How a change to the state reaches the page: a conversation's only when it is in view. */
  stateListener() {
    const inView = (conversation, change) => {
      if (this.view.isShowing(conversation)) change();
    };
    return {
      inserted: (conversation, index) => inView(conversation, () => {
        this.view.inserted(index);
        this.seen();
      }),
      changed: (conversation, id) => inView(conversation, () => this.view.changed(id)),
      removed: (conversation, id) => inView(conversation, () => this.view.removed(id)),
      olderChanged: (conversation) => inView(conversation, () => this.view.olderChanged()),
      membersChanged: (conversation) => inView(conversation, () => {
        this.view.membersChanged();
        this.view.members.presenceChanged();
      }),
      errorChanged: (conversation) => inView(conversation, () => this.view.errorChanged()),
      roomsChanged: () => this.renderRooms(),
      friendsChanged: () => this.renderFriends(),
      limitsChanged: (limits) => this.view.limitsChanged(limits),
      friendRequested: (user) => {
        this.friendsPanel.say(`${user.username} asks to be friends.`);
        this.refreshAccount();
      },
      accountStale: () => this.refreshAccount(),
      say: (text) => this.say(text),
      renamed: (user) => {
        const conversation = this.state.inViewConversation();
        if (conversation) this.view.renamed(user);
        this.renderFriends();
        this.admin?.renamed(user);
      },
      meChanged: (me) => {
        this.me = me;
        this.meLabel.textContent = `${nameOf(me)} · ${me.role}`;
      },
      notified: (notification) => this.toast(notification),
      welcomed: () => this.refreshChannels(),
      channelsStale: () => this.refreshChannelsSoon(),
      typingChanged: (conversation) => inView(conversation, () => this.renderTyping()),
      mutedChanged: (conversation) => inView(conversation, () => this.view.mutedChanged(this.state.isMuted(conversation))),
      attention: (message) => this.notify(message),
      leftElsewhere: (conversation) => inView(conversation, () => this.show(null)),
      roomsStale: () => this.refreshRooms(),
      silenceChanged: (room, until) => this.silenceChanged(room, until),
    };
  }

  layout() {
    this.meLabel = h('span', {id: 'me'}, `${nameOf(this.me)} · ${this.me.role}`);
    this.profile = new ProfileDialog(this.api, (me) => this.state.renamed(me));
    this.toasts = h('div', {id: 'toasts', role: 'status', 'aria-live': 'polite'});
    this.roomsTab = h('button', {id: 'tabRooms', role: 'tab', onclick: () => this.tab('rooms')}, 'Rooms');
    this.friendsTab = h('button', {id: 'tabFriends', role: 'tab', onclick: () => this.tab('friends')}, 'Friends');
    this.sidebar = h('nav', {id: 'sidebar', 'data-tab': 'rooms'},
      h('div', {class: 'tabs', role: 'tablist'}, this.roomsTab, this.friendsTab),
      this.roomsPanel.element, this.friendsPanel.element);
    this.page = h('div', {class: 'chat-page'},
      h('header', {class: 'topbar'},
        this.meLabel,
        h('button', {id: 'editProfile', onclick: () => this.profile.open(this.me)}, 'Profile'),
        this.notificationsButton(),
        this.status.element,
        this.search.box,
        this.admin && h('button', {id: 'openAdmin', onclick: () => this.toggleAdmin(true)}, 'Admin'),
        h('button', {id: 'logOut', onclick: () => this.logOut()}, 'Log out')),
      this.sidebar, this.view.element, this.view.membersElement, this.search.element,
      this.admin?.element,
      this.profile.element, this.toasts,
      h('footer', {class: 'statusbar'}, this.notice));
    this.toggleAdmin(false);
    return h('div', {class: 'chat-root'}, this.page, this.view.overlays);
  }

  logOut() {
    this.close();
    this.leave({});
  }

  close() {
    clearInterval(this.poll);
    clearInterval(this.typingTimer);
    clearTimeout(this.channelsTimer);
    this.silenceTimers.forEach(clearTimeout);
    removeEventListener('focus', this.onAttention);
    document.removeEventListener('visibilitychange', this.onAttention);
    document.removeEventListener('keydown', this.onShortcut);
    this.status.stop();
    this.view.discardUploads();
    this.connection.close();
  }

  // ---- what the user does ----

  async createRoom(name, isPrivate) {
    const room = await this.api.createRoom(name, isPrivate);
    this.state.mergeRooms([room]);
    this.openRoom(room.name);
  }

  openRoom(name) {
    const {conversation, created} = this.state.openRoom(name);
    if (created) this.connection.join(name);
    this.show(conversation);
  }

  async openDirect(username) {
    const {conversation, created} = this.state.openDirect(username);
    this.show(conversation);
    this.renderFriends();
    if (created) await this.loadOlder();
  }

  /**
   * A search's result in its conversation, opened as from the list, and the message brought into view
   * as a quote brings its original (older history loaded until it is there). A narrow screen shows
   * one panel, the conversation now.
   */
  async openFound(message) {
    if (matchMedia('(max-width: 700px)').matches) this.search.close();
    if (message.room) this.openRoom(message.room);
    else await this.openDirect(partnerOf(message, this.me));
    await this.reveal(message.id);
  }

  leaveRoom() {
    const conversation = this.state.leaveRoomInView();
    this.connection.leave(conversation.name);
    this.show(null);
  }

  /**
   * replyTo: the id of the message of the conversation it answers, or undefined; files: the ids of
   * the uploads it carries (maybe none). A send that waited for its uploads may come from a
   * conversation no longer in view.
   */
  send(conversation, text, replyTo, files) {
    const clientId = conversation.kind === 'room'
      ? this.connection.send(conversation.name, text, replyTo, files)
      : this.connection.sendDirect(conversation.name, text, replyTo, files);
    this.state.sent(conversation, clientId);
    if (conversation.typingSentAt) {
      conversation.typingAgainAt = Math.min(conversation.typingAgainAt, conversation.typingSentAt + TYPING_AGAIN_AFTER_SEND_MS);
    }
  }

  async loadOlder() {
    const conversation = this.state.inViewConversation();
    if (conversation) await this.older(conversation);
  }

  /**
   * One page older than what the conversation holds, of `limit` messages (the server's page when
   * undefined); a page already on its way is waited for instead. Answers false when it failed, which
   * the conversation shows.
   */
  older(conversation, limit) {
    if (!conversation.olderAvailable) return Promise.resolve(true);
    conversation.loadingOlder ??= this.fetchOlder(conversation, limit).finally(() => {
      conversation.loadingOlder = null;
    });
    return conversation.loadingOlder;
  }

  async fetchOlder(conversation, limit) {
    const before = conversation.messages[0]?.id;
    try {
      const page = conversation.kind === 'room'
        ? await this.api.roomMessages(conversation.name, {before, limit})
        : await this.api.directMessages(conversation.name, {before, limit});
      this.state.olderLoaded(conversation, page, limit);
      if (conversation.kind === 'direct' && before === undefined && page.length > 0) this.connection.follow(conversation.name, page);
      return true;
    } catch (failure) {
      this.state.setError(conversation, describe(failure));
      return false;
    }
  }

  /**
   * Brings a message of the conversation in view into view (one a reply quotes, or a search found):
   * older history is loaded, in the largest pages the server gives, until it is there, for a few pages
   * at most.
   */
  async reveal(id) {
    const conversation = this.state.inViewConversation();
    for (let pages = 0; conversation && !conversation.messages.some((m) => m.id === id); pages++) {
      // Ids grow: a message older than the oldest here is further back; one newer is not there any more.
      const oldest = conversation.messages[0]?.id;
      if (!conversation.olderAvailable || (oldest !== undefined && oldest < id)) {
        this.say('That message is not there any more.');
        return;
      }
      if (pages === REVEAL_PAGES) {
        this.say('That message is too far back to load. Scroll up to find it.');
        return;
      }
      const loaded = await this.older(conversation, this.state.limits?.maxHistoryPage);
      if (!loaded || this.state.inViewConversation() !== conversation) return; // failed (and said so), or the user went elsewhere
    }
    this.view.reveal(id);
  }

  async remove(message) {
    try {
      await this.api.deleteMessage(message.id);
      this.state.deleted(message.id);
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  /** Answers whether the server took the new text; the message shows it then, as the server answered. */
  async edit(message, text) {
    try {
      this.state.updated({message: await this.api.editMessage(message.id, text)});
      return true;
    } catch (failure) {
      this.say(describe(failure));
      return false;
    }
  }

  /** The server's answer is read for the user, and says which reactions are theirs. */
  async react(message, emoji, on) {
    try {
      const now = await this.api.react(message.id, emoji, on);
      this.state.updated({message: now, readForMe: true});
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  /** The emoji a reaction may be, asked for once (again only after a failure). */
  emoji() {
    this.emojiList ??= this.api.emoji().catch((failure) => {
      this.emojiList = null;
      throw failure;
    });
    return this.emojiList;
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

  /** While keys are pressed in the draft, the others hear of it every few seconds. */
  typed() {
    const conversation = this.state.inViewConversation();
    const now = Date.now();
    if (!conversation || now < (conversation.typingAgainAt ?? 0)) return;
    conversation.typingSentAt = now;
    conversation.typingAgainAt = now + TYPING_EVERY_MS;
    this.connection.typing(conversation.kind === 'room' ? {room: conversation.name} : {to: conversation.name});
  }

  /**
   * What the page shows of the conversation in view is read, once the window has the user's eyes (in
   * front and focused): its newest seq goes to the server a moment later, with whatever came meanwhile.
   */
  seen() {
    const conversation = this.state.inViewConversation();
    if (!conversation || document.hidden || !document.hasFocus() || this.markTimer) return;
    this.markTimer = setTimeout(() => {
      this.markTimer = null;
      const shown = this.state.inViewConversation();
      const last = shown?.messages.at(-1)?.seq;
      if (!shown || last === undefined || last <= (shown.markedSeq ?? 0) || document.hidden) return;
      shown.markedSeq = last;
      this.connection.markRead(shown.kind === 'room' ? {room: shown.name} : {with: shown.name}, last);
    }, MARK_READ_AFTER_MS);
  }

  async toggleMute() {
    const conversation = this.state.inViewConversation();
    if (!conversation) return;
    const channel = conversation.kind === 'room' ? {room: conversation.name} : {with: conversation.name};
    try {
      await this.api.mute(channel, !this.state.isMuted(conversation));
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  /** Asks the browser for notifications, once the user says so (browsers ask only on a click). */
  notificationsButton() {
    if (!('Notification' in window) || Notification.permission !== 'default') return null;
    const button = h('button', {id: 'enableNotifications', onclick: async () => {
      await Notification.requestPermission();
      button.remove();
    }}, 'Notify me');
    return button;
  }

  /** A direct message or a mention while the page is not in front: the system's notification. */
  notify(message) {
    if (!document.hidden && document.hasFocus()) return;
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const title = message.room ? `# ${message.room}` : nameOf(message.from);
    const said = message.text || filesSummary(message.files ?? []);
    const shown = new Notification(title, {body: `${nameOf(message.from)}: ${said}`, tag: `message-${message.id}`});
    shown.onclick = () => {
      focus();
      if (message.room) this.openRoom(message.room);
      else this.openDirect(message.from.username === this.me.username ? message.to : message.from.username);
    };
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
    if (conversation === null) this.state.closeView();
    this.page.classList.toggle('conversation-open', conversation !== null);
    this.view.show(conversation);
    if (conversation) {
      this.view.mutedChanged(this.state.isMuted(conversation));
      const until = this.state.silencedUntil(conversation);
      this.view.silenceChanged(until === null ? '' : silenceNotice(conversation.name, until), until !== null);
      this.renderTyping();
      this.seen();
    }
    this.renderRooms();
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

  say(text) {
    this.notice.textContent = text;
  }

  /**
   * A moderator silenced the user in a room until `until` (ms), or lifted it (null): said in the status
   * line, and in the room when it is in view, whose composer waits. The silence ends by itself then,
   * as the server's does, told as if lifted.
   */
  silenceChanged(room, until) {
    const key = roomKey(room);
    clearTimeout(this.silenceTimers.get(key));
    this.silenceTimers.delete(key);
    if (until !== null) {
      this.silenceTimers.set(key, setTimeout(() => this.state.frame({type: 'silenced', room}), until - Date.now()));
    }
    const notice = silenceNotice(room, until);
    this.say(notice);
    const inView = this.state.inViewConversation();
    if (inView?.key === key && this.view.isShowing(inView)) this.view.silenceChanged(notice, until !== null);
  }

  /** A service's notification, shown for a while: who sent it, its kind, its data as the JSON it came as. */
  toast(notification) {
    const data = notification.data === undefined ? '' : JSON.stringify(notification.data);
    const close = () => toast.remove();
    const toast = h('div', {class: 'toast'},
      h('strong', {}, nameOf(notification.from)),
      h('span', {class: 'kind'}, notification.kind),
      data && h('code', {}, data.length > 200 ? `${data.slice(0, 199)}…` : data),
      h('button', {class: 'close', 'aria-label': 'Dismiss', onclick: close}, '×'));
    this.toasts.append(toast);
    setTimeout(close, TOAST_MS);
  }

  /** What no frame tells: the rooms (presence elsewhere), the account, and the members of the room in view. */
  refresh() {
    this.refreshRooms();
    this.refreshAccount();
    this.view.members.reload();
  }

  /** The counts as the server keeps them: after login, after every reconnect, and when a read says so. */
  /**
   * After a read elsewhere that this page cannot settle itself: the server writes markers within half
   * a second (CHAT_READ_FLUSH_MILLIS), so the counts are asked for once it has, once for many reads.
   */
  refreshChannelsSoon() {
    if (this.channelsTimer) return;
    this.channelsTimer = setTimeout(() => {
      this.channelsTimer = null;
      this.refreshChannels();
    }, CHANNELS_AFTER_READ_MS);
  }

  async refreshChannels() {
    try {
      this.state.channelsLoaded(await this.api.channels());
    } catch (failure) {
      this.roomsPanel.showFailure(failure);
    }
  }

  async refreshRooms() {
    try {
      this.state.roomsListed(await this.api.rooms());
      this.roomsPanel.showFailure(null);
    } catch (failure) {
      this.roomsPanel.showFailure(failure);
    }
  }

  async refreshAccount() {
    try {
      this.state.accountLoaded(await this.api.account());
    } catch (failure) {
      this.friendsPanel.say(describe(failure));
    }
  }

  // ---- rendering ----

  renderRooms() {
    const inView = this.state.inViewConversation();
    this.roomsPanel.render(this.state.sortedRooms(), inView?.kind === 'room' ? inView.name : null);
    if (inView?.kind === 'room' && this.view.isShowing(inView)) {
      const room = this.state.roomOf(inView);
      this.view.roomChanged(room, powersIn(room, this.me));
    }
    const unread = this.state.unreadInRooms();
    this.roomsTab.textContent = unread ? `Rooms (${unread})` : 'Rooms';
    this.renderTitle();
  }

  renderFriends() {
    this.friendsPanel.render(this.state.account, this.state.online, this.state.unreadDirect);
    const unread = this.state.unreadDirectMessages();
    this.friendsTab.textContent = unread ? `Friends (${unread})` : 'Friends';
    this.renderTitle();
  }

  renderTyping() {
    const conversation = this.state.inViewConversation();
    if (conversation && this.view.isShowing(conversation)) this.view.typingChanged(this.state.typingNow(conversation));
  }

  renderTitle() {
    const unread = this.state.unreadInRooms() + this.state.unreadDirectMessages();
    document.title = unread ? `(${unread}) Chat · ${this.me.username}` : `Chat · ${this.me.username}`;
  }
}
