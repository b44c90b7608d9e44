// What a connection remembers from socket to socket, so that a new socket resumes where the last one
// stopped: the rooms to rejoin, the ids seen lately in each channel, and every send not yet
// answered, in the order sent. client-core's ResumeState, in JavaScript; no DOM and no socket, so Node
// tests it (src/test/js).

import {roomKey} from './channels.js';

/** How many recent ids a channel remembers (client-core's RecentIds.REMEMBERED). */
export const REMEMBERED = 512;
/** How many of the newest ids a new socket asks for again (RecentIds.RESUME_OVERLAP). */
export const RESUME_OVERLAP = 32;

/**
 * The ids one channel delivered lately, ascending. Messages from different nodes reach a socket in any
 * order, so a message overtaken by a later one is still new when it arrives; a repeat is an id among
 * the recent ones. An id older than every one remembered is taken for a repeat.
 */
class RecentIds {
  #ids = [];

  add(id) {
    let low = 0;
    let high = this.#ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#ids[middle] < id) low = middle + 1;
      else high = middle;
    }
    if (this.#ids[low] === id) return false;
    if (this.#ids.length === REMEMBERED) {
      if (low === 0) return false;
      this.#ids.shift();
      low--;
    }
    this.#ids.splice(low, 0, id);
    return true;
  }

  /** The RESUME_OVERLAP-th newest id, or the oldest remembered when there are fewer. */
  resumeAfter() {
    return this.#ids[Math.max(0, this.#ids.length - RESUME_OVERLAP)];
  }
}

export class ResumeState {
  #rooms = new Map(); // room key -> name as the user typed it
  #seen = new Map(); // channel key -> RecentIds
  #unanswered = new Map(); // clientId -> frame, in the order sent

  /** True when id is new in the channel: not among its recent ids, even if a later one came first. */
  see(key, id) {
    if (!this.#seen.has(key)) this.#seen.set(key, new RecentIds());
    return this.#seen.get(key).add(id);
  }

  /**
   * The id a new socket resumes the channel after: a little below the highest seen, so that a message
   * overtaken just before the old socket dropped still comes (the repeats are dropped here); undefined
   * before the first message.
   */
  resumeAfter(key) {
    return this.#seen.get(key)?.resumeAfter();
  }

  joined(room) {
    this.#rooms.set(roomKey(room), room);
  }

  /** A room left is neither rejoined nor remembered. */
  left(room) {
    this.#rooms.delete(roomKey(room));
    this.#seen.delete(roomKey(room));
  }

  roomName(key) {
    return this.#rooms.get(key);
  }

  /** The join that resumes a room: with `after` once a message of it was seen. */
  joinFrame(room) {
    return {type: 'join_room', room, after: this.resumeAfter(roomKey(room))};
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
    return [...this.#seen.keys()].filter((key) => key.startsWith('@'));
  }
}
