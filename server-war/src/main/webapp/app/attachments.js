// The attachments of the message being written, above the composer: a chip per file with its name,
// its size and its upload's progress, the server's refusal when it failed, and × to remove it (which
// cancels a running upload); below them a line saying what the send waits for or why it did not go.
// Chips are changed in place as uploads progress, so that a click on × is never lost to a redraw.

import {describe} from './api.js';
import {h} from './dom.js';
import {humanSize, iconFor} from './files.js';

export class AttachmentChips {
  /** remove(key): the user took the attachment away. */
  constructor(remove) {
    this.remove = remove;
    this.list = h('ul', {id: 'attachments', class: 'attachments', 'aria-label': 'Attachments'});
    this.note = h('p', {id: 'attachmentsNote', class: 'attachments-note', role: 'status'});
    this.said = '';
    this.pending = null; // whose chips these are
    this.chips = new Map(); // key -> {element, progress, size, error}
  }

  /** The pending uploads (uploads.js) of the conversation in view, as they now are. */
  render(pending) {
    if (pending !== this.pending) {
      this.pending = pending;
      this.chips.clear();
      this.list.replaceChildren();
    }
    const keys = new Set(pending.items.map((item) => item.key));
    for (const [key, chip] of this.chips) {
      if (!keys.has(key)) {
        chip.element.remove();
        this.chips.delete(key);
      }
    }
    for (const item of pending.items) this.update(this.chips.get(item.key) ?? this.added(item), item);
    this.list.hidden = pending.items.length === 0;
    const left = pending.unfinished();
    this.note.textContent = pending.held
      ? `Sending once the uploads finish (${left} to go)…`
      : this.said;
  }

  /** A line about the attachments until the next one replaces it ('' clears it). */
  say(text) {
    this.said = text;
    this.note.textContent = text;
  }

  added(item) {
    const chip = {
      progress: h('progress', {max: Math.max(1, item.size), value: 0}),
      size: h('span', {class: 'size muted'}, humanSize(item.size)),
      error: h('span', {class: 'error'}),
    };
    chip.element = h('li', {class: 'attachment', 'data-key': item.key},
      h('span', {class: 'icon', 'aria-hidden': 'true'}, iconFor(item.uploaded?.type ?? item.type)),
      h('span', {class: 'name', title: item.name}, item.name),
      chip.size, chip.progress, chip.error,
      h('button', {type: 'button', class: 'remove', 'aria-label': `Remove ${item.name}`, title: 'Remove', onclick: () => this.remove(item.key)}, '×'));
    this.chips.set(item.key, chip);
    this.list.append(chip.element);
    return chip;
  }

  update(chip, item) {
    chip.element.dataset.state = item.state;
    const running = item.state === 'queued' || item.state === 'uploading';
    chip.progress.hidden = !running;
    chip.progress.value = item.sent;
    chip.size.textContent = item.state === 'uploading'
      ? `${humanSize(item.sent)} of ${humanSize(item.size)}`
      : humanSize(item.size);
    chip.error.textContent = item.state === 'failed' ? describe(item.error) : '';
  }
}
