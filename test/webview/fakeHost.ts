/**
 * A stand-in for the extension host, for developing and testing the webview in a plain
 * browser: defines `acquireVsCodeApi`, answers the viewer's messages from an in-memory
 * file, applies a VS Code theme's CSS variables, and records everything for the tests
 * (`window.fakeHost`).
 *
 * Query parameters: file=huge|long|special|empty|indexing|follow|binary|hugebin (default
 * huge), lines=<count for huge>, theme=dark|light, latency=<ms per reply>, readonly=1,
 * view=text|hex (binary and hugebin open in hex), perRow=<hex bytes per row>.
 * The special, empty and binary files can be edited, as the real host would apply the
 * edits; the generated ones are read-only.
 */
import type { FileState, HostMessage, LineSlice, Position, ViewerMessage, ViewMode } from '../../src/editor/protocol';
import { validateViewerMessage } from '../../src/editor/protocol';
import { parseHexBytes } from '../../src/hex/hexDump';
import { type ByteFile, editableBinary, hugeBinary, linesAsBytes } from './fakeBytes';
import { type BytesFile, concat, emptyFile, type FakeFile, hugeFile, longLineFile, smallFile, specialFile } from './fakeFiles';
import { allMatches, byteMatches, filterLines, filterRows, findMatch, findOffset } from './fakeSearch';
import { applyTheme } from './themes';
import { visibleMatches } from '../../media/hex/hexMatches';
import { compileMatcher } from '../../media/lineMatches';

const params = new URLSearchParams(location.search);
const kind = params.get('file') ?? 'huge';
const latency = Number(params.get('latency') ?? '5');
applyTheme(params.get('theme') === 'light' ? 'light' : 'dark');

const growing = smallFile(Number(params.get('lines') ?? '30'));
let file: FakeFile;
/** The file as bytes, for the hex view (absent for the generated line files). */
let bytes: ByteFile | undefined;
switch (kind) {
  case 'binary': bytes = editableBinary(); file = emptyFile(); break;
  case 'hugebin': bytes = hugeBinary(); file = emptyFile(); break;
  case 'long': file = longLineFile(); break;
  case 'special': file = specialFile(); break;
  case 'empty': file = emptyFile(); break;
  case 'follow': file = growing; break;
  case 'indexing': file = hugeFile(Number(params.get('lines') ?? '2000000'), 'still-indexing.log'); break;
  default: file = hugeFile(Number(params.get('lines') ?? '100000000'));
}
// The text view of a binary file is not simulated: no lines. Editable text files have bytes.
if (bytes) file = { ...file, name: bytes.name };
else if ((file as Partial<BytesFile>).lines) bytes = linesAsBytes(file as BytesFile);
else if (kind === 'follow') bytes = growingBytes();
let mode: ViewMode = params.get('view') === 'hex' || (params.get('view') === null && (kind === 'binary' || kind === 'hugebin')) ? 'hex' : 'text';
const bytesPerRow = Number(params.get('perRow') ?? '16');
let hexCaret = 0;

// Indexing simulation: knownLines grows in steps until the whole file is known.
let known = kind === 'indexing' ? 0 : file.lineCount;
let following = false;
let dirty = false;
const editable = (bytes ? bytes.replace !== undefined : (file as Partial<BytesFile>).lines !== undefined) && params.get('readonly') !== '1';
/** What a paste inserts (the real host reads the system clipboard). */
let pasteText = 'pasted text';
const decoder = new TextDecoder('utf-8');

function state(): FileState {
  const complete = known >= file.lineCount;
  return {
    fileName: file.name,
    fileSize: bytes?.size ?? file.size,
    // An estimate while indexing (deliberately a bit off), exact once complete.
    lineCount: complete ? file.lineCount : Math.max(known, Math.round(file.lineCount * 1.03)),
    knownLines: known,
    complete,
    progress: complete ? 1 : known / file.lineCount,
    following,
    readOnly: !editable,
    readOnlyReason: editable ? undefined : 'the hugefile.readOnly setting is on',
    dirty,
    eol: '\n',
  };
}

// ---- edits, applied to the byte lines of an editable file ----

const encoder = new TextEncoder();

function clampPos(p: Position): Position {
  const lines = (file as BytesFile).lines;
  if (lines.length === 0) return { line: 0, column: 0 };
  if (p.line >= lines.length) return { line: lines.length - 1, column: lines[lines.length - 1].length };
  return { line: p.line, column: Math.min(p.column, lines[p.line].length) };
}


/** Replaces [from, to) with `text` ("\n" splits lines); returns where the inserted text ends. */
function replace(from: Position, to: Position, text: string): Position {
  const lines = (file as BytesFile).lines;
  if (lines.length === 0) lines.push(new Uint8Array(0));
  const a = clampPos(from);
  const b = clampPos(to);
  const head = lines[a.line].subarray(0, a.column);
  const tail = lines[b.line].subarray(b.column);
  const parts = text.split('\n').map((t) => encoder.encode(t));
  const fresh = parts.map((p, i) => concat(i === 0 ? head : new Uint8Array(0), p, i === parts.length - 1 ? tail : new Uint8Array(0)));
  lines.splice(a.line, b.line - a.line + 1, ...fresh);
  const last = parts[parts.length - 1];
  return { line: a.line + parts.length - 1, column: (parts.length === 1 ? a.column : 0) + last.length };
}

/** The position one UTF-8 character (or line break) before / after `p`. */
function step(p: Position, direction: 'backward' | 'forward'): Position {
  const lines = (file as BytesFile).lines;
  const line = lines[p.line];
  if (direction === 'backward') {
    if (p.column === 0) return p.line === 0 ? p : { line: p.line - 1, column: lines[p.line - 1].length };
    let c = p.column - 1;
    while (c > 0 && (line[c] & 0xc0) === 0x80) c--;
    return { line: p.line, column: c };
  }
  if (p.column >= line.length) return p.line + 1 < lines.length ? { line: p.line + 1, column: 0 } : p;
  let c = p.column + 1;
  while (c < line.length && (line[c] & 0xc0) === 0x80) c++;
  return { line: p.line, column: c };
}

/** A byte edit from the hex view, applied as the real host would (clamped, refused when read-only). */
function applyByteEdit(offset: number, deleteLength: number, inserted: Uint8Array): void {
  if (!editable || !bytes?.replace) {
    toView({ type: 'notice', level: 'warning', text: `${file.name} is read-only. Your typing was not applied.` });
    return;
  }
  if (offset > bytes.size) return;
  bytes.replace(offset, Math.min(deleteLength, bytes.size - offset), inserted);
  dirty = true;
  toView({ type: 'bytesEdited', fromOffset: offset, caretOffset: offset + inserted.length, state: state() });
}

function edited(fromLine: number, caret: Position): void {
  dirty = true;
  known = file.lineCount;
  toView({ type: 'edited', fromLine, caret, state: state() });
}

function applyEdit(m: Extract<ViewerMessage, { type: 'insert' | 'delete' | 'paste' }>): void {
  if (!editable) {
    toView({ type: 'notice', level: 'error', text: 'Not edited: the file is read-only.' });
    return;
  }
  if (m.type === 'insert') {
    let to = m.to ?? m.at;
    if (!m.to && m.overwrite) {
      const at = clampPos(m.at);
      const len = (file as BytesFile).lines[at.line]?.length ?? 0;
      to = { line: at.line, column: Math.min(len, at.column + encoder.encode(m.text).length) };
    }
    const start = clampPos(m.at);
    edited(start.line, replace(start, to, m.text));
  } else if (m.type === 'paste') {
    const start = clampPos(m.at);
    edited(start.line, replace(start, m.to ?? m.at, pasteText));
  } else {
    let from = clampPos(m.from);
    let to = m.to ? clampPos(m.to) : step(from, m.direction);
    if (!m.to && m.direction === 'backward') [from, to] = [to, from];
    edited(from.line, replace(from, to, ''));
  }
}

const sent: ViewerMessage[] = [];
const invalid: unknown[] = [];
const received: HostMessage[] = [];
let clipboard = '';
let filtered: { id: number; lines: number[] } | undefined;
// VS Code keeps a webview's state across reloads of its page; sessionStorage does here.
let savedState: unknown = JSON.parse(sessionStorage.getItem('fakeHost.state') ?? 'null') ?? undefined;

function toView(message: HostMessage): void {
  received.push(message);
  setTimeout(() => window.postMessage(message, '*'), latency);
}

function slice(line: number, fromByte: number, maxBytes: number): LineSlice {
  const length = file.lineLength(line);
  const from = Math.min(fromByte, length);
  let to = Math.min(length, from + maxBytes);
  let chunk = file.lineBytes(line, from, to);
  // Like the real host: never cut a UTF-8 sequence at the end of the window.
  while (to < length && to > from && (chunk[to - from] & 0xc0) === 0x80) to--;
  chunk = chunk.subarray(0, to - from);
  return { line, text: decoder.decode(chunk), length, fromByte: from };
}

/** The fake clipboard keeps at most this much (the real host allows MAX_COPY_BYTES). */
const FAKE_COPY_LIMIT = 1 << 20;

function copyText(from: Position, to: Position): string {
  const parts: string[] = [];
  let total = 0;
  for (let line = from.line; line <= to.line && line < file.lineCount; line++) {
    const len = file.lineLength(line);
    const a = line === from.line ? Math.min(from.column, len) : 0;
    const b = line === to.line ? Math.min(to.column, len) : len;
    const part = decoder.decode(file.lineBytes(line, a, Math.max(a, b)));
    total += part.length + 1;
    if (total > FAKE_COPY_LIMIT) break;
    parts.push(part);
  }
  return parts.join('\n');
}

/** The growing file as bytes (each line with its "\n"), read-only, for the hex view of file=follow. */
function growingBytes(): ByteFile {
  const all = () => {
    const parts: number[] = [];
    for (let i = 0; i < growing.lineCount; i++) parts.push(...growing.lineBytes(i, 0, growing.lineLength(i)), 10);
    return Uint8Array.from(parts);
  };
  return { name: growing.name, get size() { return growing.size; }, read: (offset, length) => all().slice(offset, offset + length), editedIn: () => [] };
}

/** getBytes requests not answered yet, while `holdingBytes` (a slow disk). */
let holdingBytes = false;
let heldBytes: Extract<ViewerMessage, { type: 'getBytes' }>[] = [];

function answerBytes(m: Extract<ViewerMessage, { type: 'getBytes' }>): void {
  toView({
    type: 'bytes', id: m.id, offset: Math.min(m.offset, bytes!.size), data: bytes!.read(m.offset, m.length),
    edited: bytes!.editedIn(m.offset, m.length), state: state(),
  });
}

function onViewerMessage(raw: unknown): void {
  const m = validateViewerMessage(raw);
  if (!m) {
    invalid.push(raw);
    console.error('fake host: invalid message', JSON.stringify(raw));
    return;
  }
  sent.push(m);
  switch (m.type) {
    case 'ready':
      toView({ type: 'init', state: state(), topLine: 0, mode, hex: { bytesPerRow, caretOffset: hexCaret } });
      break;
    case 'getBytes':
      if (holdingBytes) heldBytes.push(m);
      else answerBytes(m);
      break;
    case 'byteCaret':
      hexCaret = m.offset;
      break;
    case 'replaceBytes':
      applyByteEdit(m.offset, m.deleteLength, Uint8Array.from(m.bytes));
      break;
    case 'pasteBytes': {
      let pasted: Uint8Array;
      try {
        pasted = m.as === 'hex' ? parseHexBytes(pasteText) : encoder.encode(pasteText);
      } catch (err) {
        toView({ type: 'notice', level: 'warning', text: `Not pasted: ${(err as Error).message}.` });
        break;
      }
      applyByteEdit(m.offset, m.overwrite && m.deleteLength === 0 ? pasted.length : m.deleteLength, pasted);
      break;
    }
    case 'copyBytes': {
      const data = bytes!.read(m.offset, Math.min(m.length, FAKE_COPY_LIMIT));
      clipboard = m.as === 'hex' ? Array.from(data, (b) => b.toString(16).padStart(2, '0')).join(' ') : decoder.decode(data);
      break;
    }
    case 'getLines': {
      const lines: LineSlice[] = [];
      const end = Math.min(m.start + m.count, known);
      for (let l = m.start; l < end; l++) lines.push(slice(l, m.fromByte, m.maxBytes));
      toView({ type: 'lines', id: m.id, lines, state: state() });
      break;
    }
    case 'copy':
      clipboard = copyText(m.from, m.to);
      break;
    case 'insert':
    case 'delete':
    case 'paste':
      applyEdit(m);
      break;
    case 'find': {
      const found = findMatch(file, m.query, m.from, m.backwards);
      toView({ type: 'found', id: m.id, match: found.match, wrapped: found.wrapped });
      if (m.restart) {
        // A count in two steps, as the real one reports progress before it is done.
        const matches = allMatches(file, m.query).length;
        toView({ type: 'findCount', id: m.id, matches: Math.floor(matches / 2), progress: 0.5, done: false });
        toView({ type: 'findCount', id: m.id, matches, progress: 1, done: true });
      }
      break;
    }
    case 'findOffset': {
      // Over the (small) byte file: byte patterns by a naive scan, text and regex by the hex view's own highlighter.
      const data = bytes!.read(0, bytes!.size);
      const query = m.query;
      const ranges = query.kind === 'bytes'
        ? byteMatches(data, query.pattern).map((at) => [at, at + query.pattern.length])
        : visibleMatches(query, compileMatcher(query), (i) => data[i], 0, data.length, data.length);
      const all = ranges.map(([at]) => at);
      const found = findOffset(all, m.from, m.backwards);
      const match = found && { offset: all[found.index], length: ranges[found.index][1] - all[found.index], index: found.index };
      toView({ type: 'foundOffset', id: m.id, match, wrapped: found?.wrapped ?? false });
      if (m.restart) toView({ type: 'findCount', id: m.id, matches: all.length, progress: 1, done: true });
      break;
    }
    case 'filter':
      filtered = { id: m.id, lines: filterLines(file, m.include, m.exclude) };
      toView({ type: 'filterProgress', id: m.id, lines: filtered.lines.length, progress: 1, done: true });
      break;
    case 'filterStop':
      filtered = undefined;
      break;
    case 'getFilterLines':
      if (filtered?.id === m.filterId) toView({ type: 'filterLines', id: m.id, filterId: m.filterId, lines: filterRows(file, filtered.lines, m.start, m.count) });
      break;
    case 'command':
      if (m.command === 'toggleFollow') {
        following = !following;
        toView({ type: 'state', state: state() });
      } else if (m.command === 'toggleView') {
        mode = mode === 'hex' ? 'text' : 'hex';
        toView({ type: 'mode', mode });
      }
      break;
    default:
      break;
  }
}

const api = {
  postMessage: (message: unknown) => onViewerMessage(JSON.parse(JSON.stringify(message))),
  getState: () => savedState,
  setState: (s: unknown) => {
    savedState = s;
    sessionStorage.setItem('fakeHost.state', JSON.stringify(s));
  },
};
let acquired = false;
(window as unknown as { acquireVsCodeApi: () => typeof api }).acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi may only be called once');
  acquired = true;
  return api;
};

if (kind === 'indexing') {
  const step = Number(params.get('step') ?? '50000');
  const every = Number(params.get('every') ?? '150');
  const timer = setInterval(() => {
    known = Math.min(file.lineCount, known + step);
    toView({ type: 'state', state: state() });
    if (known >= file.lineCount) clearInterval(timer);
  }, every);
}

/** What the tests drive and inspect. */
const fakeHost = {
  sent,
  invalid,
  received,
  get clipboard() {
    return clipboard;
  },
  get state() {
    return state();
  },
  send: (message: HostMessage) => toView(message),
  /** Appends lines to the growing file (file=follow), then tells the view, as the real host would. */
  append(n: number) {
    growing.append(n);
    known = growing.lineCount;
    toView({ type: 'state', state: state() });
    if (following) toView({ type: 'reveal', line: known - 1, select: false });
  },
  /**
   * Truncates and rewrites the growing file (file=follow), as log rotation does; the
   * hex view is told as the real host tells it (the index started over).
   */
  rotate(n: number) {
    growing.rotate(n);
    known = growing.lineCount;
    toView({ type: 'state', state: state() });
    if (mode === 'hex') toView({ type: 'bytesEdited', fromOffset: 0, caretOffset: 0, state: state(), reset: true });
  },
  /** While on, getBytes requests wait (a slow disk); turning it off answers them. */
  holdBytes(on: boolean) {
    holdingBytes = on;
    if (on) return;
    const waiting = heldBytes;
    heldBytes = [];
    waiting.forEach(answerBytes);
  },
  setPasteText(text: string) {
    pasteText = text;
  },
  /** `length` bytes of the file from `offset`, as the hex view's host reads them. */
  readBytes(offset: number, length: number): number[] {
    return Array.from(bytes?.read(offset, length) ?? []);
  },
  get mode() {
    return mode;
  },
  /** The editable file's text, lines joined with "\n". */
  get text() {
    const lines = (file as Partial<BytesFile>).lines ?? [];
    return lines.map((l) => new TextDecoder().decode(l)).join('\n');
  },
  get savedState() {
    return savedState;
  },
  setTheme: applyTheme,
};
(window as unknown as { fakeHost: typeof fakeHost }).fakeHost = fakeHost;
