// blob: URLs of what the page fetched with its token (no URL may carry one): each file's bytes loaded
// once while it is shown, and revoked when it no longer is (its message deleted, another conversation
// shown), so that the memory they hold is the previews of the conversation in view: at most 320 pixels
// a side each, however long its history. Node tests it (src/test/js).

/** What a URL's promise rejects with when it was released before its bytes came. */
export const RELEASED = Symbol('released');

export class BlobUrls {
  /** load(key) -> Promise<Blob>; urls: {createObjectURL, revokeObjectURL}, URL's or a test's. */
  constructor(load, urls = URL) {
    this.load = load;
    this.urls = urls;
    this.entries = new Map(); // key -> {promise, url, released}
  }

  /** A promise of the URL of key's bytes, loaded the first time; after a failure the next call loads again. */
  url(key) {
    const known = this.entries.get(key);
    if (known) return known.promise;
    const entry = {promise: null, url: null, released: false};
    entry.promise = this.load(key).then((blob) => {
      if (entry.released) throw RELEASED;
      entry.url = this.urls.createObjectURL(blob);
      return entry.url;
    }, (failure) => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw entry.released ? RELEASED : failure;
    });
    this.entries.set(key, entry);
    return entry.promise;
  }

  /** The URL of key's bytes when they are loaded already, else null: drawn again, they show at once. */
  loaded(key) {
    return this.entries.get(key)?.url ?? null;
  }

  /** Whatever is shown of key's bytes is gone: its URL is revoked, or never made if they are still on their way. */
  release(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    entry.released = true;
    if (entry.url) this.urls.revokeObjectURL(entry.url);
  }

  releaseAll() {
    for (const key of [...this.entries.keys()]) this.release(key);
  }
}
