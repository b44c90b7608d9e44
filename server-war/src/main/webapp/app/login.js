// Log in or sign up. Failures are said plainly: wrong password, name taken, banned, unreachable.

import {Api, describe} from './api.js';
import {h} from './dom.js';

export function loginPage(onAuthenticated, notice = '') {
  const username = h('input', {id: 'username', name: 'username', autocomplete: 'username', required: true, maxlength: 32, placeholder: 'Username'});
  const password = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, placeholder: 'Password (8 characters or more)'});
  const error = h('p', {id: 'loginError', class: 'error', role: 'alert'}, notice);
  const logIn = h('button', {id: 'logIn', type: 'submit', class: 'primary'}, 'Log in');
  const signUp = h('button', {id: 'signUp', type: 'button'}, 'Sign up');

  async function attempt(newAccount) {
    if (!username.value.trim() || !password.value) {
      error.textContent = 'Type a username and a password.';
      return;
    }
    logIn.disabled = signUp.disabled = true;
    error.textContent = '';
    try {
      const api = new Api();
      const auth = newAccount
        ? await api.signUp(username.value.trim(), password.value)
        : await api.logIn(username.value.trim(), password.value);
      onAuthenticated(auth);
    } catch (failure) {
      error.textContent = failure.code === 'unauthorized' ? 'Wrong username or password.' : describe(failure);
    } finally {
      logIn.disabled = signUp.disabled = false;
    }
  }

  const form = h('form', {class: 'login-form', onsubmit: (e) => { e.preventDefault(); attempt(false); }},
    h('h1', {class: 'login-title'}, 'Chat'),
    h('label', {for: 'username'}, 'Username'), username,
    h('label', {for: 'password'}, 'Password'), password,
    h('div', {class: 'row'}, logIn, signUp),
    error);
  signUp.addEventListener('click', () => attempt(true));
  setTimeout(() => username.focus());
  return h('div', {class: 'login-page'}, form);
}

/** Where a banned user ends up: the reason, and the way back to the login page. */
export function bannedPage(reason, onBack) {
  return h('div', {class: 'login-page'},
    h('section', {id: 'banned', class: 'login-form', role: 'alert'},
      h('h1', {class: 'login-title danger'}, 'You were banned'),
      h('p', {id: 'banReasonShown'}, reason),
      h('button', {id: 'backToLogin', onclick: onBack}, 'Back to the login page')));
}
