// What the user may do in a room, by how they stand in it (docs/protocol.md, "Private rooms"): its
// owner names moderators; the owner and the moderators invite to a private room, remove and silence
// members, and delete anyone's messages; an administrator may all of it in every room. The server
// decides each time: the page offers what it would allow, as far as the page knows. It knows the
// owner (the room's createdBy), the user's own role, and the others' roles and silences as the members
// list last said (GET /api/rooms/{name}/members, a silence to moderators only); of someone the list
// has not said yet (an arrival past its page), only that they are not the owner.

import {when} from './dom.js';

/** The lengths of a silence the page offers; the server takes any number of minutes up to a week. */
const SILENCES = [[10, '10 minutes'], [60, '1 hour'], [24 * 60, '1 day']];

/**
 * room: {private, role, owner} as GET /api/rooms says (role: the user's, null unless a member);
 * me: {role}. Answers {moderates, namesModerators, invites}.
 */
export function powersIn(room, me) {
  const owns = room?.role === 'owner' || me.role === 'ADMIN';
  const moderates = owns || room?.role === 'moderator';
  return {moderates, namesModerators: owns, invites: moderates && room?.private === true};
}

/**
 * What the user, with `powers` in the room, may do to `member` ({user, role, silencedUntil} as the
 * members list says, role null while it has not), in the order a menu shows it: none to themselves,
 * to the owner (who is never removed nor silenced) or to a service; to a moderator, only what the
 * owner may; a moderator named or unnamed, and a silence lifted, as the list says they stand.
 */
export function actionsOn(member, room, me, powers, now = Date.now()) {
  const {user, role} = member;
  const same = (a, b) => typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
  if (!powers.moderates || user.role === 'SERVICE' || same(user.username, me.username) || same(user.username, room?.owner) || role === 'owner') {
    return [];
  }
  if (role === 'moderator' && !powers.namesModerators) return [];
  const naming = role === 'moderator' ? [UNMAKE_MODERATOR] : role === 'member' ? [MAKE_MODERATOR] : [MAKE_MODERATOR, UNMAKE_MODERATOR];
  // A member listed without a silence has none (the list tells moderators of every silence).
  const silenced = role === null || role === undefined || (member.silencedUntil != null && Date.parse(member.silencedUntil) > now);
  return [
    ...(powers.namesModerators ? naming : []),
    ...SILENCES.map(([minutes, length]) => silence(minutes, `Silence for ${length}`, (name) => `${name} is silenced for ${length}.`)),
    ...(silenced ? [silence(0, 'Lift the silence', (name) => `${name} may speak again.`)] : []),
    REMOVE,
  ];
}

/** Invites a user to the private room; the same shape as the member actions. */
export const INVITE = {
  verb: 'invite',
  run: (api, room, username) => api.invite(room, username),
  done: (username) => `${username} is invited.`,
};

const MAKE_MODERATOR = {
  verb: 'moderator',
  label: 'Make moderator',
  run: (api, room, username) => api.moderator(room, username, true),
  done: (username) => `${username} is a moderator now.`,
};

const UNMAKE_MODERATOR = {
  verb: 'member',
  label: 'Remove as moderator',
  run: (api, room, username) => api.moderator(room, username, false),
  done: (username) => `${username} is no longer a moderator.`,
};

const REMOVE = {
  verb: 'remove',
  label: 'Remove from room',
  danger: true,
  run: (api, room, username) => api.removeMember(room, username),
  done: (username) => `${username} was removed.`,
};

function silence(minutes, label, done) {
  return {verb: 'silence', minutes, label, run: (api, room, username) => api.silence(room, username, minutes), done};
}

/** What the user reads of a silence of theirs: `until` (ms) while it holds, null once it is lifted or over. */
export function silenceNotice(room, until) {
  return until === null ? `You may speak again in #${room}.` : `You are silenced in #${room} until ${when(until)}.`;
}
