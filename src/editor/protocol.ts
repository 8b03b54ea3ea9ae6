/**
 * The one protocol between the extension host and the viewer webview. Each
 * direction is a discriminated union on `type`; requests carry an `id` echoed by
 * their reply. Shared by both sides (the webview imports types only), so neither
 * ever handles `any`. The host treats every webview message as untrusted input:
 * see `validateViewerMessage`.
 */
import { type CaretAtMessage, type CaretForMessage, validateCaretAt } from './caretProtocol';
import { type FindHostMessage, type FindViewerMessage, validateFindMessage } from './findProtocol';
import type { AddHighlightMessage, HighlightsMessage } from './highlightProtocol';
import type { LogColoursMessage } from './logColourProtocol';
import type { MarksMessage } from './markProtocol';
import { type ReplaceHostMessage, type ReplaceViewerMessage, validateReplaceMessage } from './replaceProtocol';
import type { RulerMessage } from './rulerProtocol';
import type { WordWrapMessage } from './wordWrapProtocol';
import type { Position } from './position';
import { type SearchQuery, validateQuery } from '../search/query';
import type { TextReading } from '../search/textReading';
import { isCount, isOptionalFlag, isPosition } from './validate';

/** Most lines one `getLines` request may ask for. */
export const MAX_LINES_PER_REQUEST = 400;
/** Most bytes of one line sent per request (a horizontal window of a long line). */
export const MAX_LINE_BYTES = 16 * 1024;
/** Most bytes of a line a request for that line alone may ask for: a screen of a long line's wrapped rows. */
export const MAX_WINDOW_BYTES = 64 * 1024;
/** Largest selection the viewer may copy to the clipboard. */
export const MAX_COPY_BYTES = 16 * 1024 * 1024;
/** Largest text one edit may insert (a paste). */
export const MAX_INSERT_BYTES = 16 * 1024 * 1024;
/** Most bytes one `getBytes` request may ask for. */
export const MAX_BYTES_PER_REQUEST = 64 * 1024;
/** Most bytes one `replaceBytes` edit may carry (typing, the data inspector; pastes go through the host). */
export const MAX_BYTES_PER_EDIT = 64 * 1024;
/** Largest selection copied as hex (its text is three times as long). */
export const MAX_HEX_COPY_BYTES = 4 * 1024 * 1024;
/** Widest hex row the `hugefile.hexBytesPerRow` setting allows. */
export const MAX_BYTES_PER_ROW = 64;

/** The two views of a file: lines of text, or rows of hex bytes. */
export type ViewMode = 'text' | 'hex';

/** What the hex view needs to start: its row width and where its caret goes. */
export interface HexSettings {
  bytesPerRow: number;
  caretOffset: number;
}

/**
 * A position in the file. Part of the protocol, so its users import it from here; it
 * lives in position.ts so that validate.ts and findProtocol.ts, which this file
 * imports, need not import this file back.
 */
export type { Position };

/** One line as sent to the viewer: a window of its bytes, decoded. */
export interface LineSlice {
  line: number;
  /** The decoded bytes [fromByte, fromByte + sent) of the line's text. */
  text: string;
  /** Length of the whole line in bytes (without its line ending). */
  length: number;
  /** Byte column the text starts at. */
  fromByte: number;
}

/** The line ending Enter types. */
export type Eol = '\n' | '\r\n' | '\r';

/** What the viewer knows about the file and its index. */
export interface FileState {
  fileName: string;
  fileSize: number;
  /** Exact once `complete`, otherwise an estimate from the indexed prefix. Counts the empty line after a final line break, where the caret can go. */
  lineCount: number;
  /**
   * Once `complete`: lines as `wc -l` and Count Lines count them (plus a last line
   * without a break), what the views and the status bar say a file has.
   */
  countedLines?: number;
  /** Lines whose text is available now. */
  knownLines: number;
  complete: boolean;
  /** Indexed fraction, 0..1. */
  progress: number;
  following: boolean;
  readOnly: boolean;
  /** Why edits are refused, shown to the user when `readOnly`. */
  readOnlyReason?: string;
  /** Unsaved edits exist. */
  dirty: boolean;
  /** The line ending Enter inserts (the file's own). */
  eol: Eol;
  /** How the file's bytes read as text (its encoding and line ends): UTF-8 and LF when absent. */
  reading?: TextReading;
}

// ---- host -> webview ----

/** Initial state, sent in answer to `ready`. */
export interface InitMessage {
  type: 'init';
  state: FileState;
  /** Line to show at the top first (restored view state). */
  topLine: number;
  /** Which view the page shows. */
  mode: ViewMode;
  hex: HexSettings;
}

/** Switch views: the page replaces its view and sends `ready` again. */
export interface ModeMessage {
  type: 'mode';
  mode: ViewMode;
}

/** The index or the file changed: new counts, progress, follow state. */
export interface StateMessage {
  type: 'state';
  state: FileState;
}

/** Reply to `getLines`. Lines not indexed yet are simply absent. */
export interface LinesMessage {
  type: 'lines';
  id: number;
  lines: LineSlice[];
  state: FileState;
  /**
   * The view's last edit (its `id`; 0: none) the content had when the lines were read:
   * lines read before an edit the view sent was applied (one held during a save) are not its lines.
   */
  edit: number;
}

/** Show `line` (Go to Line, Ctrl+End from the host, follow mode). */
export interface RevealMessage {
  type: 'reveal';
  line: number;
  /** Put the caret there too. */
  select: boolean;
  /** With `select`: the caret's byte column in that line (default 0). */
  column?: number;
}

/** Something the user must know, shown inside the view (truncation, errors). */
export interface NoticeMessage {
  type: 'notice';
  level: 'info' | 'warning' | 'error';
  text: string;
  /** A later notice of the same topic replaces this one; one with empty text removes it. */
  topic?: string;
}

/**
 * The content changed (an edit, undo, redo, revert or save): lines from `fromLine`
 * on must be fetched again; put the caret at `caret` when there is one.
 */
export interface EditedMessage {
  type: 'edited';
  fromLine: number;
  /** Where the change leaves the caret; absent when it does not move it (a save). */
  caret?: Position;
  state: FileState;
  /** The file was truncated, replaced or rewritten on disk: no line shown before may be shown again. */
  reset?: boolean;
  /**
   * No edit moved the caret (a save, a revert, growth on disk): the view keeps its own,
   * which may be ahead of the `caret` the host last heard of.
   */
  keepCaret?: boolean;
  /** The `id` of this view's edit (or undo, redo) this answers; absent for changes the view did not ask for. */
  editId?: number;
}

/** Reply to `getBytes`: the bytes (cut at the end of the file) and which of them are edited, unsaved. */
export interface BytesMessage {
  type: 'bytes';
  id: number;
  offset: number;
  data: Uint8Array;
  /** [start, end) pairs of absolute offsets. */
  edited: number[];
  state: FileState;
}

/**
 * Put the hex caret at `offset` and select `length` bytes from it (Go to Offset;
 * a search match would be shown the same way).
 */
export interface RevealOffsetMessage {
  type: 'revealOffset';
  offset: number;
  length: number;
}

/** The content changed (hex view): bytes from `fromOffset` on must be fetched again; caret at `caretOffset` if given. */
export interface BytesEditedMessage {
  type: 'bytesEdited';
  fromOffset: number;
  caretOffset?: number;
  state: FileState;
  /** The file changed on disk (truncated, replaced, rewritten): no byte held is of this file. */
  reset?: boolean;
}

/** A host command that opens a part of the view (the find widget, the filter pane). */
export interface OpenMessage {
  type: 'open';
  what: 'find' | 'replace' | 'filter';
  /** The filter's first rule (text or regex): the query the hex view was finding when the filter was asked for there. */
  query?: SearchQuery;
}

export type HostMessage = InitMessage | ModeMessage | StateMessage | LinesMessage | RevealMessage | NoticeMessage | EditedMessage
  | OpenMessage | FindHostMessage | BytesMessage | RevealOffsetMessage | BytesEditedMessage | LogColoursMessage | MarksMessage
  | CaretForMessage | RulerMessage | HighlightsMessage | ReplaceHostMessage | WordWrapMessage;

// ---- webview -> host ----

/** The webview loaded and wants `init`. */
export interface ReadyMessage {
  type: 'ready';
}

/** Asks for `count` lines from `start`, each cut to [fromByte, fromByte + maxBytes). */
export interface GetLinesMessage {
  type: 'getLines';
  id: number;
  start: number;
  count: number;
  fromByte: number;
  maxBytes: number;
}

/** Where the caret is, for the status bar. */
export interface CaretMessage {
  type: 'caret';
  position: Position;
  topLine: number;
  /** Typing replaces bytes instead of inserting (Insert key). */
  overwrite: boolean;
  /** The selection's other end, when something is selected. */
  anchor?: Position;
}

/** Copy the text between two positions to the clipboard (the host reads the bytes). */
export interface CopyMessage {
  type: 'copy';
  from: Position;
  to: Position;
}

/** Host commands the webview can run (keys bound inside it, toolbar buttons). */
export const VIEWER_COMMANDS = ['goToLine', 'goToOffset', 'toggleFollow', 'toggleView', 'filterLines', 'undo', 'redo', 'save'] as const;
export type ViewerCommand = typeof VIEWER_COMMANDS[number];

/** User pressed a key bound to a host command inside the webview. */
export interface CommandMessage {
  type: 'command';
  command: ViewerCommand;
  /** For undo and redo from the text view: answered by an `edited` with this `editId` once done. */
  id?: number;
}

/** The view shows lines past the indexed prefix: the host sends `state` once `line` is indexed. */
export interface RevealRequestMessage {
  type: 'revealLine';
  line: number;
}

/**
 * Typing or pasting `text` at `at`, replacing the selection [at, to) if `to` is
 * given. With `overwrite`, typed bytes replace as many bytes of the line (never its
 * line ending). A `\n` in `text` becomes the file's line ending.
 */
export interface InsertMessage {
  type: 'insert';
  /** Numbers the view's edits: the `edited` that answers this one carries it as `editId`. */
  id: number;
  at: Position;
  to?: Position;
  text: string;
  overwrite: boolean;
  /** The caret moved since the view's last edit: as in VS Code, this edit starts a new undo step. */
  moved?: boolean;
}

/** Deletes [from, to), or one character before/after `from` when `to` is absent (Backspace/Delete). */
export interface DeleteMessage {
  type: 'delete';
  id: number;
  from: Position;
  to?: Position;
  direction: 'backward' | 'forward';
  /** See InsertMessage.moved. */
  moved?: boolean;
}

/** Paste from the clipboard at `at` (the host reads the clipboard: webviews may not). */
export interface PasteMessage {
  type: 'paste';
  id: number;
  at: Position;
  to?: Position;
}

/** Asks for `length` bytes from `offset` (the hex view's rows). */
export interface GetBytesMessage {
  type: 'getBytes';
  id: number;
  offset: number;
  length: number;
}

/** Where the hex caret is, for the status bar and Go to Offset's relative moves. */
export interface ByteCaretMessage {
  type: 'byteCaret';
  offset: number;
  selectionLength: number;
  /** Typing inserts bytes instead of overwriting them (Insert key). */
  insert: boolean;
}

/** Replaces `deleteLength` bytes at `offset` with `bytes` (hex typing, Delete, the data inspector). */
export interface ReplaceBytesMessage {
  type: 'replaceBytes';
  offset: number;
  deleteLength: number;
  bytes: number[];
}

/**
 * Paste from the clipboard at `offset` (the host reads it), replacing `deleteLength`
 * bytes (the selection); `as` says how to read the clipboard: hex pairs or text.
 * With `overwrite` and no selection, the pasted bytes replace as many bytes.
 */
export interface PasteBytesMessage {
  type: 'pasteBytes';
  offset: number;
  deleteLength: number;
  as: 'hex' | 'text';
  overwrite: boolean;
}

/** Copy `length` bytes from `offset` to the clipboard, as hex pairs or as text. */
export interface CopyBytesMessage {
  type: 'copyBytes';
  offset: number;
  length: number;
  as: 'hex' | 'text';
}

export type ViewerMessage = ReadyMessage | GetLinesMessage | CaretMessage | CopyMessage | CommandMessage | RevealRequestMessage
  | InsertMessage | DeleteMessage | PasteMessage | FindViewerMessage | GetBytesMessage | ByteCaretMessage | ReplaceBytesMessage
  | PasteBytesMessage | CopyBytesMessage | CaretAtMessage | AddHighlightMessage | ReplaceViewerMessage;

function isByteArray(value: unknown, max: number): value is number[] {
  return Array.isArray(value) && value.length <= max && value.every((b) => isCount(b, 255));
}

/**
 * Returns the message if it is well formed and its numbers are in range, else
 * undefined. Ranges past the end of the file are valid here; the host clamps them.
 */
export function validateViewerMessage(raw: unknown): ViewerMessage | undefined {
  const m = raw as ViewerMessage;
  if (typeof m !== 'object' || m === null || typeof m.type !== 'string') return undefined;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'getLines':
      return isCount(m.id) && isCount(m.start) && isCount(m.count, MAX_LINES_PER_REQUEST) && isCount(m.fromByte)
        && isCount(m.maxBytes, m.count === 1 ? MAX_WINDOW_BYTES : MAX_LINE_BYTES)
        ? { type: 'getLines', id: m.id, start: m.start, count: m.count, fromByte: m.fromByte, maxBytes: m.maxBytes }
        : undefined;
    case 'caret':
      if (!isPosition(m.position) || !isCount(m.topLine) || typeof m.overwrite !== 'boolean') return undefined;
      if (m.anchor === undefined) return { type: 'caret', position: m.position, topLine: m.topLine, overwrite: m.overwrite };
      return isPosition(m.anchor) ? { type: 'caret', position: m.position, topLine: m.topLine, overwrite: m.overwrite, anchor: m.anchor } : undefined;
    case 'copy':
      return isPosition(m.from) && isPosition(m.to) ? { type: 'copy', from: m.from, to: m.to } : undefined;
    case 'command':
      if (!(VIEWER_COMMANDS as readonly unknown[]).includes(m.command)) return undefined;
      if (m.id === undefined) return { type: 'command', command: m.command };
      return isCount(m.id) && (m.command === 'undo' || m.command === 'redo') ? { type: 'command', command: m.command, id: m.id } : undefined;
    case 'revealLine':
      return isCount(m.line) ? { type: 'revealLine', line: m.line } : undefined;
    case 'addHighlight': {
      const query = validateQuery(m.query);
      return query && query.kind !== 'bytes' ? { type: 'addHighlight', query } : undefined;
    }
    case 'caretAt':
      return validateCaretAt(m as unknown as Record<string, unknown>);
    case 'insert':
      return isCount(m.id) && isPosition(m.at) && (m.to === undefined || isPosition(m.to)) && typeof m.text === 'string'
        && m.text.length <= MAX_INSERT_BYTES && typeof m.overwrite === 'boolean' && isOptionalFlag(m.moved)
        ? { type: 'insert', id: m.id, at: m.at, to: m.to, text: m.text, overwrite: m.overwrite, moved: m.moved }
        : undefined;
    case 'delete':
      return isCount(m.id) && isPosition(m.from) && (m.to === undefined || isPosition(m.to)) && (m.direction === 'backward' || m.direction === 'forward')
        && isOptionalFlag(m.moved)
        ? { type: 'delete', id: m.id, from: m.from, to: m.to, direction: m.direction, moved: m.moved }
        : undefined;
    case 'paste':
      return isCount(m.id) && isPosition(m.at) && (m.to === undefined || isPosition(m.to)) ? { type: 'paste', id: m.id, at: m.at, to: m.to } : undefined;
    case 'getBytes':
      return isCount(m.id) && isCount(m.offset) && isCount(m.length, MAX_BYTES_PER_REQUEST) && m.length > 0
        && isCount(m.offset + m.length)
        ? { type: 'getBytes', id: m.id, offset: m.offset, length: m.length }
        : undefined;
    case 'byteCaret':
      return isCount(m.offset) && isCount(m.selectionLength) && typeof m.insert === 'boolean'
        ? { type: 'byteCaret', offset: m.offset, selectionLength: m.selectionLength, insert: m.insert }
        : undefined;
    case 'replaceBytes':
      return isCount(m.offset) && isCount(m.deleteLength) && isByteArray(m.bytes, MAX_BYTES_PER_EDIT)
        ? { type: 'replaceBytes', offset: m.offset, deleteLength: m.deleteLength, bytes: m.bytes.slice() }
        : undefined;
    case 'pasteBytes':
      return isCount(m.offset) && isCount(m.deleteLength) && (m.as === 'hex' || m.as === 'text') && typeof m.overwrite === 'boolean'
        ? { type: 'pasteBytes', offset: m.offset, deleteLength: m.deleteLength, as: m.as, overwrite: m.overwrite }
        : undefined;
    case 'copyBytes':
      return isCount(m.offset) && isCount(m.length) && (m.as === 'hex' || m.as === 'text')
        ? { type: 'copyBytes', offset: m.offset, length: m.length, as: m.as }
        : undefined;
    case 'replaceOne':
    case 'replaceAll':
    case 'replaceStop':
      return validateReplaceMessage(m as unknown as Record<string, unknown>);
    default:
      return validateFindMessage(m);
  }
}
