// The rooms: each with its online count and, when joined and not in view, its unread count; creating one.

import {describe} from './api.js';
import {fill, h} from './dom.js';

export class RoomsPanel {
  /** actions: {create(name) -> Promise, open(name)} */
  constructor(actions) {
    this.list = h('ul', {id: 'rooms', class: 'list'});
    this.error = h('p', {id: 'roomsError', class: 'error', role: 'alert'});
    const name = h('input', {id: 'newRoom', placeholder: 'New room', maxlength: 64, 'aria-label': 'New room name'});
    const form = h('form', {class: 'row', onsubmit: async (e) => {
      e.preventDefault();
      if (!name.value.trim()) {
        this.error.textContent = 'Give the room a name.';
        return;
      }
      try {
        await actions.create(name.value.trim());
        name.value = '';
        this.error.textContent = '';
      } catch (failure) {
        this.error.textContent = describe(failure);
      }
    }}, name, h('button', {id: 'createRoom', type: 'submit'}, 'Create'));
    this.actions = actions;
    this.element = h('section', {id: 'roomsPanel', class: 'panel'}, this.list, form, this.error);
  }

  /** rooms: [{name, online, unread, joined}] sorted; inView: the room's name or null. */
  render(rooms, inView) {
    fill(this.list, rooms.map((room) =>
      h('li', {class: `room${room.joined ? ' joined' : ''}${room.name === inView ? ' selected' : ''}`},
        h('button', {class: 'open', 'data-room': room.name, onclick: () => this.actions.open(room.name)},
          h('span', {class: 'name'}, `# ${room.name}`),
          h('span', {class: 'muted'}, `${room.online} online`),
          room.unread > 0 && h('span', {class: 'badge', 'aria-label': `${room.unread} unread`}, String(room.unread))))));
  }

  showFailure(failure) {
    this.error.textContent = failure ? describe(failure) : '';
  }
}
