// One WebSocket kept alive, as the contract asks of a client: a heartbeat from `welcome`; reconnect
// with exponential backoff and jitter to the same URL (the load balancer picks the node); after a
// reconnect, rejoin every room with `after`, resend unacknowledged messages under their clientId, and
// catch up on direct conversations over REST. Live messages for a channel are held back while its gap
// is being filled, and an id the channel delivered lately is a repeat and dropped (one overtaken by a
// later id, from another node, is not).

import {ApiError} from './api.js';
import {channelOf, directKey, roomKey} from './channels.js';
import {ResumeState} from './resume.js';

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
    this.heldBack = new Map(); // channel key -> frames waiting for its catch-up
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

  /** Returns the clientId that the acknowledgement, or an error's ref, will carry. */
  send(room, text) {
    return this.queue({type: 'new_chat_message', room, text});
  }

  sendDirect(to, text) {
    return this.queue({type: 'new_direct_message', to, text});
  }

  deleteMessage(id) {
    this.transmit({type: 'delete_message', id});
  }

  /** The conversation with username was read up to lastId over REST; a reconnect catches up from there. */
  follow(username, lastId) {
    this.resume.see(directKey(username), lastId);
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
    const socket = new WebSocket(`${scheme}://${location.host}/ws?token=${encodeURIComponent(this.api.token)}`);
    let welcomed = false;
    socket.onmessage = (event) => {
      if (generation !== this.generation) return;
      this.lastHeard = Date.now();
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === 'welcome') welcomed = true;
      this.handle(frame);
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
      case 'new_direct_message': return this.posted(frame);
      case 'error':
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
    this.startHeartbeat(Math.max(1, welcome.heartbeat) * 1000);
    for (const frame of this.resume.resumeFrames()) this.transmit(frame);
    if (reconnect) {
      for (const key of this.resume.conversations()) this.catchUp(key);
    }
  }

  roomJoined(joined) {
    const key = roomKey(joined.room);
    const history = joined.history.filter((m) => this.resume.see(key, m.id));
    this.onFrame({...joined, history});
    if (joined.more) this.catchUp(key, joined.room);
  }

  posted(frame) {
    const message = frame.message;
    const key = channelOf(message, this.me.username);
    const held = this.heldBack.get(key);
    if (held) {
      held.push(frame);
      return;
    }
    if (message.from.id === this.me.id) this.resume.answered(message.clientId);
    if (this.resume.see(key, message.id)) this.onFrame(frame);
  }

  /** Pages with the largest page the server allows. */
  async catchUp(key, roomName) {
    const after = this.resume.resumeAfter(key);
    if (after === undefined || this.heldBack.has(key)) return;
    const held = [];
    this.heldBack.set(key, held);
    const generation = this.generation;
    const limit = this.limits.maxHistoryPage;
    try {
      let last = after;
      for (;;) {
        const page = key.startsWith('#')
          ? await this.api.roomMessages(roomName ?? this.resume.roomName(key) ?? key.slice(1), {after: last, limit})
          : await this.api.directMessages(key.slice(1), {after: last, limit});
        if (generation !== this.generation) return;
        for (const message of page) {
          if (this.resume.see(key, message.id)) this.onFrame({type: message.room ? 'new_chat_message' : 'new_direct_message', message});
        }
        if (page.length < limit) break;
        last = page[page.length - 1].id;
      }
      this.heldBack.delete(key);
      held.forEach((frame) => this.handle(frame));
    } catch (failure) {
      // The frames held back would hide the gap: a new socket catches up again instead.
      this.heldBack.delete(key);
      if (generation === this.generation) this.socket?.close(4000, 'catch-up failed');
    }
  }

  startHeartbeat(every) {
    this.stopHeartbeat();
    // Three silent heartbeats and the server drops us; two without a word from it and we drop it.
    const deadAfter = every * 2 + 5000;
    this.lastHeard = Date.now();
    this.timer = setInterval(() => {
      if (Date.now() - this.lastHeard > deadAfter) {
        const socket = this.socket;
        this.lost(1006, 'the server stopped answering', true);
        socket?.close();
      } else {
        this.transmit({type: 'ping'});
      }
    }, every);
  }

  stopHeartbeat() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async lost(code, reason, welcomed) {
    if (this.isFinal()) return;
    this.socket = null;
    this.stopHeartbeat();
    this.heldBack.clear();
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
