// The browser client: the login page, the chat page once logged in, the banned page when banned. The
// login lasts as long as the tab (sessionStorage), so a reload keeps it and another tab can be someone else.

import {ChatPage} from './chat.js';
import {fill} from './dom.js';
import {bannedPage, loginPage} from './login.js';

const root = document.getElementById('app');
const SAVED = 'chat.login';

function showLogin(notice = '') {
  document.title = 'Chat · log in';
  fill(root, loginPage(showChat, notice));
}

function showChat(auth) {
  sessionStorage.setItem(SAVED, JSON.stringify(auth));
  document.title = `Chat · ${auth.user.username}`;
  const page = new ChatPage(auth, (why) => {
    sessionStorage.removeItem(SAVED);
    if (why.banned) {
      document.title = 'Chat · banned';
      fill(root, bannedPage(why.banned, () => showLogin()));
    } else {
      showLogin(why.loggedOut ? `Logged out: ${why.loggedOut}.` : '');
    }
  });
  fill(root, page.element);
}

const saved = sessionStorage.getItem(SAVED);
if (saved) showChat(JSON.parse(saved));
else showLogin();
