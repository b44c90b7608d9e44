// The connection's state in words, with the node serving this page and a countdown to the next try.

import {h} from './dom.js';

export class StatusLine {
  constructor() {
    this.element = h('span', {id: 'connection', class: 'connection', role: 'status'});
    this.ticker = null;
  }

  show(state) {
    clearInterval(this.ticker);
    this.element.classList.toggle('trouble', state.kind !== 'connected');
    if (state.kind === 'reconnecting') {
      const tick = () => {
        const seconds = Math.max(0, Math.ceil((state.retryAt - Date.now()) / 1000));
        this.element.textContent = `Reconnecting in ${seconds} s (${state.reason})`;
      };
      tick();
      this.ticker = setInterval(tick, 250);
      return;
    }
    this.element.textContent = describeState(state);
  }

  stop() {
    clearInterval(this.ticker);
  }
}

export function describeState(state) {
  switch (state.kind) {
    case 'connecting': return state.attempt > 1 ? `Connecting (attempt ${state.attempt})…` : 'Connecting…';
    case 'connected': return `Connected to ${state.node}`;
    case 'loggedOut': return `Logged out: ${state.reason}`;
    case 'banned': return `Banned: ${state.reason}`;
    default: return 'Closed';
  }
}
