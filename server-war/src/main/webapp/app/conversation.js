// A conversation, a room's or a friend's: older history on demand or on scrolling to the top, live
// messages in id order, Delete on one's own (on any for an admin), a menu on the sender's name (add
// friend, message, block), the composer, and for a room its members with presence.

import {fill, h, when} from './dom.js';
import {nameElement, nameOf} from './names.js';

export class ConversationView {
  /**
   * actions: {send(text), loadOlder(), remove(message), leave(), back(), sender(verb, username),
   * typed(), mute()}
   * me: the user looking.
   */
  constructor(actions, me) {
    this.actions = actions;
    this.me = me;
    this.conversation = null;
    this.maxText = null; // from the server's welcome
    this.element = h('main', {id: 'conversation'});
    this.membersElement = h('aside', {id: 'membersPanel'});
    this.menu = new SenderMenu(actions.sender);
    this.menuElement = this.menu.element; // placed by the page, above everything
    this.show(null);
  }

  show(conversation) {
    this.conversation = conversation;
    this.menu.close();
    if (!conversation) {
      fill(this.element, h('p', {class: 'hint muted'}, 'Pick a room, or create one. Friends are in the Friends tab.'));
      fill(this.membersElement);
      return;
    }
    this.older = h('button', {id: 'older', class: 'older', onclick: () => this.actions.loadOlder()}, 'Load older messages');
    this.list = h('ol', {id: 'messages', class: 'messages', 'aria-live': 'polite'});
    this.list.addEventListener('scroll', () => {
      if (this.list.scrollTop < 40 && this.conversation?.olderAvailable) this.actions.loadOlder();
    });
    this.error = h('p', {id: 'chatError', class: 'error', role: 'alert'}, conversation.error ?? '');
    this.draft = h('input', {id: 'draft', autocomplete: 'off', maxlength: this.maxText, placeholder: `Message ${conversation.title}`, 'aria-label': 'Message'});
    const draft = this.draft;
    draft.addEventListener('input', () => draft.value && this.actions.typed());
    this.typingLine = h('p', {id: 'typing', class: 'typing muted', 'aria-live': 'polite'});
    this.muteButton = h('button', {id: 'muteChannel', onclick: () => this.actions.mute()});
    const composer = h('form', {id: 'composer', class: 'composer', onsubmit: (e) => {
      e.preventDefault();
      const text = draft.value.trim();
      if (!text) return;
      this.actions.send(text);
      draft.value = '';
    }}, draft, h('button', {id: 'send', type: 'submit', class: 'primary'}, 'Send'));
    this.memberCount = h('span', {id: 'memberCount', class: 'muted'});
    fill(this.element,
      h('header', {class: 'conversation-header'},
        h('button', {id: 'back', class: 'back', 'aria-label': 'Back to the list', onclick: () => this.actions.back()}, '‹'),
        h('h2', {id: 'conversationTitle'}, conversation.title),
        this.memberCount,
        this.muteButton,
        conversation.kind === 'room' && h('button', {id: 'leaveRoom', onclick: () => this.actions.leave()}, 'Leave room')),
      this.older, this.list, this.typingLine, this.error, composer);
    this.list.append(...conversation.messages.map((m) => this.messageItem(m)));
    this.olderChanged();
    this.membersChanged();
    this.list.scrollTop = this.list.scrollHeight;
    if (matchMedia('(min-width: 701px)').matches) draft.focus();
  }

  /** The server's limits, from its welcome: a draft holds no more than a message may. */
  limitsChanged(limits) {
    this.maxText = limits.maxText;
    this.draft?.setAttribute('maxlength', String(limits.maxText));
  }

  isShowing(conversation) {
    return this.conversation === conversation;
  }

  /** messages[index] of the conversation in view is new. */
  inserted(index) {
    const message = this.conversation.messages[index];
    const atEnd = index === this.conversation.messages.length - 1;
    const following = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 60;
    const before = this.list.scrollHeight;
    this.list.insertBefore(this.messageItem(message), this.list.children[index] ?? null);
    if (atEnd && (following || message.from.id === this.me.id)) {
      this.list.scrollTop = this.list.scrollHeight;
    } else if (index === 0) {
      this.list.scrollTop += this.list.scrollHeight - before; // older history: keep what was read in place
    }
  }

  removed(id) {
    this.list?.querySelector(`[data-id="${id}"]`)?.remove();
  }

  olderChanged() {
    this.older.hidden = !this.conversation.olderAvailable;
  }

  membersChanged() {
    const conversation = this.conversation;
    if (conversation.kind !== 'room') {
      fill(this.membersElement);
      this.memberCount.textContent = '';
      return;
    }
    this.memberCount.textContent = `${conversation.members.length} here`;
    fill(this.membersElement,
      h('h2', {}, 'In this room'),
      h('ul', {id: 'members', class: 'list'}, conversation.members.map((user) =>
        h('li', {class: 'person', 'data-user': user.username},
          h('span', {class: 'dot online', title: 'online'}), this.senderName(user)))));
  }

  /** Someone's profile changed: their messages and their place among the members are drawn again. */
  renamed(user) {
    for (const message of this.conversation.messages) {
      if (message.from.id !== user.id) continue;
      this.list.querySelector(`[data-id="${message.id}"]`)?.replaceWith(this.messageItem(message));
    }
    this.membersChanged();
  }

  /** users: who is typing in the conversation now. */
  typingChanged(users) {
    const names = users.map(nameOf);
    this.typingLine.textContent =
      names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
  }

  mutedChanged(muted) {
    this.muteButton.textContent = muted ? 'Unmute' : 'Mute';
    this.muteButton.setAttribute('aria-pressed', String(muted));
  }

  errorChanged() {
    this.error.textContent = this.conversation.error ?? '';
  }

  messageItem(message) {
    const mine = message.from.id === this.me.id;
    const me = this.me.username.toLowerCase();
    const mentioned = (message.mentions ?? []).some((name) => name.toLowerCase() === me);
    return h('li', {class: ['message', mine && 'mine', mentioned && 'mention'].filter(Boolean).join(' '), 'data-id': message.id},
      h('div', {class: 'meta'},
        this.senderName(message.from),
        h('time', {datetime: message.sentAt, class: 'muted'}, when(message.sentAt)),
        (mine || this.me.role === 'ADMIN') &&
          h('button', {class: 'delete', 'aria-label': 'Delete this message', onclick: () => this.actions.remove(message)}, 'Delete')),
      // Text from users is set as text, never parsed as markup.
      h('p', {class: 'text'}, message.text));
  }

  /** The sender's name; another person's opens the menu of what one can do with them. */
  senderName(user) {
    if (user.id === this.me.id || user.role === 'SERVICE') return nameElement('span', {class: 'sender'}, user);
    return nameElement('button', {class: 'sender', 'aria-haspopup': 'menu', onclick: (e) => this.menu.open(user.username, e.currentTarget)}, user);
  }
}

/** The menu on a sender's name. */
class SenderMenu {
  constructor(act) {
    this.element = h('div', {id: 'senderMenu', class: 'menu', role: 'menu', hidden: true});
    this.act = act;
    document.addEventListener('click', (e) => {
      if (!this.element.hidden && !this.element.contains(e.target) && !e.target.classList.contains('sender')) this.close();
    });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.close());
  }

  open(username, anchor) {
    const item = (label, verb) => h('button', {role: 'menuitem', 'data-action': verb, onclick: () => {
      this.close();
      this.act(verb, username);
    }}, label);
    fill(this.element, h('div', {class: 'menu-title muted'}, username),
      item('Add friend', 'add'), item('Message', 'message'), item('Block', 'block'));
    const box = anchor.getBoundingClientRect();
    this.element.style.left = `${Math.min(box.left, innerWidth - 180)}px`;
    this.element.style.top = `${box.bottom + 4}px`;
    this.element.hidden = false;
  }

  close() {
    this.element.hidden = true;
  }
}
