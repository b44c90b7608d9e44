// The emoji a reaction may be, in a small popup beside the React button of a message: the server's
// list (GET /api/emoji), which the page asks for the first time a picker opens and keeps.

import {describe} from './api.js';
import {fill, h} from './dom.js';

export class EmojiPicker {
  /** list(): a promise of [{name, emoji}], in the order to show them. */
  constructor(list) {
    this.list = list;
    this.anchor = null;
    this.element = h('div', {id: 'emojiPicker', class: 'menu picker', role: 'menu', 'aria-label': 'Pick a reaction', hidden: true});
    document.addEventListener('click', (e) => {
      if (!this.element.hidden && !this.element.contains(e.target) && !this.anchor?.contains(e.target)) this.close();
    });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.close());
  }

  /** Shows the emoji beside anchor; pick(emoji) is told the one clicked. */
  async open(anchor, pick) {
    this.anchor = anchor;
    this.element.hidden = false;
    fill(this.element, h('p', {class: 'muted'}, 'Loading…'));
    this.place();
    let all;
    try {
      all = await this.list();
    } catch (failure) {
      fill(this.element, h('p', {class: 'error'}, describe(failure)));
      return;
    }
    if (this.anchor !== anchor || this.element.hidden) return; // closed, or opened elsewhere, meanwhile
    fill(this.element, all.map(({name, emoji}) => h('button', {type: 'button', role: 'menuitem', class: 'emoji',
      'data-name': name, title: `:${name}:`, 'aria-label': name, onclick: () => {
        this.close();
        pick(emoji);
      }}, emoji)));
    this.place();
  }

  /** Below the anchor, or above it when the window has no room below; never past the window's edge. */
  place() {
    const box = this.anchor.getBoundingClientRect();
    const {offsetWidth: width, offsetHeight: height} = this.element;
    this.element.style.left = `${Math.max(4, Math.min(box.right - width, innerWidth - width - 4))}px`;
    this.element.style.top = `${box.bottom + 4 + height <= innerHeight ? box.bottom + 4 : Math.max(4, box.top - 4 - height)}px`;
  }

  close() {
    this.element.hidden = true;
    this.anchor = null;
  }
}
