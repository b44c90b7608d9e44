// The user's own display name and status: a small dialog, filled from who the page knows them to be and
// saved to the server, which checks the rules (lengths count characters, which an input's maxlength does
// not: it counts UTF-16 units) and tells everyone who sees the user (this page too).

import {describe} from './api.js';
import {h} from './dom.js';

export class ProfileDialog {
  /** saved(user): the caller as the server stored them. */
  constructor(api, saved) {
    this.api = api;
    this.saved = saved;
    this.displayName = h('input', {id: 'displayName', required: true, 'aria-label': 'Display name'});
    this.status = h('input', {id: 'status', placeholder: 'A short status, or nothing', 'aria-label': 'Status'});
    this.error = h('p', {id: 'profileError', class: 'error', role: 'alert'});
    this.element = h('dialog', {id: 'profile'},
      h('form', {method: 'dialog', onsubmit: (e) => { e.preventDefault(); this.save(); }},
        h('h2', {}, 'Your profile'),
        h('label', {}, 'Display name', this.displayName),
        h('label', {}, 'Status', this.status),
        this.error,
        h('div', {class: 'row'},
          h('button', {id: 'saveProfile', type: 'submit', class: 'primary'}, 'Save'),
          h('button', {type: 'button', onclick: () => this.element.close()}, 'Cancel'))));
  }

  open(me) {
    this.displayName.value = me.displayName;
    this.status.value = me.status;
    this.error.textContent = '';
    this.element.showModal();
  }

  async save() {
    try {
      const me = await this.api.changeProfile({displayName: this.displayName.value, status: this.status.value});
      this.element.close();
      this.saved(me);
    } catch (failure) {
      this.error.textContent = describe(failure);
    }
  }
}
