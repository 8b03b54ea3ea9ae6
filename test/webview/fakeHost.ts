/**
 * A stand-in for the extension host, for developing and testing the webview in a plain
 * browser: defines `acquireVsCodeApi`, answers the viewer's messages from an in-memory
 * file, applies a VS Code theme's CSS variables, and records everything for the tests
 * (`window.fakeHost`).
 *
 * Query parameters: file=huge|long|special|wrap|empty|indexing|follow|binary|hugebin|content
 * (default huge), lines=<count for huge>, theme=dark|light, latency=<ms per reply>,
 * readonly=1, view=text|hex (binary and hugebin open in hex), perRow=<hex bytes per row>,
 * logColours=auto|on|off (sends the log colouring set-up; tint=1, colours=<JSON colour map>),
 * and for file=content: bytes=<base64 of the file>, name=<its name>, clock=frozen (no pause
 * in typing, for undo groups), encoding=<VS Code's name of the file's encoding, utf8 by default>.
 * wrap=off|on|wordWrapColumn|bounded (editor.wordWrap) and wrapColumn=<cells> set word wrap up;
 * Alt+Z toggles it, as VS Code runs Huge File: Toggle Word Wrap for it.
 * The special, empty, content and binary files can be edited: the host's own edit code
 * applies the edits (FakeDocument) and the replaces (fakeReplace.ts), and Ctrl+Z,
 * Ctrl+Y / Ctrl+Shift+Z and Ctrl+S do what VS Code does with them; the generated ones
 * are read-only.
 */
import type { ViewCaret } from '../../src/editor/caretProtocol';
import { CaretQuery } from '../../src/editor/caretQuery';
import { offsetOf } from '../../src/edits/editCommands';
import { isLogFileName, logColourSetting, type LogColoursMessage } from '../../src/editor/logColourProtocol';
import type { LogColourMap } from '../../src/highlight/logScopes';
import type { FileState, HostMessage, LineSlice, Position, ViewerMessage, ViewMode } from '../../src/editor/protocol';
import { validateViewerMessage } from '../../src/editor/protocol';
import type { ReplaceAllMessage } from '../../src/editor/replaceProtocol';
import type { SearchQuery } from '../../src/search/query';
import { encodingOf } from '../../src/encoding/textEncoding';
import type { Change } from './fakeDocument';
import { parseHexBytes } from '../../src/hex/hexDump';
import { type ByteFile, editableBinary, hugeBinary } from './fakeBytes';
import { documentBytes, documentLines, FakeDocument } from './fakeDocument';
import { type BytesFile, concat, emptyFile, type FakeFile, hugeFile, longLineFile, richLogFile, smallFile, specialFile, wrapFile } from './fakeFiles';
import { fakeReplaceAll, fakeReplaceOne } from './fakeReplace';
import { toggledWordWrap, wordWrapColumn, wordWrapSetting } from '../../src/editor/wordWrapProtocol';
import { allMatches, byteMatches, filterLines, filterRows, findMatch, findOffset } from './fakeSearch';
import { applyTheme } from './themes';
import { visibleMatches } from '../../media/hex/hexMatches';
import { compileMatcher } from '../../src/search/lineMatches';
import { textReadingOf, UTF8_READING } from '../../src/search/textReading';

const params = new URLSearchParams(location.search);
const kind = params.get('file') ?? 'huge';
const latency = Number(params.get('latency') ?? '5');
applyTheme(params.get('theme') === 'light' ? 'light' : 'dark');

const growing = smallFile(Number(params.get('lines') ?? '30'));
let file: FakeFile;
/** The file as bytes, for the hex view (absent for the generated line files). */
let bytes: ByteFile | undefined;
/** An editable file, run by the host's edit code. */
let doc: FakeDocument | undefined;
/** A text file held as lines becomes a document of those lines joined by "\n". */
const documentOf = (f: BytesFile): FakeDocument => new FakeDocument(concat(...f.lines.flatMap((l, i) => (i === 0 ? [l] : [Uint8Array.of(10), l]))));
switch (kind) {
  case 'binary': {
    const binary = editableBinary();
    doc = new FakeDocument(binary.read(0, binary.size));
    bytes = documentBytes(doc, binary.name);
    file = { ...emptyFile(), name: binary.name };
    break;
  }
  case 'hugebin': bytes = hugeBinary(); file = { ...emptyFile(), name: bytes.name }; break;
  case 'long': file = longLineFile(); break;
  case 'special': doc = documentOf(specialFile()); file = documentLines(doc, 'special-chars.txt'); break;
  case 'wrap': doc = documentOf(wrapFile()); file = documentLines(doc, 'wrap.txt'); break;
  case 'empty': doc = new FakeDocument(new Uint8Array(0)); file = documentLines(doc, 'empty.txt'); break;
  case 'content': {
    // clock=frozen: no pause in typing ever ends an undo group (the model test decides the groups, not the machine's load).
    const frozen = params.get('clock') === 'frozen' ? () => 0 : undefined;
    doc = new FakeDocument(Uint8Array.from(atob(params.get('bytes') ?? ''), (c) => c.charCodeAt(0)), frozen, encodingOf(params.get('encoding') ?? 'utf8'));
    file = documentLines(doc, params.get('name') ?? 'content.txt');
    break;
  }
  case 'follow': file = growing; break;
  case 'indexing': file = hugeFile(Number(params.get('lines') ?? '2000000'), 'still-indexing.log'); break;
  case 'richlog': file = richLogFile(Number(params.get('lines') ?? '10000000')); break;
  default: file = hugeFile(Number(params.get('lines') ?? '100000000'));
}
// The text view of a binary file is not simulated: no lines. Editable text files have bytes.
if (doc && !bytes) bytes = documentBytes(doc, file.name);
else if (!bytes && kind === 'follow') bytes = growingBytes();
let mode: ViewMode = params.get('view') === 'hex' || (params.get('view') === null && (kind === 'binary' || kind === 'hugebin')) ? 'hex' : 'text';
const bytesPerRow = Number(params.get('perRow') ?? '16');
let hexCaret = 0;
/** The text caret as the view last reported it, and the top line a switch to the text view starts at. */
let textCaret: Position = { line: 0, column: 0 };
let textTopLine = 0;
/** While on, caret reports are not taken (as if still on their way, see `holdCaretReports`). */
let holdingCarets = false;
/** The start values of the last Go to Line and Go to Offset boxes the real host would have opened. */
let goToLineValue: string | undefined;
let goToOffsetValue: string | undefined;

// Indexing simulation: knownLines grows in steps until the whole file is known.
let known = kind === 'indexing' ? 0 : file.lineCount;
let following = false;
const editable = doc !== undefined && params.get('readonly') !== '1';
// Log colouring as the host sets it up: logColours=auto|on|off, tint=1, ansi=raw, colours=<JSON of a theme's resolved map>.
const logColours: LogColoursMessage | undefined = params.get('logColours') === null ? undefined : {
  type: 'logColours',
  mode: logColourSetting(params.get('logColours')),
  logName: isLogFileName(file.name),
  tint: params.get('tint') === '1',
  ansi: params.get('ansi') !== 'raw',
  colours: params.get('colours') ? JSON.parse(params.get('colours')!) as LogColourMap : undefined,
};
/** Word wrap as configured (editor.wordWrap), and as toggled. */
const configuredWrap = wordWrapSetting(params.get('wrap'));
let wrap = configuredWrap;
const wrapColumn = wordWrapColumn(Number(params.get('wrapColumn')));
const sendWrap = (): void => toView({ type: 'wordWrap', wrap, column: wrapColumn });
/** What a paste inserts (the real host reads the system clipboard). */
let pasteText = 'pasted text';
/** Edits received and not applied yet, while `holdEdits` is on (a save runs: the real host holds them). */
let heldEdits: Extract<ViewerMessage, { type: 'insert' | 'delete' | 'paste' }>[] | undefined;
/** The view's last edit applied (see LinesMessage.edit). */
let appliedEdit = 0;
/** Clipboard texts for the next text pastes, in order (keys pressed ahead of the view: each paste has its own). */
const pasteQueue: string[] = [];
/** The text view's find count (its query and id), counted again after each change as the host does. */
let counting: { id: number; query: SearchQuery } | undefined;
/** While on, a Replace All waits half done (see `holdReplaceAll`): the one waiting. */
let holdingReplace = false;
let heldReplace: ReplaceAllMessage | undefined;
const decoder = new TextDecoder('utf-8');

function state(): FileState {
  if (doc) known = file.lineCount;
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
    dirty: doc?.dirty ?? false,
    eol: doc?.eol ?? '\n',
    reading: doc && textReadingOf(doc.text.encoding, doc.text.lineBreak.kind),
  };
}

// ---- edits, applied by the host's edit code ----

function readOnly(): boolean {
  if (editable) return false;
  toView({ type: 'notice', level: 'warning', text: `${file.name} is read-only: the hugefile.readOnly setting is on. Your typing was not applied.` });
  return true;
}

/** Tells the view what changed, as the host does: `bytesEdited` to the hex view, `edited` to the text view. */
function tellChanged(change: Change | undefined, editId?: number): void {
  if (!change || !doc) return;
  if (editId !== undefined) appliedEdit = editId;
  if (mode === 'hex') {
    toView({ type: 'bytesEdited', fromOffset: change.offset, caretOffset: change.caretOffset < 0 ? undefined : change.caretOffset, state: state() });
  } else {
    const caret = change.caretOffset < 0 ? undefined : doc.position(change.caretOffset);
    toView({ type: 'edited', fromLine: change.fromLine, caret, state: state(), keepCaret: caret === undefined ? true : undefined, editId });
    if (counting) toView({ type: 'findCount', id: counting.id, matches: allMatches(file, counting.query).length, progress: 1, done: true });
  }
}

/** Replace All over the editable document, as one undo step; its outcome as the host reports it. */
function runReplaceAll(m: ReplaceAllMessage): void {
  const done = fakeReplaceAll(doc!, file, m);
  tellChanged(done.change);
  toView({ type: 'replaced', id: m.id, count: done.count, error: done.error });
}

/** A byte edit from the hex view, applied as the real host would (clamped, refused when read-only). */
function applyByteEdit(offset: number, deleteLength: number, inserted: Uint8Array): void {
  if (readOnly()) return;
  tellChanged(doc!.applyBytes(offset, deleteLength, inserted));
}

function applyEdit(m: Extract<ViewerMessage, { type: 'insert' | 'delete' | 'paste' }>): void {
  // As ViewerSession: an edit refused or that changed nothing is answered too.
  if (readOnly()) return unchanged(m.id, true);
  const change = doc!.applyText(m, doc!.eol, m.type === 'paste' ? pasteQueue.shift() ?? pasteText : pasteText);
  if (change) tellChanged(change, m.id);
  else unchanged(m.id);
}

/** Answers an edit that changed nothing (`shown`: one the view may have shown, refused). */
function unchanged(editId: number | undefined, shown = false): void {
  if (editId !== undefined) appliedEdit = editId;
  toView({ type: 'edited', fromLine: shown ? 0 : doc ? doc.text.availableLines() : file.lineCount, state: state(), editId });
}

/** Undo, redo and save, as VS Code runs them on the document. */
function runOnDocument(command: 'undo' | 'redo' | 'save'): void {
  if (!doc) return;
  tellChanged(command === 'undo' ? doc.undo() : command === 'redo' ? doc.redo() : doc.save());
}

// The commands that act at the caret, as ViewerSession runs them: at the caret the view has now, else at the one it reported last.
const caretQuery = new CaretQuery((m) => toView(m));

async function caretNow(): Promise<ViewCaret> {
  const answer = await caretQuery.ask();
  if (answer && (answer.offset !== undefined) === (mode === 'hex')) return answer;
  return mode === 'hex' ? { offset: hexCaret } : { position: textCaret };
}

async function toggleView(): Promise<void> {
  const caret = await caretNow();
  if (caret.position) {
    if (doc) hexCaret = offsetOf(doc.text, caret.position);
    mode = 'hex';
  } else {
    if (doc) textTopLine = doc.position(caret.offset).line;
    mode = 'text';
  }
  toView({ type: 'mode', mode });
}

async function goToLine(): Promise<void> {
  const caret = await caretNow();
  const line = caret.position ? caret.position.line : doc ? doc.position(caret.offset).line : 0;
  goToLineValue = String(line + 1);
}

async function goToOffset(): Promise<void> {
  const caret = await caretNow();
  if (caret.offset !== undefined) goToOffsetValue = `0x${caret.offset.toString(16)}`;
}

// VS Code runs undo, redo and save for the keys the view lets through to it (the hex
// view's; the text view asks for them); its webview script keeps the browser from
// acting on them too (a textarea's own undo).
window.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  if (['z', 'y', 's', 'p', 'f'].includes(key)) e.preventDefault();
  if (key === 'z' && !e.shiftKey) runOnDocument('undo');
  else if (key === 'y' || (key === 'z' && e.shiftKey)) runOnDocument('redo');
  else if (key === 's' && !e.shiftKey) runOnDocument('save');
});
window.addEventListener('keydown', (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== 'KeyZ' || mode !== 'text') return;
  wrap = toggledWordWrap(wrap, configuredWrap);
  sendWrap();
});

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
/** Messages that reached the page; this listener was added before the view's, so it counts one before the view handles it. */
let delivered = 0;
window.addEventListener('message', () => { delivered++; });

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
      toView({ type: 'init', state: state(), topLine: textTopLine, mode, hex: { bytesPerRow, caretOffset: hexCaret } });
      if (logColours) toView(logColours);
      if (mode === 'text') sendWrap();
      break;
    case 'getBytes':
      if (holdingBytes) heldBytes.push(m);
      else answerBytes(m);
      break;
    case 'byteCaret':
      if (!holdingCarets) hexCaret = m.offset;
      break;
    case 'caret':
      if (!holdingCarets) textCaret = m.position;
      break;
    case 'caretAt':
      caretQuery.answered(m);
      break;
    case 'replaceBytes':
      applyByteEdit(m.offset, m.deleteLength, Uint8Array.from(m.bytes));
      break;
    case 'pasteBytes': {
      let pasted: Uint8Array;
      try {
        pasted = m.as === 'hex' ? parseHexBytes(pasteText) : new TextEncoder().encode(pasteText);
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
      if (doc) {
        toView({ type: 'lines', id: m.id, lines: doc.lines(m.start, m.count, m.fromByte, m.maxBytes), state: state(), edit: appliedEdit });
        break;
      }
      const lines: LineSlice[] = [];
      const end = Math.min(m.start + m.count, known);
      for (let l = m.start; l < end; l++) lines.push(slice(l, m.fromByte, m.maxBytes));
      toView({ type: 'lines', id: m.id, lines, state: state(), edit: appliedEdit });
      break;
    }
    case 'copy':
      clipboard = doc ? doc.selection(m.from, m.to) : copyText(m.from, m.to);
      break;
    case 'insert':
    case 'delete':
    case 'paste':
      if (heldEdits) heldEdits.push(m);
      else applyEdit(m);
      break;
    case 'find': {
      if (m.restart) counting = { id: m.id, query: m.query };
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
    case 'findStop':
      counting = undefined;
      break;
    case 'replaceOne': {
      if (readOnly()) {
        toView({ type: 'found', id: m.id, ...findMatch(file, m.query, m.to, false) });
        break;
      }
      const done = fakeReplaceOne(doc!, file, m);
      tellChanged(done.change);
      toView(done.found);
      break;
    }
    case 'replaceAll':
      if (!editable) {
        toView({ type: 'replaced', id: m.id, count: 0, error: `${file.name} is read-only` });
        break;
      }
      toView({ type: 'replaceProgress', id: m.id, matches: Math.floor(allMatches(file, m.query).length / 2), progress: 0.5 });
      if (holdingReplace) heldReplace = m;
      else runReplaceAll(m);
      break;
    case 'replaceStop':
      if (heldReplace?.id !== m.id) break;
      heldReplace = undefined;
      toView({ type: 'replaced', id: m.id, count: 0, cancelled: true });
      break;
    case 'findOffset': {
      // Over the (small) byte file: byte patterns by a naive scan, text and regex by the hex view's own highlighter.
      const data = bytes!.read(0, bytes!.size);
      const query = m.query;
      const ranges = query.kind === 'bytes'
        ? byteMatches(data, query.pattern).map((at) => [at, at + query.pattern.length])
        : visibleMatches(query, compileMatcher(query), state().reading ?? UTF8_READING, (i) => data[i], 0, data.length, data.length);
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
      if (m.command === 'undo' || m.command === 'redo' || m.command === 'save') {
        runOnDocument(m.command);
        if (m.id !== undefined) unchanged(m.id);
      } else if (m.command === 'toggleFollow') {
        following = !following;
        toView({ type: 'state', state: state() });
      } else if (m.command === 'toggleView') void toggleView();
      else if (m.command === 'goToLine') void goToLine();
      else if (m.command === 'goToOffset') void goToOffset();
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
  /** Messages sent that the view has not received yet (each takes `latency` ms). */
  get undelivered() {
    return received.length - delivered;
  },
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
  /** Runs a host command as VS Code runs it from its keybinding (Toggle Hex View: Ctrl+Alt+H), outside the view. */
  command(name: 'toggleView' | 'goToLine' | 'goToOffset') {
    void (name === 'toggleView' ? toggleView() : name === 'goToLine' ? goToLine() : goToOffset());
  },
  /** While on, the view's caret reports are not taken: the host knows the caret only as it was before (a report is sent a tenth of a second late). */
  holdCaretReports(on: boolean) {
    holdingCarets = on;
  },
  /** The start value of the last Go to Line box (the caret's line, 1-based), undefined before one. */
  get goToLineValue() {
    return goToLineValue;
  },
  /** The start value of the last Go to Offset box (the caret's offset, in hex), undefined before one. */
  get goToOffsetValue() {
    return goToOffsetValue;
  },
  setPasteText(text: string) {
    pasteText = text;
  },
  /** Holds the text edits received from now (as during a save); off: applies them, in order. */
  holdEdits(on: boolean) {
    const held = heldEdits;
    heldEdits = on ? held ?? [] : undefined;
    if (!on) held?.forEach(applyEdit);
  },
  /** While on, Replace All stops half way (replaceStop cancels it); off: the one waiting finishes. */
  holdReplaceAll(on: boolean) {
    holdingReplace = on;
    const held = heldReplace;
    heldReplace = undefined;
    if (!on && held) runReplaceAll(held);
  },
  /** The clipboard of the next text paste not sent yet. */
  queuePasteText(text: string) {
    pasteQueue.push(text);
  },
  /** `length` bytes of the file from `offset`, as the hex view's host reads them. */
  readBytes(offset: number, length: number): number[] {
    return Array.from(bytes?.read(offset, length) ?? []);
  },
  get mode() {
    return mode;
  },
  /** The editable file's text. */
  get text() {
    return doc ? doc.text.encoding.decode(doc.bytes()) : '';
  },
  /** The editable file's content, with its edits, as bytes. */
  contentBytes(): number[] {
    return Array.from(doc?.bytes() ?? []);
  },
  /** The bytes the last save (Ctrl+S) made the file, or the file as opened. */
  savedBytes(): number[] {
    return Array.from(doc?.saved ?? []);
  },
  get savedState() {
    return savedState;
  },
  setTheme: applyTheme,
};
(window as unknown as { fakeHost: typeof fakeHost }).fakeHost = fakeHost;
