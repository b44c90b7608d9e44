// One WebSocket kept alive, as the contract asks of a client: a heartbeat from `welcome`; reconnect
// with exponential backoff and jitter to the same URL (the load balancer picks the node); after a
// reconnect, rejoin every room with `afterSeq`, resend unacknowledged messages under their clientId,
// and catch up on direct conversations over REST. A seq the channel has is a repeat and dropped; a seq
// beyond the next shows a gap, filled over REST if it is still open a second later (client-core's
// ChatConnection, in JavaScript). Changes to messages are numbered too: an edit or a reaction comes as
// `message_updated`, a deletion as `message_deleted`, live or from a catch-up (resume.js).

/** How long a gap may stay open before it is filled: messages from other nodes arrive out of order. */
export const GAP_WAIT_MS = 1000;
/** How long a send refused as `unavailable` waits before it goes again, as the contract asks. */
export const UNAVAILABLE_RETRY_MS = 1000;
/** What the server names a refused join by, in the error frame's `ref`: `join_room:NAME`. */
const JOIN_REF = 'join_room:';

import {ApiError} from './api.js';
import {channelOf, directKey, roomKey} from './channels.js';
import {ResumeState, frameFor, pageEnd} from './resume.js';

/** Equal jitter: half of min(15 s, 0.5 s * 2^(attempt-1)) fixed, the other half random. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * States, as {kind, ...}: connecting {attempt}; connected {node, user}; reconnecting {retryAt, reason};
 * loggedOut {reason}; banned {reason}; closed. The last three are final.
 */
export class ChatConnection {
  constructor(api, {onFrame, onState}) {
    this.api = api;
    this.onFrame = onFrame;
    this.onState = onState;
    this.resume = new ResumeState();
    this.limits = null; // from the last welcome
    this.gapChecks = new Set(); // channel keys with a gap check due
    this.filling = new Set(); // channel keys being filled over REST
    this.state = {kind: 'connecting', attempt: 1};
    this.attempt = 0;
    this.generation = 0;
    this.me = null;
    this.socket = null;
    this.timer = null;
    this.banReason = null;
  }

  start() {
    this.connect();
  }

  join(room) {
    this.resume.joined(room);
    this.transmit(this.resume.joinFrame(room));
  }

  leave(room) {
    this.resume.left(room);
    this.transmit({type: 'leave_room', room});
  }

  /**
   * Returns the clientId that the acknowledgement, or an error's ref, will carry. replyTo: the id of the
   * message of the room it answers, or undefined; files: the ids of uploads it carries (none: left out).
   */
  send(room, text, replyTo, files) {
    return this.queue({type: 'new_chat_message', room, text, replyTo, files: files?.length ? files : undefined});
  }

  sendDirect(to, text, replyTo, files) {
    return this.queue({type: 'new_direct_message', to, text, replyTo, files: files?.length ? files : undefined});
  }

  deleteMessage(id) {
    this.transmit({type: 'delete_message', id});
  }

  /** The user has read the room (or, with `with`, the conversation) up to seq; every device hears it. */
  markRead({room, with: other}, seq) {
    this.transmit({type: 'mark_read', room, with: other, seq});
  }

  /** The user is typing in the room, or to the friend `to`; the caller keeps to one every few seconds. */
  typing({room, to}) {
    this.transmit({type: 'typing', room, to});
  }

  /** The conversation with username was read over REST, its newest page; a reconnect catches up from there. */
  follow(username, newestPage) {
    this.resume.completeThrough(directKey(username), pageEnd(newestPage));
  }

  close() {
    if (!this.isFinal()) this.become({kind: 'closed'});
    this.socket?.close(1000, 'bye');
  }

  isFinal() {
    return ['loggedOut', 'banned', 'closed'].includes(this.state.kind);
  }

  queue(frame) {
    const clientId = newClientId();
    const sent = {...frame, clientId};
    this.resume.sending(clientId, sent);
    this.transmit(sent);
    return clientId;
  }

  // ---- the socket's life ----

  connect() {
    if (this.isFinal()) return;
    this.attempt++;
    const generation = ++this.generation;
    this.become({kind: 'connecting', attempt: this.attempt});
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // frames=lines: under load the server packs several frames in one message, a line each. The token
    // goes as a subprotocol, the one header a page may set on a handshake, never in the URL, which
    // balancers and proxies log; the server answers with the subprotocol `chat`.
    const socket = new WebSocket(`${scheme}://${location.host}/ws?frames=lines`, ['chat', `bearer.${this.api.token}`]);
    let welcomed = false;
    socket.onmessage = (event) => {
      if (generation !== this.generation) return;
      this.lastHeard = Date.now();
      for (const line of event.data.split('\n')) {
        let frame;
        try {
          frame = JSON.parse(line);
        } catch {
          continue;
        }
        if (frame.type === 'welcome') welcomed = true;
        this.handle(frame);
      }
    };
    socket.onclose = (event) => {
      if (generation !== this.generation) return;
      this.lost(event.code, event.reason, welcomed);
    };
    this.socket = socket;
  }

  handle(frame) {
    switch (frame.type) {
      case 'welcome': return this.welcomed(frame);
      case 'room_joined': return this.roomJoined(frame);
      case 'new_chat_message':
      case 'new_direct_message':
      case 'message_updated': return this.posted(frame);
      case 'message_deleted': return this.deleted(frame);
      case 'membership':
        // Joined on another device: joined here too. Left anywhere: the server took this socket out.
        if (frame.member && !this.resume.isIn(frame.room)) this.join(frame.room);
        if (!frame.member) this.resume.left(frame.room);
        return this.onFrame(frame);
      case 'error':
        if (frame.code === 'unavailable' && this.resume.waiting(frame.ref)) {
          // Sent again under the same clientId: nothing is stored twice, and the user sees a delay.
          return setTimeout(() => {
            const again = this.resume.waiting(frame.ref);
            if (again) this.transmit(again);
          }, UNAVAILABLE_RETRY_MS);
        }
        if (frame.code === 'unavailable' && frame.ref?.startsWith(JOIN_REF)) {
          // A join the node could not answer for now (its database away): joined again, unless left
          // meanwhile, so that the page is never silently out of the room.
          const room = frame.ref.slice(JOIN_REF.length);
          const generation = this.generation;
          return setTimeout(() => {
            if (generation === this.generation && this.resume.isIn(room)) this.transmit(this.resume.joinFrame(room));
          }, UNAVAILABLE_RETRY_MS);
        }
        if (frame.code === 'unavailable' && frame.ref) {
          // A send answered before: the late answer to an earlier copy of it, whose write timed out while
          // the message was stored all the same. The user has the message; there is nothing to tell.
          return undefined;
        }
        this.resume.answered(frame.ref);
        return this.onFrame(frame);
      case 'banned':
        this.banReason = frame.reason;
        return this.onFrame(frame);
      default: return this.onFrame(frame);
    }
  }

  welcomed(welcome) {
    const reconnect = this.me !== null;
    this.me = welcome.user;
    this.limits = welcome.limits;
    this.attempt = 0;
    this.become({kind: 'connected', node: welcome.node, user: welcome.user});
    this.onFrame(welcome);
    if (welcome.rooms) {
      for (const room of this.resume.memberOf(welcome.rooms)) this.onFrame({type: 'membership', room, member: false});
    }
    this.startHeartbeat(Math.max(1, welcome.heartbeat) * 1000);
    for (const frame of this.resume.resumeFrames()) this.transmit(frame);
    if (reconnect) {
      for (const key of this.resume.conversations()) this.fill(key);
    }
  }

  /**
   * A room's newest page, or a catch-up: either is complete up to its highest number, so the numbers it
   * skips (deleted messages, overtaken changes, blocked users') are no gap. What a catch-up changed
   * follows its new messages. A catch-up cut short goes on over REST.
   */
  roomJoined(joined) {
    const key = roomKey(joined.room);
    this.resume.answeredJoin(joined.room);
    const {history, changes, cursor} = this.resume.roomPage(key, joined.history, joined.more);
    this.onFrame({...joined, history});
    for (const change of changes) this.onFrame({...change, readForMe: true});
    if (joined.more) this.fill(key, joined.room, cursor);
  }

  /** A live message, or a change to one (with `reacted` for a reaction: whose it was). */
  posted(frame) {
    const key = channelOf(frame.message, this.me.username);
    this.take(key, frame.message, {reacted: frame.reacted});
    this.checkGapSoon(key);
  }

  /**
   * A deletion takes a number of its channel too; the message's own is counted with it, so that the
   * message, or a change to it, arriving after the deletion from another node shows nothing. A deletion
   * of a message not here changes nothing.
   */
  deleted(frame) {
    if (frame.seq != null) {
      const key = frame.room ? roomKey(frame.room) : directKey(frame.with);
      this.resume.seeChange(key, frame.seq);
      if (frame.messageSeq != null) this.resume.seeChange(key, frame.messageSeq);
      this.checkGapSoon(key);
    }
    this.onFrame(frame);
  }

  checkGapSoon(key) {
    if (!this.resume.hasGap(key) || this.gapChecks.has(key)) return;
    this.gapChecks.add(key);
    setTimeout(() => {
      this.gapChecks.delete(key);
      if (this.resume.hasGap(key)) this.fill(key);
    }, GAP_WAIT_MS);
  }

  /**
   * Hands on what a message received tells the page, the first time each of its numbers comes
   * (resume.js: a message to show, a change, a deletion), and takes it as the answer to its send.
   * `extra` goes with the frame: whose reaction it was, or that it was read for this user.
   */
  take(key, message, extra) {
    if (message.from?.id === this.me.id) this.resume.answered(message.clientId);
    const frame = frameFor(key, message, this.resume.see(key, message));
    if (frame) this.onFrame({...frame, ...extra});
  }

  /**
   * Fetches what the channel lacks after the seq it has everything up to, paging with the largest page
   * the server allows. The pages are complete up to their last message's latest number, where the next
   * one starts, and every seq received before they were read was stored, so afterwards the channel
   * lacks nothing up to the higher of the two.
   */
  async fill(key, roomName, from = this.resume.resumeSeq(key)) {
    if (this.isFinal() || from === undefined || this.filling.has(key)) return;
    this.filling.add(key);
    const received = this.resume.highestSeq(key);
    const limit = this.limits.maxHistoryPage;
    try {
      let last = from;
      for (;;) {
        const page = key.startsWith('#')
          ? await this.api.roomMessages(roomName ?? this.resume.roomName(key) ?? key.slice(1), {afterSeq: last, limit, changes: true})
          : await this.api.directMessages(key.slice(1), {afterSeq: last, limit, changes: true});
        // Read for this user: the reactions' `mine` are right as they come.
        for (const message of page) this.take(key, message, {readForMe: true});
        if (page.length > 0) last = pageEnd(page);
        if (page.length < limit) break;
      }
      this.resume.completeThrough(key, Math.max(received, last));
    } catch (failure) {
      // The server may be briefly unable to answer (its database away): the gap stays open and is tried
      // again, while live messages go on arriving.
      setTimeout(() => this.fill(key, roomName, from), GAP_WAIT_MS);
    } finally {
      this.filling.delete(key);
    }
  }

  startHeartbeat(every) {
    this.stopHeartbeat();
    // A ping every beat, which the server answers. Two beats without a word from it and the node is
    // frozen or cut off: we drop it and resume on another one, before the server would drop us (after
    // three). Looked at four times a beat, so the silence is noticed within a quarter beat.
    const deadAfter = every * 2;
    this.lastHeard = Date.now();
    let lastPinged = Date.now();
    this.timer = setInterval(() => {
      const now = Date.now();
      if (now - this.lastHeard > deadAfter) {
        const socket = this.socket;
        this.stopHeartbeat();
        this.lost(1006, 'the server stopped answering', true);
        socket?.close();
      } else if (now - lastPinged >= every) {
        lastPinged = now;
        this.transmit({type: 'ping'});
      }
    }, Math.max(1, Math.floor(every / 4)));
  }

  stopHeartbeat() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async lost(code, reason, welcomed) {
    if (this.isFinal()) return;
    this.socket = null;
    this.stopHeartbeat();
    this.generation++;
    if (code === 4001) return this.become({kind: 'loggedOut', reason: 'the server no longer accepts this login'});
    if (code === 4003) return this.become({kind: 'banned', reason: this.banReason ?? reason ?? 'banned'});
    if (!welcomed) {
      // A browser does not show why a handshake was refused; the account route says if it was us.
      try {
        await this.api.account();
      } catch (refusal) {
        if (refusal instanceof ApiError && refusal.status === 401) {
          return this.become({kind: 'loggedOut', reason: 'the server no longer accepts this login'});
        }
        if (refusal instanceof ApiError && refusal.code === 'banned') {
          return this.become({kind: 'banned', reason: refusal.message});
        }
      }
    }
    const delay = backoffDelay(Math.max(1, this.attempt));
    this.become({kind: 'reconnecting', retryAt: Date.now() + delay, reason: reason || (welcomed ? `connection lost (${code})` : 'cannot reach the server')});
    setTimeout(() => this.connect(), delay);
  }

  transmit(frame) {
    if (this.state.kind !== 'connected' || this.socket?.readyState !== WebSocket.OPEN) return; // sent on welcome
    this.socket.send(JSON.stringify(frame));
  }

  become(state) {
    this.state = state;
    this.onState(state);
  }
}

function newClientId() {
  // crypto.randomUUID() exists only in secure contexts; this works on plain http too.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
