// A message's text read by the conventions chats write in (docs/protocol.md, "Text as chats write
// it"): a tree that message.js draws with elements and text nodes, never as markup. The desktop app's
// chat.desktop.text.Conventions reads the same tree by the same rules, and both are held to the cases
// of test-support/src/main/resources/chat/testing/text-conventions.json. Nothing here backtracks:
// each step moves forward through the text, so no text, however hostile, costs more than a few
// passes over it.
//
// The tree: a list of blocks, each one of
//   {line: [inline]}                                 a line of its own (empty: a blank line)
//   {quote: [[inline]]}                              consecutive "> " lines
//   {bullets: [[inline]]}                            consecutive "- " lines
//   {numbered: [{number, item: [inline]}]}           consecutive "1. " lines, each with its number
//   {codeBlock: text}                                the lines between two lines of ```
// and an inline is a string (text) or one of
//   {bold: [inline]}  {italic: [inline]}  {code: text}  {link: url}  {emoji, name}

const FENCE = '```';
const NUMBERED = /^([0-9]{1,9})\. /;
/** Dropped from a link's end: punctuation that ends a sentence or a marker around the link. */
const TRAILING = '.,:;!?\'*_]';

/** emoji: a Map of shortcode name to its emoji (GET /api/emoji); names it lacks stay text. */
export function parse(text, emoji) {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const nextFence = fencesAfter(lines);
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === FENCE && nextFence[i] !== -1) {
      blocks.push({codeBlock: lines.slice(i + 1, nextFence[i]).join('\n')});
      i = nextFence[i];
      continue;
    }
    const last = blocks.at(-1);
    const numbered = NUMBERED.exec(line);
    if (line.startsWith('> ')) {
      const content = inlines(line.slice(2), emoji);
      if (last?.quote) last.quote.push(content);
      else blocks.push({quote: [content]});
    } else if (line.startsWith('- ')) {
      const content = inlines(line.slice(2), emoji);
      if (last?.bullets) last.bullets.push(content);
      else blocks.push({bullets: [content]});
    } else if (numbered) {
      const item = {number: Number(numbered[1]), item: inlines(line.slice(numbered[0].length), emoji)};
      if (last?.numbered) last.numbered.push(item);
      else blocks.push({numbered: [item]});
    } else {
      blocks.push({line: inlines(line, emoji)});
    }
  }
  return blocks;
}

/** For each line, the index of the next line that is a fence, or -1. */
function fencesAfter(lines) {
  const next = new Array(lines.length).fill(-1);
  for (let i = lines.length - 2; i >= 0; i--) next[i] = lines[i + 1] === FENCE ? i + 1 : next[i + 1];
  return next;
}

/** One line's inlines: code spans, links and emoji first, then bold and italic in the text around them. */
function inlines(line, emoji) {
  const pieces = atoms(line, emoji);
  return emphasis(pieces, closers(pieces), 0, pieces.length, true, true);
}

/**
 * The line cut into pieces: {node} for a code span, a link or an emoji, found from left to right, the
 * first to start winning; {delimiter} for a run of markers that may open or close bold or italic;
 * {text} for the rest.
 */
function atoms(line, emoji) {
  const pieces = [];
  const runs = backtickRuns(line);
  let run = 0;
  let plainFrom = 0;
  const atom = (from, to, node) => {
    markers(line, plainFrom, from, pieces);
    pieces.push({node});
    plainFrom = to;
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '`') {
      while (runs[run].start < i) run++;
      const opening = runs[run];
      if (opening.next === -1) {
        i += opening.length; // no closing run of its length: the backticks stay text
        continue;
      }
      const closing = runs[opening.next];
      atom(i, closing.start + closing.length, {code: line.slice(i + opening.length, closing.start)});
      i = plainFrom;
      run = opening.next + 1;
      continue;
    }
    const end = c === 'h' ? linkEnd(line, i) : c === ':' ? shortcodeEnd(line, i, emoji) : -1;
    if (end === -1) {
      i++;
    } else {
      atom(i, end, c === 'h' ? {link: line.slice(i, end)} : {emoji: emoji.get(line.slice(i + 1, end - 1)), name: line.slice(i + 1, end - 1)});
      i = end;
    }
  }
  markers(line, plainFrom, line.length, pieces);
  return pieces;
}

/** Each run of backticks, with the index of the next run of the same length (the one that closes it), or -1. */
function backtickRuns(line) {
  const runs = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '`') continue;
    const start = i;
    while (i + 1 < line.length && line[i + 1] === '`') i++;
    runs.push({start, length: i - start + 1, next: -1});
  }
  const latest = new Map();
  for (let r = runs.length - 1; r >= 0; r--) {
    runs[r].next = latest.get(runs[r].length) ?? -1;
    latest.set(runs[r].length, r);
  }
  return runs;
}

/**
 * Where a link that starts at i ends, or -1: http:// or https:// (in lower case) at the start of the
 * line or after a character that is not a letter or digit, up to a space, a control or format
 * character, < > " or a backtick; without the punctuation at its end, and without a ) it did not open.
 */
function linkEnd(line, i) {
  const scheme = line.startsWith('https://', i) ? 8 : line.startsWith('http://', i) ? 7 : 0;
  if (scheme === 0 || (i > 0 && isLetterOrDigit(codePointBefore(line, i)))) return -1;
  let end = i + scheme;
  let unclosed = 0;
  while (end < line.length) {
    const c = line.codePointAt(end);
    if (endsLink(c)) break;
    if (c === 0x28) unclosed++;
    else if (c === 0x29) unclosed--;
    end += c > 0xffff ? 2 : 1;
  }
  while (end > i + scheme) {
    const last = line[end - 1];
    if (last === ')' && unclosed < 0) unclosed++;
    else if (!TRAILING.includes(last)) break;
    end--;
  }
  return end > i + scheme ? end : -1;
}

/** Where :name: that starts at i ends, or -1 when the name is not one of the emoji. */
function shortcodeEnd(line, i, emoji) {
  let end = i + 1;
  while (end < line.length && isNameCharacter(line[end])) end++;
  if (end === i + 1 || line[end] !== ':' || !emoji.has(line.slice(i + 1, end))) return -1;
  return end + 1;
}

/**
 * Text between atoms, with each run of markers that can be one as a delimiter: ** (bold), * or _
 * (italic). A longer run, or __, is text. A run opens when a non-space follows it and no letter or
 * digit comes right before it; it closes when a non-space comes before it and no letter or digit
 * follows it. So snake_case and 2*3*4 stay as they are.
 */
function markers(line, from, to, pieces) {
  let textFrom = from;
  for (let i = from; i < to;) {
    const c = line[i];
    if (c !== '*' && c !== '_') {
      i++;
      continue;
    }
    let end = i;
    while (end < to && line[end] === c) end++;
    const kind = c === '_' ? (end - i === 1 ? 'italic' : null) : end - i === 1 ? 'italic' : end - i === 2 ? 'bold' : null;
    if (kind) {
      if (i > textFrom) pieces.push({text: line.slice(textFrom, i)});
      const before = i === 0 ? null : codePointBefore(line, i);
      const after = end === line.length ? null : line.codePointAt(end);
      pieces.push({
        delimiter: kind === 'bold' ? '**' : c,
        kind,
        text: line.slice(i, end),
        opens: after !== null && !isSpace(after) && (before === null || !isLetterOrDigit(before)),
        closes: before !== null && !isSpace(before) && (after === null || !isLetterOrDigit(after)),
      });
      textFrom = end;
    }
    i = end;
  }
  if (to > textFrom) pieces.push({text: line.slice(textFrom, to)});
}

/** For each delimiter (**, *, _) and each piece, the index of the first piece from there that closes it. */
function closers(pieces) {
  const next = {};
  for (const delimiter of ['**', '*', '_']) {
    const at = new Array(pieces.length + 1).fill(pieces.length);
    for (let i = pieces.length - 1; i >= 0; i--) {
      at[i] = pieces[i].delimiter === delimiter && pieces[i].closes ? i : at[i + 1];
    }
    next[delimiter] = at;
  }
  return next;
}

/**
 * Pieces from..to as inlines: an opening delimiter takes the first closing one of its own kind before
 * `to`, and what lies between is read again, with italic inside bold or bold inside italic, never the
 * same inside itself. A delimiter that pairs with none is text. Each piece is read once.
 */
function emphasis(pieces, next, from, to, bold, italic) {
  const out = [];
  for (let i = from; i < to; i++) {
    const piece = pieces[i];
    if (piece.delimiter && piece.opens && (piece.kind === 'bold' ? bold : italic)) {
      const close = next[piece.delimiter][i + 1];
      if (close < to) {
        out.push(piece.kind === 'bold'
          ? {bold: emphasis(pieces, next, i + 1, close, false, italic)}
          : {italic: emphasis(pieces, next, i + 1, close, bold, false)});
        i = close;
        continue;
      }
    }
    if (piece.node) out.push(piece.node);
    else if (typeof out.at(-1) === 'string') out[out.length - 1] += piece.text;
    else out.push(piece.text);
  }
  return out;
}

function codePointBefore(line, i) {
  const low = line.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = line.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return line.codePointAt(i - 2);
  }
  return low;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const SPACE = /^[\t\p{Z}]$/u;
const ENDS_LINK = /^[\t\p{Z}\p{Cc}\p{Cf}<>"`]$/u;
const NAME = /^[a-z0-9_+-]$/;

const isLetterOrDigit = (c) => LETTER_OR_DIGIT.test(String.fromCodePoint(c));
const isSpace = (c) => SPACE.test(String.fromCodePoint(c));
const endsLink = (c) => ENDS_LINK.test(String.fromCodePoint(c));
const isNameCharacter = (c) => NAME.test(c);
