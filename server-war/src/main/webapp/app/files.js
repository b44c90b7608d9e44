// Files as a person reads them, without the DOM: a size in words, an icon for a type, the name a
// pasted picture gets, how big a picture's preview is drawn, and a message's files in a few words.
// Node tests it (src/test/js).

/** The longer side of a picture's preview, as the server makes it (docs/protocol.md, "Files"). */
export const PREVIEW_SIDE = 320;

const UNITS = ['KB', 'MB', 'GB'];

/** 512 → "512 B", 1536 → "1.5 KB", 25 MiB → "25 MB": one decimal below ten, none above. */
export function humanSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  const shown = size < 10 ? Math.round(size * 10) / 10 : Math.round(size);
  // Rounding up may reach the next unit's 1024: "1 MB" reads better than "1024 KB".
  if (shown >= 1024 && unit < UNITS.length - 1) return `1 ${UNITS[unit + 1]}`;
  return `${shown} ${UNITS[unit]}`;
}

const ICONS = [
  [/^image\//, '🖼️'],
  [/^video\//, '🎞️'],
  [/^audio\//, '🎵'],
  [/^application\/pdf$/, '📕'],
  [/(zip|x-tar|gzip|x-7z|x-rar|x-bzip)/, '🗜️'],
  [/(spreadsheet|ms-excel|text\/csv)/, '📊'],
  [/(presentation|ms-powerpoint)/, '📽️'],
  [/(wordprocessing|msword|rtf|opendocument\.text)/, '📝'],
  [/^text\/|json|xml|javascript/, '📄'],
];

/** The icon of a file by its type, as the server read it from the bytes. */
export function iconFor(type) {
  return ICONS.find(([pattern]) => pattern.test(type ?? ''))?.[1] ?? '📎';
}

const EXTENSIONS = {'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp'};

/**
 * The name a picture pasted from the clipboard goes by, from when it was pasted (the user's clock):
 * browsers call every such picture "image.png", which says nothing once sent.
 */
export function pastedName(at, type) {
  const two = (n) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `pasted-image-${day}-${time}.${EXTENSIONS[type] ?? type.split('/')[1] ?? 'png'}`;
}

/** Whether a pasted file's name is the browser's own for clipboard contents, not one the user's machine gave it. */
function isClipboardName(name) {
  return name === '' || /^image\.\w+$/.test(name);
}

/** A picture's preview drawn at its own size, shrunk to fit PREVIEW_SIDE, so the list keeps its place while it loads. */
export function previewSize({width, height}) {
  const scale = Math.min(1, PREVIEW_SIDE / Math.max(width, height));
  return {width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale))};
}

/**
 * What the user attaches, as [{file, name}]: each file under its own name, but a picture pasted from
 * the clipboard under one from when it was pasted.
 */
export function attachedAs(files, {pasted = false, now = new Date()} = {}) {
  return [...files].map((file) => ({
    file,
    name: pasted && file.type.startsWith('image/') && isClipboardName(file.name) ? pastedName(now, file.type) : file.name,
  }));
}

/** A message's files in a few words, where its text would go when it has none: "📎 plan.pdf", "📎 3 files". */
export function filesSummary(files) {
  return files.length === 1 ? `📎 ${files[0].name}` : `📎 ${files.length} files`;
}
