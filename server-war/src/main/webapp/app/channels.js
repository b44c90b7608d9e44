// Where a message belongs, as one string key per channel: '#' and a room's name, or '@' and the other
// user's name, both in lower case, since the server compares names ignoring case.

export const roomKey = (room) => `#${room.toLowerCase()}`;
export const directKey = (username) => `@${username.toLowerCase()}`;

/** The key of the channel a message belongs to, seen from `me`: a room, or the other user of a DM. */
export function channelOf(message, me) {
  if (message.room) return roomKey(message.room);
  const other = message.from.username.toLowerCase() === me.toLowerCase() ? message.to : message.from.username;
  return directKey(other);
}
