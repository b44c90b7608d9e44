// How the page names a user everywhere: the display name, with the username beside it when the two
// differ (a display name is free text, the username is who it is), and a badge for a service.

import {h} from './dom.js';

/** "Ann" for ann, "Ann of the Desk (@ann)" once she picked another name. */
export function nameOf(user) {
  return user.displayName.toLowerCase() === user.username.toLowerCase()
    ? user.displayName
    : `${user.displayName} (@${user.username})`;
}

/** The user's name as an element of `tag`, their status as its title, and a badge for a service. */
export function nameElement(tag, attributes, user) {
  const title = user.status ? {title: user.status} : {};
  return h(tag, {...attributes, ...title}, nameOf(user), user.role === 'SERVICE' && h('span', {class: 'tag service'}, 'service'));
}
