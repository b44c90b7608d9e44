// What a connection remembers from socket to socket, so that a new socket resumes where the last one
// stopped: the rooms to rejoin, the last message id seen in each channel, and every send not yet
// answered, in the order sent. client-core's ResumeState, in JavaScript; no DOM and no socket, so Node
// tests it (src/test/js).

import {roomKey} from './channels.js';

export class ResumeState {
  #rooms = new Map(); // room key -> name as the user typed it
  #lastSeen = new Map(); // channel key -> last message id delivered
  #unanswered = new Map(); // clientId -> frame, in the order sent

  /** True when id is new in the channel; then it becomes the last seen. */
  see(key, id) {
    const last = this.#lastSeen.get(key);
    if (last !== undefined && id <= last) return false;
    this.#lastSeen.set(key, id);
    return true;
  }

  /** The last id seen in the channel, or undefined. */
  lastSeen(key) {
    return this.#lastSeen.get(key);
  }

  joined(room) {
    this.#rooms.set(roomKey(room), room);
  }

  /** A room left is neither rejoined nor remembered. */
  left(room) {
    this.#rooms.delete(roomKey(room));
    this.#lastSeen.delete(roomKey(room));
  }

  roomName(key) {
    return this.#rooms.get(key);
  }

  /** The join that resumes a room: with `after` once a message of it was seen. */
  joinFrame(room) {
    return {type: 'join_room', room, after: this.lastSeen(roomKey(room))};
  }

  sending(clientId, frame) {
    this.#unanswered.set(clientId, frame);
  }

  /** True the first time a send is answered (acknowledged or refused); a repeat answer is false. */
  answered(clientId) {
    return clientId != null && this.#unanswered.delete(clientId);
  }

  /** What a new socket sends once welcomed: each room's join, then every unanswered send. */
  resumeFrames() {
    return [...[...this.#rooms.values()].map((room) => this.joinFrame(room)), ...this.#unanswered.values()];
  }

  /** The direct conversations to catch up on over REST after a reconnect: those with a message seen. */
  conversations() {
    return [...this.#lastSeen.keys()].filter((key) => key.startsWith('@'));
  }
}
