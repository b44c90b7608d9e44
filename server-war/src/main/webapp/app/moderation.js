// What the user may do in a room, by how they stand in it (docs/protocol.md, "Private rooms"): its
// owner names moderators; the owner and the moderators invite to a private room, remove and silence
// members, and delete anyone's messages; an administrator may all of it in every room. The server
// decides each time: the page offers what it would allow, as far as the page knows. It knows the
// owner (the room's createdBy) and the user's own role, never the others' (no route lists them), so a
// moderator is offered actions on another moderator and reads the server's refusal.

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
 * What the user, with `powers` in the room, may do to `member`, in the order a menu shows it: none to
 * themselves, to the owner (who is never removed nor silenced) or to a service.
 */
export function actionsOn(member, room, me, powers) {
  const same = (a, b) => typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
  if (!powers.moderates || member.role === 'SERVICE' || same(member.username, me.username) || same(member.username, room?.owner)) {
    return [];
  }
  return [
    ...(powers.namesModerators ? [MAKE_MODERATOR, UNMAKE_MODERATOR] : []),
    ...SILENCES.map(([minutes, length]) => silence(minutes, `Silence for ${length}`, (name) => `${name} is silenced for ${length}.`)),
    silence(0, 'Lift the silence', (name) => `${name} may speak again.`),
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
