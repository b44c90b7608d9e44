// Every REST route of the contract, for the page's own origin. A refusal is an ApiError carrying the
// contract's error code; a server that cannot be reached is the code 'unreachable' with status 0.

export class ApiError extends Error {
  constructor(status, code, message, retryAfterSeconds = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const UNREACHABLE = 'unreachable';

export class Api {
  /** token: null before login. */
  constructor(token = null) {
    this.token = token;
  }

  signUp(username, password) {
    return this.call('POST', '/api/signup', {username, password});
  }

  logIn(username, password) {
    return this.call('POST', '/api/login', {username, password});
  }

  account() {
    return this.call('GET', '/api/account');
  }

  rooms() {
    return this.call('GET', '/api/rooms');
  }

  /** The user's rooms and conversations, with read markers, unread and mention counts and mutes. */
  channels() {
    return this.call('GET', '/api/account/channels');
  }

  /** channel: {room} or {with: username}. */
  mute(channel, muted) {
    return this.call('POST', '/api/account/mute', {...channel, muted});
  }

  /** A private room is seen by its members only, the creator its owner and first member. */
  createRoom(name, isPrivate = false) {
    return this.call('POST', '/api/rooms', {name, private: isPrivate});
  }

  /**
   * A page of the room's members by username after `after` (undefined: from the first), with their
   * roles, whether they are in the room and, to a moderator, their silences: {members, more}.
   */
  roomMembers(room, after) {
    return this.call('GET', `/api/rooms/${encodeURIComponent(room)}/members${after === undefined ? '' : `?after=${encodeURIComponent(after)}`}`);
  }

  /** Adds username to the private room (its owner or a moderator); their sockets join it. */
  invite(room, username) {
    return this.call('POST', `/api/rooms/${encodeURIComponent(room)}/members`, {username});
  }

  /** Ends username's membership of the room on every device (its owner or a moderator). */
  removeMember(room, username) {
    return this.call('DELETE', `/api/rooms/${encodeURIComponent(room)}/members/${encodeURIComponent(username)}`);
  }

  /** Names (on) or unnames a moderator of the room: its owner's to do. */
  moderator(room, username, on) {
    return this.call(on ? 'PUT' : 'DELETE', `/api/rooms/${encodeURIComponent(room)}/moderators/${encodeURIComponent(username)}`);
  }

  /** Refuses username's messages in the room for minutes (0 lifts it). */
  silence(room, username, minutes) {
    return this.call('POST', `/api/rooms/${encodeURIComponent(room)}/silence`, {username, minutes});
  }

  /** page: {before} for older history, {afterSeq, changes} to fill a gap (changes: edits, reactions and deletions too), or {} for the newest. */
  roomMessages(room, page = {}) {
    return this.call('GET', `/api/rooms/${encodeURIComponent(room)}/messages${query(page)}`);
  }

  directMessages(username, page = {}) {
    return this.call('GET', `/api/dms/${encodeURIComponent(username)}/messages${query(page)}`);
  }

  /**
   * The caller's messages that match q (words as a web search box reads them), best first: {results:
   * [{message, headline: [{text, match?}]}], before?}. room and from narrow it; before is the cursor of
   * the page before, limit 1 to 50 (the server's 20 when left out).
   */
  search({q, room, from, before, limit}) {
    const parts = Object.entries({q, room, from, before, limit})
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    return this.call('GET', `/api/search?${parts.join('&')}`);
  }

  /** verb: add, remove, block, unblock. */
  social(verb, username) {
    return this.call('POST', `/api/users/${verb}`, {username});
  }

  deleteMessage(id) {
    return this.call('DELETE', `/api/messages/${id}`);
  }

  /** The author's new text; answers the message as it now is. */
  editMessage(id, text) {
    return this.call('PATCH', `/api/messages/${id}`, {text});
  }

  /** Adds (on) or takes back the caller's emoji; answers the message as it now is, read for the caller. */
  react(id, emoji, on) {
    return this.call(on ? 'PUT' : 'DELETE', `/api/messages/${id}/reactions/${encodeURIComponent(emoji)}`);
  }

  /** The emoji a reaction may be: [{name, emoji}], in the order a picker shows them. */
  emoji() {
    return this.call('GET', '/api/emoji');
  }

  findUsers(text) {
    return this.call('GET', `/api/admin/users?query=${encodeURIComponent(text)}`);
  }

  bans() {
    return this.call('GET', '/api/admin/bans');
  }

  ban(username, ip, reason) {
    return this.call('POST', '/api/users/ban', {username, ip, reason});
  }

  unban(username) {
    return this.call('POST', '/api/users/unban', {username});
  }

  /** fields: {displayName?, status?}; answers the caller as changed. */
  changeProfile(fields) {
    return this.call('PATCH', '/api/account', fields);
  }

  apiKeys() {
    return this.call('GET', '/api/admin/keys');
  }

  /** Answers {key, secret}: the only time the secret is shown. */
  createApiKey(name, scopes) {
    return this.call('POST', '/api/admin/keys', {name, scopes});
  }

  revokeApiKey(id) {
    return this.call('DELETE', `/api/admin/keys/${id}`);
  }

  /**
   * Uploads a file's bytes as `name`, told progress(sentBytes) as they go: {done: a promise of the
   * server's File, abort()}. An XMLHttpRequest, since fetch tells nothing of an upload's progress.
   */
  upload(file, name, progress) {
    const request = new XMLHttpRequest();
    const done = new Promise((resolve, reject) => {
      request.open('POST', `/api/files?name=${encodeURIComponent(name)}`);
      if (this.token) request.setRequestHeader('Authorization', `Bearer ${this.token}`);
      request.upload.onprogress = (e) => progress(e.loaded);
      request.onload = () => {
        const json = parse(request.responseText);
        if (request.status === 201 && json) resolve(json);
        else reject(refusal(request.status, json, (header) => request.getResponseHeader(header)));
      };
      // A server refusing a body too large may close the connection before the browser reads its answer.
      request.onerror = () => reject(new ApiError(0, UNREACHABLE, 'the upload did not reach the server'));
      request.onabort = () => reject(new ApiError(0, 'aborted', 'cancelled'));
      request.send(file);
    });
    return {done, abort: () => request.abort()};
  }

  /** Deletes one of the caller's uploads not yet sent. */
  deleteFile(id) {
    return this.call('DELETE', `/api/files/${id}`);
  }

  /** A file's bytes (preview: a picture's thumbnail), as a Blob of the type the server serves them as. */
  async fileBytes(id, preview = false) {
    let response;
    try {
      response = await fetch(`/api/files/${id}${preview ? '/preview' : ''}`, {headers: {Authorization: `Bearer ${this.token}`}});
    } catch (network) {
      throw new ApiError(0, UNREACHABLE, 'cannot reach the server');
    }
    if (response.ok) return response.blob();
    throw refusal(response.status, parse(await response.text()), (name) => response.headers.get(name));
  }

  async call(method, path, body) {
    const headers = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (network) {
      throw new ApiError(0, UNREACHABLE, 'cannot reach the server');
    }
    const json = parse(await response.text());
    if (response.ok) return json;
    throw refusal(response.status, json, (name) => response.headers.get(name));
  }
}

/** The ApiError of an answer that is not a success; header(name) reads its headers. */
function refusal(status, json, header) {
  const retryAfter = Number(header('Retry-After')) || null;
  if (json && json.error) return new ApiError(status, json.error, json.message, retryAfter);
  // Not the contract's body: a proxy in between, or the node going down.
  return new ApiError(status, status >= 500 ? UNREACHABLE : 'invalid_request', `the server answered ${status}`);
}

function query(page) {
  const parts = [];
  if (page.before != null) parts.push(`before=${page.before}`);
  if (page.afterSeq != null) parts.push(`afterSeq=${page.afterSeq}`);
  if (page.changes) parts.push('changes=true');
  if (page.limit != null) parts.push(`limit=${page.limit}`); // else the server's page (welcome's historyPage)
  return parts.length ? `?${parts.join('&')}` : '';
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a person should read for a failure. */
export function describe(error) {
  if (!(error instanceof ApiError)) return `Something went wrong: ${error.message}`;
  switch (error.code) {
    case UNREACHABLE: return 'The server is unreachable. Check your connection, or try again later.';
    case 'unauthorized': return 'Your login is no longer valid. Log in again.';
    case 'banned': return `You are banned: ${error.message}`;
    case 'conflict': return error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.';
    case 'rate_limited':
      return `Too many attempts. Try again${error.retryAfterSeconds ? ` in ${error.retryAfterSeconds} s` : ' later'}.`;
    default: return error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.';
  }
}
