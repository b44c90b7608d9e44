// The files attached to one conversation's next message, without the DOM: each is uploaded as soon as
// it is attached, a few at a time, and the message goes once they all have. Node tests it (src/test/js).
//
// An attachment is queued, uploading, done (the server's File) or failed (the server's refusal); the
// user removes any of them at any time (a running upload is aborted, a finished one deleted). A send
// while uploads run is held until they finish; a removal or a failure meanwhile releases it, nothing
// sent, so that no message ever goes without a file its sender saw attached.

/** The server refuses a user more uploads at once than this (CHAT_FILE_UPLOADS_AT_ONCE's default). */
export const UPLOADS_AT_ONCE = 2;
/** The most files a message takes (CHAT_FILES_PER_MESSAGE's default; the welcome's limits do not carry it). */
export const FILES_PER_MESSAGE = 10;
/**
 * A refusal to wait this long at most is waited out and the upload tried again, a few times: an
 * upload aborted a moment ago still counts at the server until it notices, and says "in 1 s".
 */
const RETRY_WITHIN_S = 10;
const TRIES = 3;

export class PendingUploads {
  /**
   * transport: {upload(file, name, progress(sentBytes)) -> {done: Promise<File>, abort()}, discard(id) -> Promise}
   * listener: {changed(), deliver(text, fileIds, replyTo), released(why: 'failed' | 'removed', text: what waited)}
   * later(run, ms): setTimeout, or a test's clock.
   */
  constructor(transport, listener, later = setTimeout) {
    this.transport = transport;
    this.listener = listener;
    this.later = later;
    this.items = []; // {key, name, size, type (the browser's guess), state, sent, uploaded, error}, in the order attached
    this.held = null; // {text, replyTo} of a send waiting for the uploads
    this.running = new Map(); // key -> the upload's abort()
    this.nextKey = 1;
  }

  /**
   * Attaches [{file, name}] (file: a Blob, name: what the server is to call it) up to FILES_PER_MESSAGE;
   * answers how many were left out past it.
   */
  add(picked) {
    const taken = picked.slice(0, Math.max(0, FILES_PER_MESSAGE - this.items.length));
    for (const {file, name} of taken) {
      this.items.push({key: this.nextKey++, name, size: file.size, type: file.type, file, state: 'queued', sent: 0, tries: 0, pausing: false, uploaded: null, error: null});
    }
    this.startSome();
    this.listener.changed();
    return picked.length - taken.length;
  }

  /** Takes an attachment away, whatever its state; a held send is released. */
  remove(key) {
    const item = this.items.find((i) => i.key === key);
    if (!item) return;
    this.items = this.items.filter((i) => i !== item);
    if (item.state === 'uploading') this.running.get(key)();
    if (item.state === 'done') this.discard(item.uploaded);
    this.startSome();
    this.release('removed');
    this.listener.changed();
  }

  /**
   * The user sends text (maybe empty) with the attachments: 'sent' (delivered), 'waiting' (held until
   * the uploads finish), 'failed' (an attachment failed: nothing sent until it is removed) or 'empty'.
   */
  send(text, replyTo) {
    if (this.items.some((i) => i.state === 'failed')) return 'failed';
    if (!text && this.items.length === 0) return 'empty';
    this.held = {text, replyTo};
    this.deliverIfReady();
    this.listener.changed();
    return this.held ? 'waiting' : 'sent';
  }

  /** How many attachments are still to finish uploading. */
  unfinished() {
    return this.items.filter((i) => i.state === 'queued' || i.state === 'uploading').length;
  }

  /** Ends everything: running uploads aborted, finished ones deleted on the server. */
  discardAll() {
    for (const key of this.items.map((i) => i.key)) this.remove(key);
  }

  startSome() {
    for (const item of this.items) {
      if (this.running.size >= UPLOADS_AT_ONCE) return;
      if (item.state === 'queued' && !item.pausing) this.start(item);
    }
  }

  start(item) {
    item.state = 'uploading';
    item.tries++;
    const upload = this.transport.upload(item.file, item.name, (sent) => {
      item.sent = sent;
      this.listener.changed();
    });
    this.running.set(item.key, upload.abort);
    upload.done.then((file) => {
      if (!this.items.includes(item)) {
        this.discard(file); // finished before the abort reached it
        return;
      }
      Object.assign(item, {state: 'done', sent: item.size, uploaded: file, file: null});
      this.deliverIfReady();
    }, (failure) => {
      if (!this.items.includes(item)) return; // aborted by remove()
      const wait = failure.retryAfterSeconds;
      if (wait && wait <= RETRY_WITHIN_S && item.tries < TRIES) {
        Object.assign(item, {state: 'queued', sent: 0, pausing: true});
        this.later(() => {
          item.pausing = false;
          this.startSome();
          this.listener.changed();
        }, wait * 1000);
        return;
      }
      Object.assign(item, {state: 'failed', error: failure, file: null});
      this.release('failed');
    }).finally(() => {
      this.running.delete(item.key);
      this.startSome();
      this.listener.changed();
    });
  }

  deliverIfReady() {
    if (!this.held || this.unfinished() > 0) return;
    const {text, replyTo} = this.held;
    const ids = this.items.map((i) => i.uploaded.id);
    this.held = null;
    this.items = [];
    this.listener.deliver(text, ids, replyTo);
  }

  release(why) {
    if (!this.held) return;
    const {text} = this.held;
    this.held = null;
    this.listener.released(why, text);
  }

  discard(file) {
    // Failing to delete costs nothing lasting: the server deletes an upload not sent within a day.
    this.transport.discard(file.id).catch(() => {});
  }
}
