// A room's members beside its conversation: every member, as GET /api/rooms/{name}/members lists them
// a page at a time, and everyone in the room now (the conversation's presence, which the frames keep
// live), online ones marked; a tag for the owner and the moderators and, to those who moderate, for a
// silence. By each other member, a menu of what the user may do to them (moderation.js); in a private
// room the user moderates, an invitation by username. What the server answered, done or refused, shows
// under the heading. No frame tells of others' roles and silences, so the list is read again when the
// room is shown, after the user's own moderation, a moment after someone comes or goes, and whenever
// the page refreshes (`reload`).

import {describe} from './api.js';
import {fill, h, when} from './dom.js';
import {INVITE, actionsOn, powersIn} from './moderation.js';
import {PopupMenu} from './menu.js';

/** After someone came or went, the list is read again this much later, once for all who did meanwhile. */
export const MEMBERS_AFTER_PRESENCE_MS = 2_000;

/**
 * The members to show: those listed ({user, role, online, silencedUntil?}) and those in the room now
 * (`here`, users), once each, by username ignoring case. Online is what presence says; a user here
 * takes their profile from it (it follows profile changes live), and one not listed yet has no role.
 */
export function membersShown(listed, here) {
  const present = new Map(here.map((user) => [user.id, user]));
  const shown = new Map();
  for (const member of listed) {
    const live = present.get(member.user.id);
    shown.set(member.user.id, {...member, user: live ?? member.user, online: live !== undefined});
  }
  for (const user of here) if (!shown.has(user.id)) shown.set(user.id, {user, role: null, online: true});
  const key = (member) => member.user.username.toLowerCase();
  return [...shown.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export class MembersPanel {
  /**
   * parts: {me, sender(user): the element naming them, act(action, room, username) -> Promise: does one
   * of moderation.js's actions, list(room, after) -> Promise<{members, more}>: a page of the members}
   */
  constructor(parts) {
    this.parts = parts;
    this.element = h('aside', {id: 'membersPanel'});
    this.menu = new PopupMenu('memberMenu');
    this.shownSince = 0; // counts the conversations shown: a read for an earlier one is dropped
    this.show(null);
  }

  /** The members of the room of conversation from now on; nothing for a direct conversation, or none. */
  show(conversation) {
    this.conversation = conversation?.kind === 'room' ? conversation : null;
    this.room = null;
    this.powers = powersIn(null, this.parts.me);
    this.listed = [];
    this.more = false;
    this.reading = false;
    this.readAgain = false;
    this.shownSince++;
    clearTimeout(this.soon);
    this.soon = null;
    this.menu.close();
    if (!this.conversation) {
      fill(this.element);
      return;
    }
    this.list = h('ul', {id: 'members', class: 'list'});
    this.notice = h('p', {id: 'membersNotice', class: 'muted', role: 'status'});
    this.moreButton = h('button', {id: 'moreMembers', type: 'button', class: 'more-members', hidden: true, onclick: () => this.readMore()}, 'More members');
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
    fill(this.element, h('h2', {}, 'Members'), this.invite, this.notice, this.list, this.moreButton);
    this.reload();
  }

  /** How the user stands in the room, as the list now says: what they are offered follows. */
  roomChanged(room, powers) {
    const roleChanged = this.room !== null && room?.role !== this.room.role;
    this.room = room;
    this.powers = powers;
    if (this.conversation) {
      this.invite.hidden = !powers.invites;
      this.render();
      // Named or unnamed a moderator: the server now shows them the silences, or no longer.
      if (roleChanged) this.reload();
    }
  }

  /** Someone came into the room or left it: the list is read again in a moment, once for all who did. */
  presenceChanged() {
    if (!this.conversation || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.reload();
    }, MEMBERS_AFTER_PRESENCE_MS);
  }

  /**
   * Reads the members from the first again, as many as are listed (a list paged on stays as long). A
   * read asked for while one is on its way follows it; one that fails leaves the list as it was.
   */
  reload() {
    if (!this.conversation) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.read(() => this.pages(null, this.listed.length), (page) => {
      this.listed = page.members;
    });
  }

  /** The next page, after those listed. */
  readMore() {
    if (!this.conversation || this.reading || !this.more || this.listed.length === 0) return;
    this.read(() => this.pages(this.listed.at(-1).user.username, 1), (page) => {
      this.listed = [...this.listed, ...page.members];
    });
  }

  async read(pages, take) {
    const shown = this.shownSince;
    this.reading = true;
    try {
      const page = await pages();
      if (shown !== this.shownSince) return;
      take(page);
      this.more = page.more;
      this.render();
    } catch {
      // Read again at the next occasion: presence, a moderation, the page's refresh.
    } finally {
      if (shown === this.shownSince) {
        this.reading = false;
        if (this.readAgain) {
          this.readAgain = false;
          this.reload();
        }
      }
    }
  }

  /** Pages of members after `after` (null: from the first) until `atLeast` are read, or there are no more. */
  async pages(after, atLeast) {
    const room = this.conversation.name;
    const members = [];
    let from = after ?? undefined;
    for (;;) {
      const page = await this.parts.list(room, from);
      members.push(...page.members);
      if (page.more !== true || page.members.length === 0 || members.length >= atLeast) return {members, more: page.more === true};
      from = members.at(-1).user.username;
    }
  }

  render() {
    if (!this.conversation) return;
    this.moreButton.hidden = !this.more;
    const now = Date.now();
    fill(this.list, membersShown(this.listed, this.conversation.members).map((member) => {
      const {user} = member;
      const role = this.roleOf(member);
      const silenced = member.silencedUntil && Date.parse(member.silencedUntil) > now;
      const actions = actionsOn(member, this.room, this.parts.me, this.powers, now);
      return h('li', {class: member.online ? 'person' : 'person offline', 'data-user': user.username, 'data-online': String(member.online)},
        h('span', {class: member.online ? 'dot online' : 'dot', title: member.online ? 'In the room now' : 'Not in the room now'}),
        this.parts.sender(user),
        role && h('span', {class: 'tag role'}, role),
        silenced && h('span', {class: 'tag silenced', title: `Silenced until ${when(member.silencedUntil)}`}, 'silenced'),
        actions.length > 0 && h('button', {type: 'button', class: 'member-actions', 'aria-haspopup': 'menu',
          'aria-label': `Moderate ${user.username}`, title: 'Moderate', onclick: (e) => this.menu.open(e.currentTarget, user.username,
            actions.map((action) => ({label: action.label, run: () => this.act(action, user.username),
              attributes: {'data-action': action.verb, 'data-minutes': action.minutes, class: action.danger ? 'danger' : null}})))}, '⋯'));
    }));
  }

  /**
   * The owner's role, which the room itself says; the user's own as the rooms list says it (told at
   * once when it changes); anyone else's as the members list last did.
   */
  roleOf(member) {
    const same = (name) => typeof name === 'string' && name.toLowerCase() === member.user.username.toLowerCase();
    if (same(this.room?.owner) || member.role === 'owner') return 'owner';
    const role = same(this.parts.me.username) && this.room?.role ? this.room.role : member.role;
    return role === 'moderator' ? 'moderator' : null;
  }

  /** Does the action on username in the room shown; answers whether the server took it. */
  async act(action, username) {
    const conversation = this.conversation;
    try {
      await this.parts.act(action, conversation.name, username);
      if (this.conversation === conversation) {
        this.say(action.done(username));
        this.reload();
      }
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
