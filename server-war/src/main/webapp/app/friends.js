// Friends with their online state and unread counts; requests in (accept, decline) and out (cancel);
// blocked users (unblock); asking someone to be friends.

import {fill, h} from './dom.js';
import {nameElement} from './names.js';

export class FriendsPanel {
  /** actions: {social(verb, username), message(username)}; social answers the notice to show. */
  constructor(actions) {
    this.actions = actions;
    this.notice = h('p', {id: 'friendsNotice', class: 'muted', role: 'status'});
    this.friends = h('ul', {id: 'friends', class: 'list'});
    this.incoming = h('ul', {id: 'incoming', class: 'list'});
    this.outgoing = h('ul', {id: 'outgoing', class: 'list'});
    this.blocked = h('ul', {id: 'blocked', class: 'list'});
    const name = h('input', {id: 'friendName', placeholder: 'Username', maxlength: 32, 'aria-label': 'Username to add'});
    const form = h('form', {class: 'row', onsubmit: (e) => {
      e.preventDefault();
      if (!name.value.trim()) {
        this.say('Whom? Type a username.');
        return;
      }
      actions.social('add', name.value.trim());
      name.value = '';
    }}, name, h('button', {id: 'addFriend', type: 'submit'}, 'Add friend'));
    this.element = h('section', {id: 'friendsPanel', class: 'panel'},
      form, this.notice,
      h('h2', {}, 'Your friends'), this.friends,
      h('h2', {}, 'Requests to you'), this.incoming,
      h('h2', {}, 'Your requests'), this.outgoing,
      h('h2', {}, 'Blocked'), this.blocked);
  }

  say(text) {
    this.notice.textContent = text;
  }

  /** account: {friends, incoming, outgoing, blocked}; online: Set of usernames; unread: Map username -> n. */
  render(account, online, unread) {
    const act = (verb, user) => () => this.actions.social(verb, user.username);
    fill(this.friends, empty(account.friends, 'No friends yet.'), account.friends.map((user) => {
      const count = unread.get(user.username.toLowerCase()) ?? 0;
      const isOnline = online.has(user.username);
      return h('li', {class: 'person', 'data-user': user.username},
        h('span', {class: isOnline ? 'dot online' : 'dot', title: isOnline ? 'online' : 'offline'}),
        nameElement('span', {class: 'name'}, user),
        count > 0 && h('span', {class: 'badge'}, String(count)),
        h('button', {class: 'message', onclick: () => this.actions.message(user.username)}, 'Message'),
        h('button', {class: 'remove', onclick: act('remove', user)}, 'Remove'));
    }));
    fill(this.incoming, empty(account.incoming, 'None.'), account.incoming.map((user) =>
      h('li', {class: 'person', 'data-user': user.username}, nameElement('span', {class: 'name'}, user),
        h('button', {class: 'accept', onclick: act('add', user)}, 'Accept'),
        h('button', {class: 'decline', onclick: act('remove', user)}, 'Decline'))));
    fill(this.outgoing, empty(account.outgoing, 'None.'), account.outgoing.map((user) =>
      h('li', {class: 'person', 'data-user': user.username}, nameElement('span', {class: 'name'}, user),
        h('button', {class: 'cancel', onclick: act('remove', user)}, 'Cancel'))));
    fill(this.blocked, empty(account.blocked, 'Nobody.'), account.blocked.map((user) =>
      h('li', {class: 'person', 'data-user': user.username}, nameElement('span', {class: 'name'}, user),
        h('button', {class: 'unblock', onclick: act('unblock', user)}, 'Unblock'))));
  }
}

function empty(list, text) {
  return list.length === 0 ? h('li', {class: 'empty muted'}, text) : null;
}
