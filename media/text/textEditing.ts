/**
 * Edits from the text view: typing, deleting, cutting, pasting, undo and redo, sent to
 * the host, which applies them to the document VS Code owns (its undo stack and save)
 * and answers each with an `edited` message carrying the edit's number. Meanwhile the
 * view shows the edit in its cached lines and moves the caret where the edit leaves
 * it (editPrediction.ts), so the next key acts on the text the file will have. An edit
 * it cannot work out (a paste, undo, a line not held whole) makes it `unsure`: keys
 * wait (see KeyQueue) until the host has answered.
 */
import type { FileState, Position, ViewerMessage } from '../../src/editor/protocol';
import { samePos } from '../guards';
import type { LineCache } from '../lineCache';
import { byteLength, wordLeft, wordRight } from '../lineRenderer';
import { wholeLine } from './caretMotion';
import { charRange, overwrittenEnd, type Prediction, predictReplace, type Replacement } from './editPrediction';

/**
 * An edit unanswered this long (no answer to any edit meanwhile) is given up: the host
 * may have dropped it. Long: a save of gigabytes holds edits until it ends.
 */
const ANSWER_TIMEOUT_MS = 5000;

export interface TextEditHost {
  readonly state: FileState | undefined;
  /** The selection, start first (both ends are the caret when nothing is selected). */
  selection(): [Position, Position];
  /** Posts an edit: lines asked for before it would come back stale. */
  postEdit(message: ViewerMessage): void;
  /** Copies the selection, or the caret's line: what cut removes. */
  copy(): void;
  /** Says (once per attempt) why the file cannot be edited. */
  explainReadOnly(reason: string | undefined): void;
  /** Moves the caret to `pos`, dropping the selection, and scrolls it into view. */
  placeCaret(pos: Position): void;
  /** The lines edits on their way add or remove changed (see `lineDelta`). */
  linesPredicted(): void;
}

/** An edit sent and not answered yet. */
interface InFlight {
  id: number;
  /** Lines it adds (negative: removes), as predicted. */
  lineDelta: number;
  /** False when the view could not tell what it does. */
  predicted: boolean;
}

export class TextEdits {
  /** Typing replaces the characters after the caret (the Insert key toggles it). */
  overwrite = false;
  private nextId = 1;
  /** The user moved the caret since the last edit sent: the next one tells the host (a new undo step). */
  private moved = false;
  private readonly inFlight: InFlight[] = [];
  private timer = 0;
  /** Where the last edit left the selection: the host's caret replaces it only if the user has not moved since. */
  private afterEdit: [Position, Position] | undefined;
  /** The caret the host reported last (undo, redo, an unpredicted edit), placed once nothing is on its way. */
  private hostCaret: Position | undefined;

  constructor(private readonly cache: LineCache, private readonly host: TextEditHost) {}

  /** Edits sent and not answered yet. */
  get pending(): number {
    return this.inFlight.length;
  }

  /** The number of the last edit sent (0: none). */
  get lastSent(): number {
    return this.nextId - 1;
  }

  /** Lines the unanswered edits add (negative: remove): the host's line count lags by this. */
  get lineDelta(): number {
    return this.inFlight.reduce((sum, e) => sum + e.lineDelta, 0);
  }

  /** True while an edit whose outcome the view could not predict is on its way: keys must wait. */
  get unsure(): boolean {
    return this.inFlight.some((e) => !e.predicted);
  }

  /** True when edits are allowed; otherwise says why (once per attempt) unless `quiet`. */
  editable(explain = true): boolean {
    const state = this.host.state;
    if (!state || state.lineCount === 0 && state.fileSize > 0) return false;
    if (!state.readOnly) return true;
    if (explain) this.host.explainReadOnly(state.readOnlyReason);
    return false;
  }

  cut(): void {
    if (!this.editable()) return;
    this.host.copy();
    const [from, to] = this.selectionOrLine();
    this.replace({ type: 'delete', id: 0, from, to, direction: 'forward' }, { from, to, text: '' });
  }

  paste(): void {
    if (!this.editable()) return;
    const [at, to] = this.host.selection();
    // The host reads the clipboard (webviews may not): what it pastes is not known here.
    this.send({ type: 'paste', id: 0, at: { ...at }, to: samePos(at, to) ? undefined : { ...to } }, undefined);
  }

  /** The user moved the caret (a key, a click, Go to Line, a find): the next edit starts a new undo step, as in VS Code. */
  caretMoved(): void {
    this.moved = true;
  }

  /** Undo or redo, run by VS Code on the document: the view cannot predict them. */
  undoOrRedo(command: 'undo' | 'redo'): void {
    // The selection stays until the host says where the caret goes (with nothing to undo, nowhere).
    this.send({ type: 'command', command, id: 0 }, undefined, true);
  }

  /** Types `text` (lines joined by '\n') over the selection, or at the caret. */
  type(text: string): void {
    if (!this.editable()) return;
    const [at, to] = this.host.selection();
    const replacing = !samePos(at, to);
    const overwrite = this.overwrite && !replacing;
    const message: ViewerMessage = { type: 'insert', id: 0, at: { ...at }, to: replacing ? { ...to } : undefined, text, overwrite };
    // As the host: overwrite replaces as many characters as typed, unless a line break is typed.
    const end = overwrite && !text.includes('\n') ? overwrittenEnd(this.cache, at, [...text].length) : to;
    this.replace(message, end && { from: at, to: end, text });
  }

  /** Backspace or Delete: the selection, else a character or (`word`) a word. */
  delete(direction: 'backward' | 'forward', word: boolean): void {
    if (!this.editable()) return;
    const [from, to] = this.host.selection();
    if (!samePos(from, to)) {
      this.replace({ type: 'delete', id: 0, from: { ...from }, to: { ...to }, direction }, { from, to, text: '' });
      return;
    }
    const at = from;
    const found = this.cache.textAt(at.line, at.column);
    if (word && found && (direction === 'backward' ? found.index > 0 : found.index < found.slice.text.length)) {
      const t = found.slice.text;
      const other = direction === 'backward' ? wordLeft(t, found.index) : wordRight(t, found.index);
      const col = found.slice.fromByte + byteLength(t, 0, other);
      const [a, b] = direction === 'backward' ? [{ line: at.line, column: col }, { ...at }] : [{ ...at }, { line: at.line, column: col }];
      this.replace({ type: 'delete', id: 0, from: a, to: b, direction }, { from: a, to: b, text: '' });
      return;
    }
    const range = charRange(this.cache, at, direction, this.host.state?.lineCount ?? 0);
    // null: nothing to delete; the host answers the same, and the caret stays.
    this.replace({ type: 'delete', id: 0, from: { ...at }, direction }, range === null ? null : range && { from: range[0], to: range[1], text: '' });
  }

  /** True when `editId` is an edit of this view still waiting for its answer. */
  isOwn(editId: number | undefined): boolean {
    return editId !== undefined && this.inFlight.some((e) => e.id === editId);
  }

  /** The host answered edit `editId` (if it is ours): it and those sent before it are no longer on their way. */
  settle(editId: number | undefined): void {
    // Answers come in the order the edits were sent.
    const i = editId === undefined ? -1 : this.inFlight.findIndex((e) => e.id === editId);
    if (i < 0) return;
    this.inFlight.splice(0, i + 1);
    this.restartTimer();
  }

  /**
   * The host changed the content (edit `editId` of ours, or undo, redo, another view's
   * edit, a save) and may say where the caret goes (`caret`): taken once none of ours
   * is on its way, unless the user moved on meanwhile.
   */
  answered(editId: number | undefined, caret: Position | undefined): void {
    // The answer to an edit sent before the last one: that one's answer says where the caret goes.
    if (caret && (editId === undefined || editId === this.lastSent)) this.hostCaret = caret;
    if (this.inFlight.length > 0) return;
    const [from, to] = this.host.selection();
    const moved = this.afterEdit && !(samePos(from, this.afterEdit[0]) && samePos(to, this.afterEdit[1]));
    if (!moved && this.hostCaret) this.host.placeCaret(this.hostCaret);
    this.hostCaret = undefined;
    this.afterEdit = undefined;
  }

  /** The selection, or (like VS Code's cut with nothing selected) the caret's whole line. */
  private selectionOrLine(): [Position, Position] {
    const [from, to] = this.host.selection();
    if (!samePos(from, to)) return [{ ...from }, { ...to }];
    return wholeLine(this.cache, from.line, this.host.state?.lineCount ?? 0);
  }

  /**
   * Sends an edit that replaces `edit`'s range (undefined: not known here; null: the
   * edit changes nothing), showing its outcome at once when the lines are held.
   */
  private replace(message: ViewerMessage, edit: Replacement | null | undefined): void {
    if (edit === null) {
      this.send(message, { caret: this.host.selection()[0], lineDelta: 0 });
      return;
    }
    this.send(message, edit && predictReplace(this.cache, edit));
  }

  /**
   * Sends an edit, numbered; moves the caret where it will be (when predicted; else to
   * the selection's start, unless `keepSelection`) until the host answers.
   */
  private send(message: ViewerMessage, predicted: Prediction | undefined, keepSelection = false): void {
    const id = this.nextId++;
    const moved = this.moved && (message.type === 'insert' || message.type === 'delete');
    this.moved = false;
    this.host.postEdit({ ...message, id, ...(moved ? { moved } : {}) } as ViewerMessage);
    this.hostCaret = undefined; // a caret the host reported before this edit is superseded by its answer
    this.inFlight.push({ id, lineDelta: predicted?.lineDelta ?? 0, predicted: predicted !== undefined });
    if (!this.timer) this.restartTimer();
    const [from, to] = this.host.selection();
    // Unpredicted: keys wait for its answer (an undo's change comes before it, marking its lines) and for the host's lines.
    if (!predicted) {
      if (!keepSelection) this.cache.markStale(from.line, true);
    } else if (predicted.lineDelta !== 0) this.host.linesPredicted();
    if (keepSelection) {
      this.afterEdit = [{ ...from }, { ...to }];
      return;
    }
    const caret = predicted?.caret ?? from;
    this.host.placeCaret(caret);
    this.afterEdit = [{ ...caret }, { ...caret }];
  }

  private restartTimer(): void {
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.inFlight.length === 0) return;
    this.timer = window.setTimeout(() => {
      // Given up: what was predicted is doubted, and fetched again.
      this.timer = 0;
      this.inFlight.length = 0;
      this.cache.markStale(0, true);
      this.host.linesPredicted();
    }, ANSWER_TIMEOUT_MS);
  }
}
