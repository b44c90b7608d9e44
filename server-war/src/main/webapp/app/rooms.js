// The rooms, the user's own first and marked so: each with its online count, a lock when it is private
// and, when not in view, its unread and mention counts (a muted room's dimmed); creating one, public or
// private.

import {describe} from './api.js';
import {fill, h} from './dom.js';

export class RoomsPanel {
  /** actions: {create(name, isPrivate) -> Promise, open(name)} */
  constructor(actions) {
    this.list = h('ul', {id: 'rooms', class: 'list'});
    this.error = h('p', {id: 'roomsError', class: 'error', role: 'alert'});
    const name = h('input', {id: 'newRoom', placeholder: 'New room', maxlength: 64, 'aria-label': 'New room name'});
    const isPrivate = h('input', {id: 'newRoomPrivate', type: 'checkbox'});
    const form = h('form', {class: 'new-room', onsubmit: async (e) => {
      e.preventDefault();
      if (!name.value.trim()) {
        this.error.textContent = 'Give the room a name.';
        return;
      }
      try {
        await actions.create(name.value.trim(), isPrivate.checked);
        name.value = '';
        isPrivate.checked = false;
        this.error.textContent = '';
      } catch (failure) {
        this.error.textContent = describe(failure);
      }
    }}, h('div', {class: 'row'}, name, h('button', {id: 'createRoom', type: 'submit'}, 'Create')),
    h('label', {class: 'check', title: 'Seen by its members only, whom you invite'}, isPrivate, 'Private: members only, by invitation'));
    this.actions = actions;
    this.element = h('section', {id: 'roomsPanel', class: 'panel'}, this.list, form, this.error);
  }

  /** rooms: [{name, online, unread, mentions, joined, mine, muted, private}] sorted; inView: the room's name or null. */
  render(rooms, inView) {
    const classes = (room) => ['room', room.joined && 'joined', room.mine && 'mine', room.muted && 'silenced',
      room.name === inView && 'selected'].filter(Boolean).join(' ');
    fill(this.list, rooms.map((room) =>
      h('li', {class: classes(room)},
        h('button', {class: 'open', 'data-room': room.name, onclick: () => this.actions.open(room.name)},
          room.private && h('span', {class: 'lock', title: 'Private', 'aria-label': 'Private'}, '🔒'),
          h('span', {class: 'name'}, `# ${room.name}`),
          room.muted && h('span', {class: 'muted', title: 'muted'}, 'muted'),
          h('span', {class: 'muted'}, `${room.online} online`),
          room.mentions > 0 && h('span', {class: 'badge mention', 'aria-label': `${room.mentions} mentions`}, `@${room.mentions}`),
          room.unread > 0 && h('span', {class: 'badge', 'aria-label': `${room.unread} unread`}, String(room.unread))))));
  }

  showFailure(failure) {
    this.error.textContent = failure ? describe(failure) : '';
  }
}
