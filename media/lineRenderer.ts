/**
 * Turns a decoded line window into DOM nodes and maps between the three ways of
 * pointing into it: UTF-16 index in the decoded text, byte column in the file
 * (what the protocol speaks), and x pixels on screen.
 *
 * Every rendered piece has exactly as many UTF-16 units as the source text it shows
 * (a tab stays one `\t`, a control character becomes its one-unit control picture),
 * so a DOM offset maps to a text index by adding the piece's start.
 */
import { indexAtOrBefore } from '../src/util/sortedSearch';
import type { ColumnUnits } from '../src/encoding/textEncoding';
import { charSize, isHighSurrogate, isLowSurrogate } from '../src/encoding/utf16Units';
import { type ClassSpan, classAt, splitRun } from './highlight/spanRuns';

/** The text as laid out in one row. */
export interface RenderedText {
  /** One text node per piece, in order. */
  nodes: Text[];
  /** Text index each node starts at. */
  starts: number[];
  length: number;
}

const TAB = 9;
const DEL = 0x7f;
const REPLACEMENT = 0xfffd;

function isControl(code: number): boolean {
  return (code < 0x20 && code !== TAB) || code === DEL;
}

/** U+2400 + code for C0 controls, U+2421 for DEL. */
export function controlPicture(code: number): string {
  return String.fromCharCode(code === DEL ? 0x2421 : 0x2400 + code);
}

/**
 * Fills `el` with `text`: plain runs as text nodes, each tab and control character in
 * its own span (tab stops come from CSS `tab-size`, the faint arrow from a pseudo
 * element, so neither changes the text length); the parts of runs inside `spans` (the
 * log colouring) wrapped in a span of their class. Never parses markup: file content
 * only ever reaches the DOM as text nodes.
 */
export function renderText(el: HTMLElement, text: string, spans: readonly ClassSpan[] = []): RenderedText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const frag = document.createDocumentFragment();
  let runStart = 0;
  let nextSpan = 0;
  const piece = (start: number, end: number, classed?: ClassSpan) => {
    const node = document.createTextNode(text.slice(start, end));
    nodes.push(node);
    starts.push(start);
    if (classed) {
      const span = document.createElement('span');
      span.className = classed.className;
      if (classed.style) Object.assign(span.style, classed.style);
      span.appendChild(node);
      frag.appendChild(span);
    } else {
      frag.appendChild(node);
    }
  };
  const flushRun = (end: number) => {
    if (end > runStart) nextSpan = splitRun(spans, nextSpan, runStart, end, piece);
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== TAB && !isControl(code)) continue;
    flushRun(i);
    const span = document.createElement('span');
    // A control character inside a span (the ESC of an ANSI sequence the view hides) takes its class too.
    const within = spans.length > 0 ? classAt(spans, i) : undefined;
    span.className = `${code === TAB ? 'tab' : 'ctrl'}${within ? ` ${within.className}` : ''}`;
    const node = document.createTextNode(code === TAB ? '\t' : controlPicture(code));
    span.appendChild(node);
    nodes.push(node);
    starts.push(i);
    frag.appendChild(span);
    runStart = i + 1;
  }
  flushRun(text.length);
  el.replaceChildren(frag);
  return { nodes, starts, length: text.length };
}

/**
 * How the text's characters map to the file's bytes. A page shows one document, whose
 * encoding the host names in its state (see setColumnUnits); UTF-8 until it does.
 */
let units: ColumnUnits = 'utf8';

/** The shown file's encoding maps characters to bytes so (the host's `FileState.units`). */
export function setColumnUnits(value: unknown): void {
  units = value === 'byte' || value === 'utf16' ? value : 'utf8';
}

/** Bytes of the file one UTF-16 unit of text stands for, at most (2 in UTF-16, else 1). */
export function unitBytes(): number {
  return units === 'utf16' ? 2 : 1;
}

/**
 * Bytes of text[start, end) in the file. In UTF-8, U+FFFD counts as one byte: the host
 * makes each byte that is no part of a character one U+FFFD, and a real one three
 * (src/editor/viewUtf8.ts), so this is exact.
 */
export function byteLength(text: string, start = 0, end = text.length): number {
  if (units !== 'utf8') return (end - start) * (units === 'utf16' ? 2 : 1);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHighSurrogate(c) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else if (c === REPLACEMENT) n += 1;
    else n += 3;
  }
  return n;
}


/**
 * The text index of the character boundary at byte `bytes` of the text (rounded down
 * to a boundary when it falls inside a character; text.length when past the end).
 */
export function byteToIndex(text: string, bytes: number): number {
  if (units !== 'utf8') return snapIndex(text, units === 'utf16' ? Math.floor(bytes / 2) : bytes);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const size = charSize(text, i);
    const next = n + byteLength(text, i, i + size);
    if (next > bytes) return i;
    n = next;
    i += size;
  }
  return text.length;
}

/** Moves a text index off the second half of a surrogate pair. */
export function snapIndex(text: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= text.length) return text.length;
  return isLowSurrogate(text.charCodeAt(i)) && charSize(text, i - 1) === 2 ? i - 1 : i;
}

/** Index of the previous / next character boundary. */
export function prevIndex(text: string, i: number): number {
  return i <= 0 ? 0 : snapIndex(text, i - 1);
}
export function nextIndex(text: string, i: number): number {
  return i >= text.length ? text.length : i + charSize(text, i);
}

type CharClass = 0 | 1 | 2; // space, word, punctuation

function charClass(text: string, i: number): CharClass {
  const ch = text[i];
  if (/\s/.test(ch)) return 0;
  return /[\p{L}\p{N}_]/u.test(ch) ? 1 : 2;
}

/** Start of the word left of i (Ctrl+Left), VS Code style: skip spaces, then one class. */
export function wordLeft(text: string, i: number): number {
  let j = i;
  while (j > 0 && charClass(text, j - 1) === 0) j--;
  if (j === 0) return 0;
  const cls = charClass(text, j - 1);
  while (j > 0 && charClass(text, j - 1) === cls) j--;
  return j;
}

/** End of the word right of i (Ctrl+Right). */
export function wordRight(text: string, i: number): number {
  let j = i;
  while (j < text.length && charClass(text, j) === 0) j++;
  if (j >= text.length) return text.length;
  const cls = charClass(text, j);
  while (j < text.length && charClass(text, j) === cls) j++;
  return j;
}

/** [start, end) of the word (or run of spaces / punctuation) under index i. */
export function wordAt(text: string, i: number): [number, number] {
  if (text.length === 0) return [0, 0];
  const at = Math.min(i, text.length - 1);
  const cls = charClass(text, at);
  let s = at;
  let e = at + 1;
  while (s > 0 && charClass(text, s - 1) === cls) s--;
  while (e < text.length && charClass(text, e) === cls) e++;
  return [s, e];
}

/** Index of the first non-blank character (smart Home). */
export function firstNonBlank(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : text.length;
}

const range = typeof document !== 'undefined' ? document.createRange() : undefined;

function locate(r: RenderedText, index: number): { node: Text; offset: number } | undefined {
  if (r.nodes.length === 0) return undefined;
  const i = indexAtOrBefore(r.starts, index, r.nodes.length);
  return { node: r.nodes[i], offset: index - r.starts[i] };
}

/** Client rect of the character at `index` (index < length). */
function charRect(r: RenderedText, index: number, text: string): DOMRect | undefined {
  const start = locate(r, index);
  if (!start || !range) return undefined;
  const size = charSize(text, index);
  const endOffset = Math.min(start.node.length, start.offset + size);
  range.setStart(start.node, start.offset);
  range.setEnd(start.node, endOffset);
  return range.getBoundingClientRect();
}

/**
 * X (client pixels) of the boundary before text[index]; index === length gives the
 * right edge of the text. Measured on the laid-out DOM, so proportional fallback fonts,
 * wide CJK characters and tab stops are all where the browser drew them.
 */
export function indexToClientX(el: HTMLElement, r: RenderedText, text: string, index: number): number {
  if (r.length === 0) return el.getBoundingClientRect().left;
  if (index >= r.length) {
    const last = prevIndex(text, r.length);
    const rect = charRect(r, last, text);
    return rect ? rect.right : el.getBoundingClientRect().right;
  }
  const rect = charRect(r, snapIndex(text, index), text);
  return rect ? rect.left : el.getBoundingClientRect().left;
}

/** The boundary nearest to client x: binary search over measured character edges. */
export function clientXToIndex(r: RenderedText, text: string, x: number): number {
  if (r.length === 0) return 0;
  let lo = 0;
  let hi = r.length;
  // Find the first character whose horizontal middle is right of x.
  while (lo < hi) {
    const mid = snapIndex(text, Math.floor((lo + hi) / 2));
    const rect = charRect(r, mid, text);
    if (!rect) return 0;
    if ((rect.left + rect.right) / 2 > x) {
      hi = mid;
    } else {
      lo = nextIndex(text, mid);
    }
  }
  return snapIndex(text, lo);
}
