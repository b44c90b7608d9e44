// A conversation, a room's or a friend's: older history on demand or on scrolling to the top, live
// messages in id order (each drawn by message.js, with its actions: reply, react, edit and delete), a
// menu on the sender's name (add friend, message, block), the composer with the message it replies to
// (waiting while the user is silenced there) and its attachments (picked, dropped on the conversation
// or pasted into the draft; each conversation's own, uploading while another is in view), the files of
// the messages (message-files.js), and for a room a lock when it is private and its members
// (members.js).

import {AttachmentChips} from './attachments.js';
import {fill, h} from './dom.js';
import {attachedAs, filesSummary} from './files.js';
import {sendsOnEnter} from './keys.js';
import {MembersPanel} from './members.js';
import {PopupMenu} from './menu.js';
import {messageEditor, messageItem} from './message.js';
import {MessageFiles} from './message-files.js';
import {powersIn} from './moderation.js';
import {nameElement, nameOf} from './names.js';
import {EmojiPicker} from './picker.js';
import {isMine} from './reactions.js';
import {FILES_PER_MESSAGE, PendingUploads} from './uploads.js';

/** How long a message brought into view from a quote of it stays highlighted. */
const HIGHLIGHT_MS = 2_000;
/** How much of the message replied to the composer shows. */
const REPLYING_SHOWN = 80;
/** Why a send that waited for its uploads did not go. */
const NOT_SENT = {
  failed: 'Not sent: an upload failed. Remove it (×), then send again.',
  removed: 'Not sent: an attachment was removed while it waited. Send again to send the rest.',
};

/** Whether a drag carries files (not text or a link dragged from the page). */
const carriesFiles = (e) => e.dataTransfer?.types.includes('Files');

/**
 * The draft as tall as its lines, wrapped ones too, up to the stylesheet's max-height (six lines); past
 * that it scrolls.
 */
function fitLines(draft) {
  draft.style.height = 'auto';
  draft.style.height = `${draft.scrollHeight + draft.offsetHeight - draft.clientHeight}px`;
}

export class ConversationView {
  /**
   * actions: {send(conversation, text, replyTo, fileIds), uploads: {upload(file, name, progress), discard(id)}
   * (uploads.js's transport), fileBytes(id, preview) -> Promise<Blob>, loadOlder(), remove(message), edit(message, text) -> Promise<boolean>,
   * react(message, emoji, on), emoji() -> Promise<[{name, emoji}]>, reveal(id), say(text), leave(),
   * back(), sender(verb, username), typed(), mute(), moderate(action, room, username) -> Promise,
   * members(room, after) -> Promise<{members, more}>}
   * me: the user looking.
   */
  constructor(actions, me) {
    this.actions = actions;
    this.me = me;
    this.conversation = null;
    this.maxText = null; // from the server's welcome
    this.replying = null; // the message the draft answers
    this.editing = null; // {id, editor} of the message whose text is being edited
    this.element = h('main', {id: 'conversation'});
    this.members = new MembersPanel({me, sender: (user) => this.senderName(user), act: actions.moderate, list: actions.members});
    this.membersElement = this.members.element;
    this.menu = new PopupMenu('senderMenu');
    this.picker = new EmojiPicker(actions.emoji);
    this.emoji = new Map(); // shortcode -> emoji, for :name: in texts; filled by the first conversation shown
    this.files = new MessageFiles(actions.fileBytes, actions.say);
    this.pending = new Map(); // conversation key -> its attachments (PendingUploads)
    this.returned = new Map(); // conversation key -> {text, why} of a send that waited and did not go while elsewhere
    this.chips = new AttachmentChips((key) => this.pendingOf(this.conversation).remove(key));
    this.overlays = [this.menu.element, this.members.menu.element, this.picker.element, this.files.element]; // placed by the page, above everything
    this.dropFiles();
    this.show(null);
  }

  /** Files dropped on the conversation are attached; dropped anywhere else on the page, the browser does not open them in its place. */
  dropFiles() {
    const stop = (e) => carriesFiles(e) && e.preventDefault();
    document.addEventListener('dragover', stop);
    document.addEventListener('drop', stop);
    const taking = () => this.conversation !== null && !this.sendButton.disabled;
    this.element.addEventListener('dragover', (e) => {
      if (!carriesFiles(e) || !taking()) return;
      e.dataTransfer.dropEffect = 'copy';
      this.element.classList.add('dropping');
    });
    this.element.addEventListener('dragleave', (e) => {
      if (!this.element.contains(e.relatedTarget)) this.element.classList.remove('dropping');
    });
    this.element.addEventListener('drop', (e) => {
      this.element.classList.remove('dropping');
      if (carriesFiles(e) && taking()) this.attach(attachedAs(e.dataTransfer.files));
    });
  }

  /** The conversation's attachments, made the first time it is written in. */
  pendingOf(conversation) {
    const known = this.pending.get(conversation.key);
    if (known) return known;
    const shown = () => this.conversation === conversation;
    const pending = new PendingUploads(this.actions.uploads, {
      changed: () => shown() && this.chips.render(pending),
      deliver: (text, files, replyTo) => {
        this.actions.send(conversation, text, replyTo, files);
        if (shown()) this.sent();
      },
      released: (why, text) => {
        if (!shown()) return this.returned.set(conversation.key, {text, why});
        this.draft.readOnly = false;
        return this.chips.say(NOT_SENT[why]);
      },
    });
    this.pending.set(conversation.key, pending);
    return pending;
  }

  /** [{file, name}] join the draft's attachments, up to what a message takes. */
  attach(entries) {
    if (entries.length === 0) return;
    const left = this.pendingOf(this.conversation).add(entries);
    this.chips.say(left > 0 ? `A message takes at most ${FILES_PER_MESSAGE} files: ${left === 1 ? '1 was' : `${left} were`} left out.` : '');
  }

  /** The draft went, with its attachments. */
  sent() {
    this.draft.value = '';
    this.draft.readOnly = false;
    fitLines(this.draft);
    this.cancelReply();
    this.chips.say('');
  }

  /** The page ends: uploads running stop, and those done but not sent are deleted. */
  discardUploads() {
    for (const pending of this.pending.values()) pending.discardAll();
  }

  show(conversation) {
    this.conversation = conversation;
    this.replying = null;
    this.editing = null;
    this.files.forgetAll();
    this.element.classList.remove('dropping');
    this.powers = powersIn(null, this.me); // in the room shown, once the list says (roomChanged)
    this.menu.close();
    this.picker.close();
    this.members.show(conversation);
    if (!conversation) {
      fill(this.element, h('p', {class: 'hint muted'}, 'Pick a room, or create one. Friends are in the Friends tab.'));
      return;
    }
    this.older = h('button', {id: 'older', class: 'older', onclick: () => this.actions.loadOlder()}, 'Load older messages');
    this.list = h('ol', {id: 'messages', class: 'messages', 'aria-live': 'polite'});
    this.list.addEventListener('scroll', () => {
      if (this.list.scrollTop < 40 && this.conversation?.olderAvailable) this.actions.loadOlder();
    });
    this.error = h('p', {id: 'chatError', class: 'error', role: 'alert'}, conversation.error ?? '');
    // A textarea, since a message may hold several lines: Enter sends, Shift+Enter starts a line (keys.js).
    this.draft = h('textarea', {id: 'draft', rows: 1, autocomplete: 'off', maxlength: this.maxText, placeholder: `Message ${conversation.title}`, 'aria-label': 'Message'});
    const draft = this.draft;
    draft.addEventListener('input', () => {
      fitLines(draft);
      if (draft.value) this.actions.typed();
    });
    this.typingLine = h('p', {id: 'typing', class: 'typing muted', 'aria-live': 'polite'});
    this.muteButton = h('button', {id: 'muteChannel', onclick: () => this.actions.mute()});
    this.replyBar = h('div', {id: 'replying', class: 'replying', hidden: true});
    this.sendButton = h('button', {id: 'send', type: 'submit', class: 'primary'}, 'Send');
    const pending = this.pendingOf(conversation);
    const picker = h('input', {id: 'fileInput', type: 'file', multiple: true, hidden: true, onchange: () => {
      this.attach(attachedAs(picker.files));
      picker.value = ''; // the same file picked again is a change again
    }});
    this.attachButton = h('button', {id: 'attach', type: 'button', class: 'attach', title: 'Attach files', 'aria-label': 'Attach files',
      onclick: () => picker.click()}, '📎');
    draft.addEventListener('paste', (e) => {
      const files = e.clipboardData?.files ?? [];
      if (files.length === 0) return; // text pastes as text
      e.preventDefault();
      this.attach(attachedAs(files, {pasted: true}));
    });
    const composer = h('form', {id: 'composer', class: 'composer', onsubmit: (e) => {
      e.preventDefault();
      if (pending.held) return; // already waiting for its uploads
      const outcome = pending.send(draft.value.trim(), this.replying?.id);
      if (outcome === 'waiting') draft.readOnly = true;
      else if (outcome === 'failed') this.chips.say(NOT_SENT.failed);
    }}, this.attachButton, picker, draft, this.sendButton);
    draft.addEventListener('keydown', (e) => {
      if (sendsOnEnter(e)) {
        e.preventDefault();
        composer.requestSubmit();
      } else if (e.key === 'Escape') {
        this.cancelReply();
      }
    });
    this.silenceLine = h('p', {id: 'silence', class: 'silence', role: 'status'});
    this.memberCount = h('span', {id: 'memberCount', class: 'muted'});
    this.lock = h('span', {id: 'conversationLock', class: 'lock', title: 'A private room: its members only', 'aria-label': 'Private', hidden: true}, '🔒');
    fill(this.element,
      h('header', {class: 'conversation-header'},
        h('button', {id: 'back', class: 'back', 'aria-label': 'Back to the list', onclick: () => this.actions.back()}, '‹'),
        this.lock,
        h('h2', {id: 'conversationTitle'}, conversation.title),
        this.memberCount,
        this.muteButton,
        conversation.kind === 'room' && h('button', {id: 'leaveRoom', onclick: () => {
          pending.discardAll();
          this.pending.delete(conversation.key);
          this.actions.leave();
        }}, 'Leave room')),
      this.older, this.list, this.typingLine, this.error, this.silenceLine, this.replyBar, this.chips.list, this.chips.note, composer);
    this.chips.say('');
    this.chips.render(pending);
    const returned = this.returned.get(conversation.key);
    this.returned.delete(conversation.key);
    if (pending.held) {
      draft.value = pending.held.text;
    } else if (returned) {
      draft.value = returned.text;
      this.chips.say(NOT_SENT[returned.why]);
    }
    draft.readOnly = pending.held !== null;
    this.list.append(...conversation.messages.map((m) => this.messageItem(m)));
    this.olderChanged();
    this.membersChanged();
    this.list.scrollTop = this.list.scrollHeight;
    if (matchMedia('(min-width: 701px)').matches) draft.focus();
    if (this.emoji.size === 0) this.loadEmoji();
  }

  /**
   * The emoji that :name: stands for, asked for once (the picker's list); the messages in view that
   * may hold a shortcode are drawn again with them. Until then, or if the list cannot be had, a
   * shortcode shows as typed; the next conversation shown asks again.
   */
  async loadEmoji() {
    let list;
    try {
      list = await this.actions.emoji();
    } catch {
      return;
    }
    this.emoji = new Map(list.map(({name, emoji}) => [name, emoji]));
    for (const message of this.conversation?.messages ?? []) {
      if (message.text.includes(':')) this.changed(message.id);
    }
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

  /** The message `id` of the conversation in view is not as it was: it is drawn again. */
  changed(id) {
    const item = this.item(id);
    const message = this.conversation.messages.find((m) => m.id === id);
    if (!item || !message) return;
    const following = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 60;
    const field = this.editing?.id === id ? this.editing.editor.querySelector('textarea') : null;
    const typing = field !== null && document.activeElement === field;
    const {selectionStart, selectionEnd} = field ?? {};
    item.replaceWith(this.messageItem(message));
    // The editor moved into the new item, which took the focus from it.
    if (typing) {
      field.focus();
      field.setSelectionRange(selectionStart, selectionEnd);
    }
    if (following) this.list.scrollTop = this.list.scrollHeight;
  }

  removed(id) {
    const item = this.item(id);
    if (item) this.files.forget(item);
    item?.remove();
    if (this.editing?.id === id) this.editing = null;
    if (this.replying?.id === id) {
      this.cancelReply();
      this.actions.say('The message you were replying to was deleted.');
    }
  }

  item(id) {
    return this.list?.querySelector(`[data-id="${id}"]`) ?? null;
  }

  /** Brings a message of the conversation into view and highlights it for a moment. */
  reveal(id) {
    const item = this.item(id);
    if (!item) return;
    item.scrollIntoView({block: 'center'});
    item.classList.add('highlight');
    setTimeout(() => item.classList.remove('highlight'), HIGHLIGHT_MS);
  }

  /** The draft answers message: the composer says so, with a way out. */
  replyTo(message) {
    this.replying = message;
    const said = message.text || filesSummary(message.files ?? []);
    const characters = [...said];
    const text = characters.length > REPLYING_SHOWN ? `${characters.slice(0, REPLYING_SHOWN - 1).join('')}…` : said;
    fill(this.replyBar,
      h('span', {class: 'replying-to'}, 'Replying to ', h('strong', {}, nameOf(message.from)), ': ', h('span', {class: 'excerpt'}, text)),
      h('button', {type: 'button', id: 'cancelReply', class: 'close', 'aria-label': 'Cancel the reply', onclick: () => this.cancelReply()}, '×'));
    this.replyBar.hidden = false;
    this.draft.focus();
  }

  cancelReply() {
    this.replying = null;
    this.replyBar.hidden = true;
    fill(this.replyBar);
  }

  /** One's own message gets an editor in place of its text, the only one open. */
  startEditing(message) {
    const before = this.editing?.id;
    const cancel = () => this.stopEditing(message.id);
    const save = async (text) => {
      if (await this.actions.edit(message, text)) this.stopEditing(message.id);
    };
    this.editing = {id: message.id, editor: messageEditor(message.text, this.maxText, {save, cancel})};
    if (before !== undefined) this.changed(before);
    this.changed(message.id);
    const field = this.editing.editor.querySelector('textarea');
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  stopEditing(id) {
    if (this.editing?.id !== id) return;
    this.editing = null;
    this.changed(id);
  }

  olderChanged() {
    this.older.hidden = !this.conversation.olderAvailable;
  }

  membersChanged() {
    const conversation = this.conversation;
    this.memberCount.textContent = conversation.kind === 'room' ? `${conversation.members.length} here` : '';
    this.members.render();
  }

  /**
   * The room in view as the list now says it (private, its owner, the user's role) and the powers that
   * gives the user: the lock, the members' actions and, when whether the user moderates changed, every
   * message's Delete follow.
   */
  roomChanged(room, powers) {
    const before = this.powers.moderates;
    this.powers = powers;
    this.lock.hidden = room?.private !== true;
    this.members.roomChanged(room, powers);
    if (powers.moderates !== before) for (const message of this.conversation.messages) this.changed(message.id);
  }

  /** notice: what to tell of the user's silence here, or ''; while `silenced`, nothing is sent. */
  silenceChanged(notice, silenced) {
    this.silenceLine.textContent = notice;
    this.silenceLine.classList.toggle('active', silenced);
    this.draft.disabled = silenced;
    this.sendButton.disabled = silenced;
    this.attachButton.disabled = silenced;
  }

  /** Someone's profile changed: their messages, the quotes of them and their place among the members are drawn again. */
  renamed(user) {
    for (const message of this.conversation.messages) {
      if (message.from.id === user.id || message.replyTo?.from.id === user.id) this.changed(message.id);
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

  /** The message as the conversation holds it when the item is drawn: what its actions act on. */
  messageItem(message) {
    return messageItem(message, {
      me: this.me,
      moderates: this.powers.moderates,
      sender: (user) => this.senderName(user),
      editor: this.editing?.id === message.id ? this.editing.editor : null,
      emoji: this.emoji,
      files: (files) => this.files.render(files),
      reply: () => this.replyTo(message),
      pick: (anchor) => this.picker.open(anchor, (emoji) => this.actions.react(message, emoji, !isMine(message, emoji))),
      react: (emoji, on) => this.actions.react(message, emoji, on),
      edit: () => this.startEditing(message),
      remove: () => this.actions.remove(message),
      reveal: () => this.actions.reveal(message.replyTo.id),
    });
  }

  /** The sender's name; another person's opens the menu of what one can do with them. */
  senderName(user) {
    if (user.id === this.me.id || user.role === 'SERVICE') return nameElement('span', {class: 'sender'}, user);
    const item = (label, verb) => ({label, attributes: {'data-action': verb}, run: () => this.actions.sender(verb, user.username)});
    return nameElement('button', {class: 'sender', 'aria-haspopup': 'menu', onclick: (e) => this.menu.open(e.currentTarget, user.username,
      [item('Add friend', 'add'), item('Message', 'message'), item('Block', 'block')])}, user);
  }
}
