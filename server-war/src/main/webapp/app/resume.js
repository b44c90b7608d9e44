// What a connection remembers from socket to socket, so that a new socket resumes where the last one
// stopped: the rooms to rejoin, the seqs received in each channel, and every send not yet answered, in
// the order sent. client-core's ResumeState and ReceivedSeqs, in JavaScript; no DOM and no socket, so
// Node tests it (src/test/js).
//
// A change to a message (an edit, a reaction, a deletion) takes a seq of its channel too, which the
// message then carries as `changedSeq` (docs/protocol.md, "Working with messages"): both numbers of a
// message are counted, and a page or a catch-up tells the page of the changes it brings as well as of
// the messages.

import {roomKey} from './channels.js';

/** What `see` says of a message received. */
export const Seen = Object.freeze({
  /** Its seq is new here: a message to show (a tombstone shows nothing). */
  NEW: 'new',
  /** Its seq was here and the number of its latest change was not: the message changed. */
  CHANGED: 'changed',
  /** Both of its numbers were here. */
  REPEAT: 'repeat',
});

/** The highest number a message carries: the seq of its last change, or its own. */
export function latestSeq(message) {
  return Math.max(message.seq, message.changedSeq ?? 0);
}

/**
 * The number a page is complete up to. A page after a seq is in the order of each message's latest
 * number and a newest page in id order, so the highest of any of its messages is right for both; the
 * numbers below it that the page lacks are deletions, changes overtaken by later ones, blocked users'
 * messages or, for a newest page, older history.
 */
export function pageEnd(page) {
  return page.reduce((highest, message) => Math.max(highest, latestSeq(message)), 0);
}

/**
 * The frame a message received tells the page, given what `see` said of it: a message to show, a
 * change to one the page may have (it ignores a change to one it never loaded), or a deletion, from a
 * catch-up's tombstone; null for a repeat. A tombstone whose seq is new is of a message this client
 * never had, and its deletion changes nothing.
 */
export function frameFor(key, message, seen) {
  if (seen === Seen.REPEAT) return null;
  if (message.deleted) {
    const where = key.startsWith('#') ? {room: message.room} : {with: key.slice(1)};
    return {type: 'message_deleted', id: message.id, seq: message.changedSeq, messageSeq: message.seq, ...where};
  }
  if (seen === Seen.NEW) return {type: message.room ? 'new_chat_message' : 'new_direct_message', message};
  return {type: 'message_updated', message};
}

/**
 * The seqs one channel has delivered: every one up to `through`, and those received beyond it while one
 * before them is missing. Messages from different nodes reach a socket in any order, so a number beyond
 * the next is a gap for now, not a loss; the connection waits, then fills what is still missing.
 */
export class ReceivedSeqs {
  #beyond = new Set();

  constructor(through) {
    this.through = through;
  }

  /** True when seq was not received before. */
  add(seq) {
    if (seq <= this.through || this.#beyond.has(seq)) return false;
    if (seq === this.through + 1) {
      this.through = seq;
      this.#absorb();
    } else {
      this.#beyond.add(seq);
    }
    return true;
  }

  /**
   * Everything up to seq that will ever come has come: a catch-up or a page after a seq is complete up
   * to its last message, and the numbers it skipped are deleted messages or those of blocked users.
   */
  completeThrough(seq) {
    if (seq <= this.through) return;
    this.through = seq;
    for (const received of this.#beyond) if (received <= seq) this.#beyond.delete(received);
    this.#absorb();
  }

  /** The highest seq received. */
  highest() {
    return this.#beyond.size === 0 ? this.through : Math.max(...this.#beyond);
  }

  hasGap() {
    return this.#beyond.size > 0;
  }

  #absorb() {
    while (this.#beyond.delete(this.through + 1)) this.through++;
  }
}

export class ResumeState {
  #rooms = new Map(); // room key -> name as the user typed it
  #joinedOnce = new Set(); // keys of the rooms the server answered a join of: memberships on record
  #received = new Map(); // channel key -> ReceivedSeqs
  #unanswered = new Map(); // clientId -> frame, in the order sent

  /**
   * Counts both numbers of a message, its seq and its latest change's, and says which were new (Seen).
   * The first message of a channel this client knew nothing of starts it at its own seq: what came
   * before is history, not a gap, and the message is news even when a change to it came first (a new
   * message's edit overtaking it from another node).
   */
  see(key, message) {
    const seqs = this.#channel(key, message.seq - 1);
    const fresh = seqs.add(message.seq);
    const changed = message.changedSeq != null && seqs.add(message.changedSeq);
    return fresh ? Seen.NEW : changed ? Seen.CHANGED : Seen.REPEAT;
  }

  /** Counts a number no message carries (a deletion's); true when it is new here. */
  seeChange(key, seq) {
    return this.#channel(key, seq - 1).add(seq);
  }

  /**
   * A room's `room_joined`, counted: `history`, the messages to show, and `changes`, the frames of what
   * changed or went. The first join of a room brings its newest page: all of it is history to show,
   * whatever its numbers (a message of it may have changed after those that follow it). A rejoin brings
   * a catch-up in the order of the changes: the messages new here, and the changes to the others. A
   * catch-up cut short (`more`) is complete up to nothing yet: a message sent within its numbers but
   * changed after them is still to come, as news; `cursor` is where the rest carries on.
   */
  roomPage(key, history, more) {
    if (!this.#received.has(key)) {
      this.completeThrough(key, pageEnd(history));
      return {history, changes: [], cursor: pageEnd(history)};
    }
    const fresh = [];
    const changes = [];
    for (const message of history) {
      const seen = this.see(key, message);
      if (seen === Seen.NEW && !message.deleted) fresh.push(message);
      else {
        const frame = frameFor(key, message, seen);
        if (frame) changes.push(frame);
      }
    }
    if (!more) this.completeThrough(key, pageEnd(history));
    return {history: fresh, changes, cursor: pageEnd(history)};
  }

  /** Everything in the channel up to seq has come that ever will. */
  completeThrough(key, seq) {
    this.#channel(key, seq).completeThrough(seq);
  }

  /** The channel's seqs; a channel not met before starts complete through `through`. */
  #channel(key, through) {
    if (!this.#received.has(key)) this.#received.set(key, new ReceivedSeqs(through));
    return this.#received.get(key);
  }

  /** The seq a new socket resumes the channel after, the highest with none missing below; undefined if none. */
  resumeSeq(key) {
    return this.#received.get(key)?.through;
  }

  /** The highest seq received in the channel; undefined before the first. */
  highestSeq(key) {
    return this.#received.get(key)?.highest();
  }

  hasGap(key) {
    return this.#received.get(key)?.hasGap() ?? false;
  }

  joined(room) {
    this.#rooms.set(roomKey(room), room);
  }

  /** A room left is neither rejoined nor remembered. */
  left(room) {
    this.#rooms.delete(roomKey(room));
    this.#joinedOnce.delete(roomKey(room));
    this.#received.delete(roomKey(room));
  }

  /** The server answered a join of the room: the user is a member of it. */
  answeredJoin(room) {
    this.#joinedOnce.add(roomKey(room));
  }

  /**
   * The rooms the server says the user is a member of as a socket opens (`welcome.rooms`): a room joined
   * here before but not listed was left on another device and is forgotten; a listed room not here is
   * joined. A join not answered yet stays. Returns the rooms forgotten.
   */
  memberOf(listed) {
    const keys = new Set(listed.map(roomKey));
    const forgotten = [];
    for (const [key, room] of [...this.#rooms]) {
      if (this.#joinedOnce.has(key) && !keys.has(key)) {
        this.left(room);
        forgotten.push(room);
      }
    }
    for (const room of listed) if (!this.isIn(room)) this.joined(room);
    return forgotten;
  }

  /** Whether the user means to be in the room: joined and not left since. */
  isIn(room) {
    return this.#rooms.has(roomKey(room));
  }

  roomName(key) {
    return this.#rooms.get(key);
  }

  /** The join that resumes a room: a catch-up, changes too, once a message of it was seen, else its newest page. */
  joinFrame(room) {
    const afterSeq = this.resumeSeq(roomKey(room));
    return afterSeq === undefined ? {type: 'join_room', room} : {type: 'join_room', room, afterSeq, changes: true};
  }

  sending(clientId, frame) {
    this.#unanswered.set(clientId, frame);
  }

  /** The send with this clientId if it still waits for its answer. */
  waiting(clientId) {
    return clientId == null ? undefined : this.#unanswered.get(clientId);
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
    return [...this.#received.keys()].filter((key) => key.startsWith('@'));
  }
}
