// The files a message carries, as the conversation shows them: a picture as its preview, drawn at its
// size before it loads so that the list does not jump, fetched once it scrolls into view, and opened
// full size on a click (a lightbox: Escape or a click closes it); any other file as a card (an icon by
// type, its name and size) that downloads it with its name on a click. Every fetch carries the token
// in its header (api.js) and shows a blob: URL (blobs.js), revoked once nothing shows it. A file the
// server no longer gives (its message deleted) shows as unavailable.

import {describe} from './api.js';
import {BlobUrls, RELEASED} from './blobs.js';
import {fill, h} from './dom.js';
import {humanSize, iconFor, previewSize} from './files.js';

/**
 * How long a download's blob: URL outlives the click that started it: the browser reads it after the
 * click returns, and revoking it sooner may cut the download short (FileSaver.js waits as long).
 */
const DOWNLOAD_URL_MS = 40_000;
/** Previews start loading this far before they scroll into sight. */
const AHEAD = '300px';
/**
 * A preview refused for a moment (the node streams too many files at once, or the user fetched many
 * in a minute) is asked for again after the wait the server names, if it is this short, a few times.
 */
const RETRY_WITHIN_S = 10;
const TRIES = 3;

const isGone = (failure) => failure?.code === 'not_found';

export class MessageFiles {
  /** fileBytes(id, preview) -> Promise<Blob> (Api.fileBytes); say(text) tells the user of a failure. */
  constructor(fileBytes, say) {
    this.fileBytes = fileBytes;
    this.say = say;
    this.previews = new BlobUrls((id) => fileBytes(id, true));
    this.lightbox = new Lightbox(fileBytes, say);
    this.element = this.lightbox.element; // an overlay, placed by the page
    this.observer = new IntersectionObserver((entries) => this.scrolled(entries), {rootMargin: AHEAD});
    this.shown = new WeakMap(); // a preview's img -> its file
  }

  /** What shows of a message's files, in the order sent. */
  render(files) {
    return h('div', {class: 'files'}, files.map((file) => (file.image ? this.picture(file) : this.card(file))));
  }

  /** Nothing shows these messages' pictures any more (a message deleted): their URLs go. */
  forget(item) {
    for (const img of item.querySelectorAll('img.preview')) this.previews.release(Number(img.dataset.fileId));
  }

  /** Another conversation is shown, or none: every preview's URL goes. */
  forgetAll() {
    this.observer.disconnect();
    this.previews.releaseAll();
    this.lightbox.close();
  }

  picture(file) {
    const {width, height} = previewSize(file.image);
    const img = h('img', {class: 'preview', alt: file.name, width, height, 'data-file-id': file.id});
    const button = h('button', {type: 'button', class: 'picture', title: file.name, 'aria-label': `Open ${file.name}`,
      onclick: () => this.lightbox.open(file, img.getAttribute('src'))}, img);
    const loaded = this.previews.loaded(file.id);
    if (loaded) {
      img.src = loaded; // a message drawn again, for a reaction say: no flash of an empty frame
    } else {
      this.shown.set(img, file);
      this.observer.observe(img);
    }
    return button;
  }

  scrolled(entries) {
    for (const {target, isIntersecting} of entries) {
      // A message drawn again leaves its old img behind, never to come into view.
      if (!target.isConnected) this.observer.unobserve(target);
      if (!isIntersecting) continue;
      this.observer.unobserve(target);
      this.loadPreview(target, this.shown.get(target));
    }
  }

  /** tries: how many times it was asked for already; a node busy for a moment is asked again once it said to. */
  async loadPreview(img, file, tries = 0) {
    try {
      img.src = await this.previews.url(file.id);
    } catch (failure) {
      if (failure === RELEASED || !img.isConnected) return;
      const wait = failure.retryAfterSeconds;
      if (wait && wait <= RETRY_WITHIN_S && tries < TRIES) {
        setTimeout(() => img.isConnected && this.loadPreview(img, file, tries + 1), wait * 1000);
      } else if (isGone(failure)) {
        img.closest('.picture')?.replaceWith(unavailable(file));
      } else {
        img.closest('.picture')?.setAttribute('title', `${file.name}: ${describe(failure)}`);
      }
    }
  }

  card(file) {
    const state = h('span', {class: 'size muted'}, humanSize(file.size));
    const card = h('button', {type: 'button', class: 'file-card', 'data-file-id': file.id, title: `Download ${file.name}`,
      onclick: () => this.download(file, card, state)},
    h('span', {class: 'icon', 'aria-hidden': 'true'}, iconFor(file.type)),
    h('span', {class: 'name'}, file.name),
    state);
    return card;
  }

  async download(file, card, state) {
    if (card.disabled) return;
    card.disabled = true;
    state.textContent = 'Downloading…';
    try {
      saveAs(await this.fileBytes(file.id, false), file.name);
    } catch (failure) {
      if (isGone(failure)) card.replaceWith(unavailable(file));
      else this.say(`${file.name}: ${describe(failure)}`);
    }
    card.disabled = false;
    state.textContent = humanSize(file.size);
  }
}

/** A file its message no longer gives: named, greyed, doing nothing. */
function unavailable(file) {
  return h('span', {class: 'file-card unavailable', 'data-file-id': file.id, title: 'Its message was deleted'},
    h('span', {class: 'icon', 'aria-hidden': 'true'}, iconFor(file.type)),
    h('span', {class: 'name'}, file.name),
    h('span', {class: 'size muted'}, 'unavailable'));
}

/** Hands bytes to the browser as a download named `name`, as a link with `download` would. */
function saveAs(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', {href: url, download: name, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_MS);
}

/** A picture full size over the page, its preview standing in until its bytes come. */
class Lightbox {
  constructor(fileBytes, say) {
    this.fileBytes = fileBytes;
    this.say = say;
    this.full = null; // the blob: URL of the picture shown, once loaded
    this.opened = 0; // which opening a load answers
    this.img = h('img', {id: 'lightboxPicture', alt: ''});
    this.caption = h('span', {class: 'caption'});
    this.save = h('a', {id: 'lightboxDownload', class: 'download', hidden: true, onclick: (e) => e.stopPropagation()}, 'Download');
    this.element = h('div', {id: 'lightbox', class: 'lightbox', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Picture', hidden: true,
      onclick: () => this.close()},
    this.img,
    h('div', {class: 'lightbox-bar'}, this.caption, this.save,
      h('button', {type: 'button', id: 'closeLightbox', class: 'close', 'aria-label': 'Close'}, '×')));
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.close());
  }

  /** preview: the blob: URL of its preview when it is loaded, else null. */
  async open(file, preview) {
    this.close();
    const opening = ++this.opened;
    this.img.alt = file.name;
    if (preview) this.img.src = preview;
    fill(this.caption, `${file.name} · ${humanSize(file.size)}`);
    this.element.hidden = false;
    let blob;
    try {
      blob = await this.fileBytes(file.id, false);
    } catch (failure) {
      if (opening !== this.opened) return;
      this.close();
      this.say(`${file.name}: ${isGone(failure) ? 'no longer there (its message was deleted).' : describe(failure)}`);
      return;
    }
    if (opening !== this.opened) return; // closed, or another opened, meanwhile
    this.full = URL.createObjectURL(blob);
    this.img.src = this.full;
    Object.assign(this.save, {href: this.full, download: file.name, hidden: false});
  }

  close() {
    this.opened++;
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.img.removeAttribute('src');
    this.save.hidden = true;
    this.save.removeAttribute('href');
    if (this.full) {
      // A download begun from the lightbox may still be reading it: let it end, as saveAs does.
      const full = this.full;
      setTimeout(() => URL.revokeObjectURL(full), DOWNLOAD_URL_MS);
    }
    this.full = null;
  }
}
