// Reactions as this user sees them, without the DOM: which are theirs, and who reacted, in words.

/**
 * The reactions of a message's new version, with `mine` as this user's. A page or a catch-up is read
 * for the user (`readForMe`) and says so itself. A live change is read for no one: it names only whose
 * reaction it was (`reacted`), so the user's reaction with that emoji is what it says when it was
 * theirs, and every other stays as the version before had it (past the 20 names a reaction lists,
 * nothing else could tell).
 */
export function reactionsAsSeen(before, reactions, {reacted, readForMe}, me) {
  if (!reactions || readForMe) return reactions;
  const mineBefore = new Set((before ?? []).filter((r) => r.mine).map((r) => r.emoji));
  const mineNow = reacted && reacted.username.toLowerCase() === me.toLowerCase() ? reacted : null;
  return reactions.map(({emoji, count, users}) => {
    const mine = mineNow?.emoji === emoji ? mineNow.on : mineBefore.has(emoji);
    return mine ? {emoji, count, users, mine: true} : {emoji, count, users};
  });
}

/** Whether the user reacted to the message with emoji. */
export function isMine(message, emoji) {
  return (message.reactions ?? []).some((r) => r.emoji === emoji && r.mine);
}

/** "ann, bob and cleo", or past the names the server lists, "ann, bob and 3 more". */
export function whoReacted({count, users}) {
  if (count > users.length) return `${users.join(', ')} and ${count - users.length} more`;
  return users.length < 2 ? users.join('') : `${users.slice(0, -1).join(', ')} and ${users.at(-1)}`;
}
