// A small menu that pops up by the button that opened it: under its title, one button per item. It
// goes on a choice, on a click anywhere else, or on Escape.

import {fill, h} from './dom.js';

export class PopupMenu {
  constructor(id) {
    this.anchor = null;
    this.element = h('div', {id, class: 'menu', role: 'menu', hidden: true});
    document.addEventListener('click', (e) => {
      // A click on the anchor opened the menu (again, elsewhere perhaps): it stays.
      if (!this.element.hidden && !this.element.contains(e.target) && !this.anchor?.contains(e.target)) this.close();
    });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.close());
  }

  /** items: [{label, run(), attributes?}], shown below anchor, or above it when the window has no room below. */
  open(anchor, title, items) {
    this.anchor = anchor;
    fill(this.element, h('div', {class: 'menu-title muted'}, title), items.map((item) =>
      h('button', {type: 'button', role: 'menuitem', ...item.attributes, onclick: () => {
        this.close();
        item.run();
      }}, item.label)));
    this.element.hidden = false;
    const box = anchor.getBoundingClientRect();
    const {offsetWidth: width, offsetHeight: height} = this.element;
    this.element.style.left = `${Math.max(4, Math.min(box.left, innerWidth - width - 4))}px`;
    this.element.style.top = `${box.bottom + 4 + height <= innerHeight ? box.bottom + 4 : Math.max(4, box.top - 4 - height)}px`;
  }

  close() {
    this.element.hidden = true;
    this.anchor = null;
  }
}
