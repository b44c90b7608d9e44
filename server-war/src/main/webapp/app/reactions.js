// Reactions as this user sees them, without the DOM: which are theirs, and who reacted, in words.

/**
 * The reactions of a message's new version, with `mine` as this user's, and without those of the users
 * they block (`blocks(username)`). A page or a catch-up is read for the user (`readForMe`) and says so
 * itself. A live change is read for no one: it lists every reaction, and names only whose reaction it
 * was (`reacted`), so the user's reaction with that emoji is what it says when it was theirs, and every
 * other stays as the version before had it (past the 20 names a reaction lists, nothing else could
 * tell). Undefined when no reaction is left to show.
 */
export function reactionsAsSeen(before, reactions, {reacted, readForMe}, me, blocks = () => false) {
  const shown = withoutBlocked(reactions, blocks);
  if (!shown || readForMe) return shown;
  const mineBefore = new Set((before ?? []).filter((r) => r.mine).map((r) => r.emoji));
  const mineNow = reacted && reacted.username.toLowerCase() === me.toLowerCase() ? reacted : null;
  return shown.map(({emoji, count, users}) => {
    const mine = mineNow?.emoji === emoji ? mineNow.on : mineBefore.has(emoji);
    return mine ? {emoji, count, users, mine: true} : {emoji, count, users};
  });
}

/**
 * Reactions without the users blocks names: each left out of its reaction's names and count, and an
 * emoji no one else chose gone. What is read for the user comes so already; a live change, one frame
 * for everyone, does not. Past the names a reaction lists a blocked user cannot be told apart, and
 * stays counted.
 */
function withoutBlocked(reactions, blocks) {
  const kept = (reactions ?? []).flatMap((reaction) => {
    const users = reaction.users.filter((user) => !blocks(user));
    if (users.length === reaction.users.length) return [reaction];
    const count = reaction.count - (reaction.users.length - users.length);
    return count > 0 ? [{...reaction, count, users}] : [];
  });
  return kept.length > 0 ? kept : undefined;
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
