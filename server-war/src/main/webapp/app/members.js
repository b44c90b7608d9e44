// A room's members beside its conversation: those in it now, with presence, the owner marked and the
// user's own role; by each other member, a menu of what the user may do to them (moderation.js); in a
// private room the user moderates, an invitation by username. What the server answered, done or
// refused, shows under the heading.

import {describe} from './api.js';
import {fill, h} from './dom.js';
import {INVITE, actionsOn, powersIn} from './moderation.js';
import {PopupMenu} from './menu.js';

export class MembersPanel {
  /**
   * parts: {me, sender(user): the element naming them, act(action, room, username) -> Promise: does one
   * of moderation.js's actions}
   */
  constructor(parts) {
    this.parts = parts;
    this.element = h('aside', {id: 'membersPanel'});
    this.menu = new PopupMenu('memberMenu');
    this.show(null);
  }

  /** The members of the room of conversation from now on; nothing for a direct conversation, or none. */
  show(conversation) {
    this.conversation = conversation?.kind === 'room' ? conversation : null;
    this.room = null;
    this.powers = powersIn(null, this.parts.me);
    this.menu.close();
    if (!this.conversation) {
      fill(this.element);
      return;
    }
    this.list = h('ul', {id: 'members', class: 'list'});
    this.notice = h('p', {id: 'membersNotice', class: 'muted', role: 'status'});
    const name = h('input', {id: 'inviteName', placeholder: 'Username', maxlength: 32, autocomplete: 'off', 'aria-label': 'Username to invite'});
    this.invite = h('form', {id: 'inviteForm', class: 'row invite', hidden: true, onsubmit: async (e) => {
      e.preventDefault();
      const username = name.value.trim();
      if (!username) {
        this.say('Whom? Type a username.', true);
        return;
      }
      if (await this.act(INVITE, username)) name.value = '';
    }}, name, h('button', {id: 'invite', type: 'submit'}, 'Invite'));
    fill(this.element, h('h2', {}, 'In this room'), this.invite, this.notice, this.list);
  }

  /** How the user stands in the room, as the list now says: what they are offered follows. */
  roomChanged(room, powers) {
    this.room = room;
    this.powers = powers;
    if (this.conversation) {
      this.invite.hidden = !powers.invites;
      this.render();
    }
  }

  render() {
    if (!this.conversation) return;
    fill(this.list, this.conversation.members.map((user) => {
      const actions = actionsOn(user, this.room, this.parts.me, this.powers);
      return h('li', {class: 'person', 'data-user': user.username},
        h('span', {class: 'dot online', title: 'online'}),
        this.parts.sender(user),
        this.roleOf(user) && h('span', {class: 'tag role'}, this.roleOf(user)),
        actions.length > 0 && h('button', {type: 'button', class: 'member-actions', 'aria-haspopup': 'menu',
          'aria-label': `Moderate ${user.username}`, title: 'Moderate', onclick: (e) => this.menu.open(e.currentTarget, user.username,
            actions.map((action) => ({label: action.label, run: () => this.act(action, user.username),
              attributes: {'data-action': action.verb, 'data-minutes': action.minutes, class: action.danger ? 'danger' : null}})))}, '⋯'));
    }));
  }

  /** The owner's role shows for everyone; a moderator's only to themselves, the one the page is told. */
  roleOf(user) {
    const same = (name) => typeof name === 'string' && name.toLowerCase() === user.username.toLowerCase();
    if (same(this.room?.owner)) return 'owner';
    if (same(this.parts.me.username) && this.room?.role === 'moderator') return 'moderator';
    return null;
  }

  /** Does the action on username in the room shown; answers whether the server took it. */
  async act(action, username) {
    const conversation = this.conversation;
    try {
      await this.parts.act(action, conversation.name, username);
      if (this.conversation === conversation) this.say(action.done(username));
      return true;
    } catch (failure) {
      if (this.conversation === conversation) this.say(describe(failure), true);
      return false;
    }
  }

  say(text, failed = false) {
    this.notice.textContent = text;
    this.notice.className = failed ? 'error' : 'muted';
  }
}
