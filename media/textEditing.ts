/**
 * Edits from the text view: typing, deleting, cutting and pasting, sent to the host,
 * which applies them to the document VS Code owns (its undo stack and save) and
 * confirms each with an `edited` message. Meanwhile the view shows a one-line edit at
 * once in the cached text and moves the caret where the edit will leave it, when
 * that is predictable.
 */
import type { FileState, Position, ViewerMessage } from '../src/editor/protocol';
import { samePos } from './guards';
import { EOL, type LineCache } from './lineCache';
import { byteLength, byteToIndex, nextIndex, prevIndex, wordLeft, wordRight } from './lineRenderer';

/** An edit the host refused sends no `edited`: stop waiting for it after this long. */
const CONFIRM_TIMEOUT_MS = 2000;

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
}

export class TextEdits {
  /** Typing replaces the characters after the caret (the Insert key toggles it). */
  overwrite = false;
  private inFlight = 0;
  private timer = 0;
  /** Where the last edit left the caret: the host's caret replaces it only if the user has not moved since. */
  private caretAfterEdit: Position | undefined;

  constructor(private readonly cache: LineCache, private readonly host: TextEditHost) {}

  /** Edits sent and not confirmed yet. */
  get pending(): number {
    return this.inFlight;
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
    this.send({ type: 'delete', from, to, direction: 'forward' }, from);
  }

  paste(): void {
    if (!this.editable()) return;
    const [at, to] = this.host.selection();
    // The host reads the clipboard and tells where the caret ends up.
    this.send({ type: 'paste', at: { ...at }, to: samePos(at, to) ? undefined : { ...to } }, undefined);
  }

  /** Types `text` (lines joined by '\n') over the selection, or at the caret. */
  type(text: string): void {
    if (!this.editable()) return;
    const [at, to] = this.host.selection();
    const replacing = !samePos(at, to);
    const parts = text.split('\n');
    const caret = at.column >= EOL ? undefined : parts.length > 1
      ? { line: at.line + parts.length - 1, column: byteLength(parts[parts.length - 1]) }
      : { line: at.line, column: at.column + byteLength(text) };
    if (!replacing && parts.length === 1) {
      const overwritten = this.overwrite ? this.bytesOfNextChars(at, [...text].length) : 0;
      this.patchLine(at, overwritten, text);
    }
    this.send({ type: 'insert', at: { ...at }, to: replacing ? { ...to } : undefined, text, overwrite: this.overwrite && !replacing }, caret);
  }

  /** Backspace or Delete: the selection, else a character or (`word`) a word. */
  delete(direction: 'backward' | 'forward', word: boolean): void {
    if (!this.editable()) return;
    const [from, to] = this.host.selection();
    if (!samePos(from, to)) {
      this.send({ type: 'delete', from: { ...from }, to: { ...to }, direction }, from);
      return;
    }
    const at = from;
    const found = this.cache.textAt(at.line, at.column);
    if (word && found && (direction === 'backward' ? found.index > 0 : found.index < found.slice.text.length)) {
      const t = found.slice.text;
      const other = direction === 'backward' ? wordLeft(t, found.index) : wordRight(t, found.index);
      const col = found.slice.fromByte + byteLength(t, 0, other);
      const [a, b] = direction === 'backward' ? [{ line: at.line, column: col }, { ...at }] : [{ ...at }, { line: at.line, column: col }];
      this.patchLine(a, b.column - a.column, '');
      this.send({ type: 'delete', from: a, to: b, direction }, a);
      return;
    }
    let caret: Position | undefined = { ...at };
    if (direction === 'backward') {
      if (at.column === 0) {
        if (at.line === 0) return;
        const len = this.cache.lineLength(at.line - 1);
        caret = len === undefined ? undefined : { line: at.line - 1, column: len };
      } else if (found && found.index > 0) {
        const start = found.slice.fromByte + byteLength(found.slice.text, 0, prevIndex(found.slice.text, found.index));
        this.patchLine({ line: at.line, column: start }, at.column - start, '');
        caret = { line: at.line, column: start };
      } else {
        caret = undefined; // the host knows the character's size
      }
    } else if (found && found.index < found.slice.text.length) {
      this.patchLine(at, this.bytesOfNextChars(at, 1), '');
    }
    this.send({ type: 'delete', from: { ...at }, direction }, caret);
  }

  /**
   * The host applied an edit (ours or another view's, undo, redo, revert, save): its
   * caret (a save has none) is taken once none of ours is on its way, unless the user
   * moved on meanwhile.
   */
  confirmed(caret: Position | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const [from, to] = this.host.selection();
    const moved = this.caretAfterEdit && (!samePos(from, to) || !samePos(from, this.caretAfterEdit));
    if (this.inFlight === 0 && !moved && caret) this.host.placeCaret(caret);
    if (this.inFlight === 0) this.caretAfterEdit = undefined;
  }

  /** The selection, or (like VS Code's cut with nothing selected) the caret's whole line. */
  private selectionOrLine(): [Position, Position] {
    const [from, to] = this.host.selection();
    if (!samePos(from, to)) return [{ ...from }, { ...to }];
    const line = from.line;
    if (line + 1 < (this.host.state?.lineCount ?? 0)) return [{ line, column: 0 }, { line: line + 1, column: 0 }];
    return [{ line, column: 0 }, { line, column: this.cache.lineLength(line) ?? EOL }];
  }

  /** UTF-8 bytes of the `count` characters after `at` on its line, as far as loaded. */
  private bytesOfNextChars(at: Position, count: number): number {
    const found = this.cache.textAt(at.line, at.column);
    if (!found) return 0;
    let i = found.index;
    for (let n = 0; n < count && i < found.slice.text.length; n++) i = nextIndex(found.slice.text, i);
    return byteLength(found.slice.text, found.index, i);
  }

  /**
   * Shows a one-line edit at once in the cached text (marked stale, so the host's
   * version replaces it as soon as it arrives).
   */
  private patchLine(at: Position, removeBytes: number, insert: string): void {
    const entry = this.cache.peek(at.line);
    const found = this.cache.textAt(at.line, at.column);
    if (!entry || !found) return;
    const s = entry.slice;
    const end = byteToIndex(s.text, at.column + removeBytes - s.fromByte);
    const text = s.text.slice(0, found.index) + insert + s.text.slice(end);
    const length = Math.max(0, s.length - byteLength(s.text, found.index, end) + byteLength(insert));
    this.cache.set(at.line, { ...entry, slice: { ...s, text, length }, stale: true });
  }

  /** Sends an edit; moves the caret where it will be (when predictable) until the host confirms. */
  private send(message: ViewerMessage, caret: Position | undefined): void {
    this.host.postEdit(message);
    this.inFlight++;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { this.inFlight = 0; }, CONFIRM_TIMEOUT_MS);
    const at = caret ?? this.host.selection()[0];
    this.host.placeCaret(at);
    this.caretAfterEdit = { line: at.line, column: at.column };
  }
}
