// For an admin: find users (with ban state, last addresses, online), ban with a reason and the address
// option, unban, the bans in force, and the API keys of other services (make, list, revoke).

import {describe} from './api.js';
import {fill, h, when} from './dom.js';
import {nameOf} from './names.js';

export class AdminPage {
  constructor(api, onClose) {
    this.api = api;
    this.selected = null;
    this.query = h('input', {id: 'adminQuery', placeholder: 'Find users by name', 'aria-label': 'Find users by name'});
    this.users = h('ul', {id: 'adminUsers', class: 'list'});
    this.reason = h('input', {id: 'banReason', placeholder: 'Reason for the ban', maxlength: 500, 'aria-label': 'Reason for the ban'});
    this.addresses = h('input', {id: 'banAddresses', type: 'checkbox'});
    this.notice = h('p', {id: 'adminNotice', role: 'status'});
    this.userBans = h('ul', {id: 'userBans', class: 'list'});
    this.addressBans = h('ul', {id: 'addressBans', class: 'list'});
    this.keyName = h('input', {id: 'keyName', placeholder: 'Service name, such as rewards', 'aria-label': 'Service name'});
    this.publishScope = h('input', {id: 'scopePublish', type: 'checkbox', checked: true});
    this.notifyScope = h('input', {id: 'scopeNotify', type: 'checkbox'});
    this.newSecret = h('input', {id: 'newKeySecret', readonly: true, placeholder: "The new key's secret shows here, once", 'aria-label': 'New key secret'});
    this.keys = h('ul', {id: 'apiKeys', class: 'list'});
    this.element = h('section', {id: 'admin', class: 'admin'},
      h('header', {class: 'conversation-header'},
        h('h2', {}, 'Admin'),
        h('button', {id: 'closeAdmin', onclick: onClose}, 'Back to chat')),
      h('form', {class: 'row', onsubmit: (e) => { e.preventDefault(); this.find(); }},
        this.query, h('button', {id: 'adminFind', type: 'submit'}, 'Find')),
      this.users,
      h('div', {class: 'row'}, this.reason),
      h('div', {class: 'row'},
        h('label', {class: 'check'}, this.addresses, 'Ban their addresses too'),
        h('button', {id: 'ban', class: 'danger', onclick: () => this.ban()}, 'Ban'),
        h('button', {id: 'unban', onclick: () => this.unban()}, 'Unban')),
      this.notice,
      h('h2', {}, 'Users banned'), this.userBans,
      h('h2', {}, 'Addresses banned'), this.addressBans,
      h('h2', {}, 'API keys'),
      h('form', {class: 'row', onsubmit: (e) => { e.preventDefault(); this.createKey(); }},
        this.keyName,
        h('label', {class: 'check'}, this.publishScope, 'rooms:publish'),
        h('label', {class: 'check'}, this.notifyScope, 'users:notify'),
        h('button', {id: 'createKey', type: 'submit'}, 'Make key')),
      h('div', {class: 'row'}, this.newSecret),
      this.keys);
  }

  open() {
    this.find();
    this.refreshBans();
    this.refreshKeys();
  }

  /** Someone's profile changed: the user list, if it shows them, shows their name as it is now. */
  renamed(user) {
    const row = this.users.querySelector(`[data-user="${CSS.escape(user.username)}"] .name`);
    if (row) row.textContent = nameOf(user);
  }

  async createKey() {
    const scopes = [this.publishScope.checked && 'rooms:publish', this.notifyScope.checked && 'users:notify'].filter(Boolean);
    try {
      const created = await this.api.createApiKey(this.keyName.value.trim(), scopes);
      this.newSecret.value = created.secret;
      this.keyName.value = '';
      this.say(`Key ${created.key.id} for ${created.key.name} made. Copy its secret now: it is not shown again.`);
      await this.refreshKeys();
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  async refreshKeys() {
    try {
      const keys = await this.api.apiKeys();
      fill(this.keys, keys.length === 0 && h('li', {class: 'empty muted'}, 'None.'), keys.map((key) =>
        h('li', {class: 'api-key', 'data-key': key.id},
          h('span', {class: 'name'}, key.name),
          h('span', {class: 'muted'}, [key.scopes.join(', '), `made ${when(key.createdAt)}`,
            key.lastUsedAt ? `last used ${when(key.lastUsedAt)}` : 'never used'].join(' · ')),
          h('button', {class: 'revoke danger', onclick: () => this.revokeKey(key)}, 'Revoke'))));
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  async revokeKey(key) {
    try {
      await this.api.revokeApiKey(key.id);
      this.say(`Key ${key.id} of ${key.name} is revoked.`);
      await this.refreshKeys();
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  async find() {
    try {
      const found = await this.api.findUsers(this.query.value.trim());
      fill(this.users, found.length === 0 && h('li', {class: 'empty muted'}, 'Nobody by that name.'), found.map((user) =>
        h('li', {class: `admin-user${user.username === this.selected ? ' selected' : ''}`, 'data-user': user.username},
          h('button', {class: 'pick', onclick: () => this.pick(user.username)},
            h('span', {class: 'name'}, nameOf(user)),
            h('span', {class: 'muted'}, [user.role, user.online ? 'online' : 'offline', ...(user.lastIps ?? [])].join(' · ')),
            user.banned && h('span', {class: 'tag danger'}, 'banned')))));
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  pick(username) {
    this.selected = username;
    for (const row of this.users.children) row.classList.toggle('selected', row.dataset.user === username);
    this.say(`Selected ${username}.`);
  }

  async ban() {
    if (!this.selected) return this.say('Pick a user first.');
    if (!this.reason.value.trim()) return this.say('Say why: the user is shown the reason.');
    await this.change(async () => {
      const result = await this.api.ban(this.selected, this.addresses.checked, this.reason.value.trim());
      this.reason.value = '';
      return result.ips?.length ? `${this.selected} is banned, with ${result.ips.join(', ')}.` : `${this.selected} is banned.`;
    });
  }

  async unban() {
    if (!this.selected) return this.say('Pick a user first.');
    await this.change(async () => {
      await this.api.unban(this.selected);
      return `${this.selected} is unbanned.`;
    });
  }

  async change(call) {
    try {
      this.say(await call());
      await Promise.all([this.find(), this.refreshBans()]);
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  async refreshBans() {
    try {
      const bans = await this.api.bans();
      fill(this.userBans, bans.users.length === 0 && h('li', {class: 'empty muted'}, 'None.'), bans.users.map((ban) =>
        h('li', {}, `${ban.user.username}: ${ban.reason} (by ${ban.bannedBy}, ${when(ban.bannedAt)})`)));
      fill(this.addressBans, bans.addresses.length === 0 && h('li', {class: 'empty muted'}, 'None.'), bans.addresses.map((ban) =>
        h('li', {}, `${ban.address} (${ban.user}): ${ban.reason}`)));
    } catch (failure) {
      this.say(describe(failure));
    }
  }

  say(text) {
    this.notice.textContent = text;
  }
}
