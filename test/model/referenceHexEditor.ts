/**
 * A plain in-memory hex editor with the hex view's semantics (docs/hex-view.md), the
 * reference the hex model test holds the real view to. Small on purpose: the file is
 * a number array, the caret and anchor are boundaries 0..size between its bytes, and
 * every key is a few lines of array work.
 *
 * The caret is drawn on the byte after it; a selection is the bytes between anchor
 * and caret. Typing goes to one column: in the hex column two digits make a byte (the
 * first waits, pending), in the text column a character writes its UTF-8 bytes.
 * Overwrite mode (the default) writes over the bytes at the caret, appending past the
 * end, and never changes the length otherwise; insert mode (Insert toggles) inserts,
 * replacing a selection. A paste replaces the selection, else overwrites (or inserts)
 * as many bytes as it holds. Every edit is one undo step (the host never groups byte
 * edits); undo puts the caret where the edit started, redo after what it wrote.
 */

export type Motion = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'fileStart' | 'fileEnd' | 'pageUp' | 'pageDown';

export type HexKey =
  | { kind: 'type'; text: string }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: Motion; shift: boolean }
  | { kind: 'tab'; shift: boolean }
  | { kind: 'insertKey' }
  | { kind: 'escape' }
  | { kind: 'selectAll' }
  /** Ctrl+V with the clipboard holding `hex` (hex pairs) in the hex column, `text` in the text column. */
  | { kind: 'paste'; hex: string; text: string }
  | { kind: 'cut' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'save' };

interface Step {
  before: number[];
  after: number[];
  offset: number;
  written: number;
}

const HEX_DIGIT = /^[0-9a-f]$/i;

export class ReferenceHexEditor {
  caret = 0;
  anchor = 0;
  column: 'hex' | 'text' = 'hex';
  insert = false;
  /** The first hex digit typed at the caret, waiting for the second. */
  pending: number | undefined;
  saved: number[];
  private readonly undoStack: Step[] = [];
  private readonly redoStack: Step[] = [];

  /** `pageRows`: the rows Page Up / Page Down move (one less than the rows on screen). */
  constructor(public bytes: number[], private readonly perRow: number, private readonly pageRows: number) {
    this.saved = bytes.slice();
  }

  get size(): number {
    return this.bytes.length;
  }

  get start(): number {
    return Math.min(this.caret, this.anchor);
  }

  get end(): number {
    return Math.max(this.caret, this.anchor);
  }

  /**
   * Whether the view keeps `key`: Tab in the text column and Shift+Tab in the hex
   * column move the focus on, out of the view, so the test does not press them.
   */
  takes(key: HexKey): boolean {
    return key.kind !== 'tab' || (key.shift ? this.column === 'text' : this.column === 'hex');
  }

  press(key: HexKey): void {
    switch (key.kind) {
      case 'type': return this.type(key.text);
      case 'backspace': return this.backspace();
      case 'delete': return this.delete();
      case 'tab':
        this.column = key.shift ? 'hex' : 'text';
        this.pending = undefined;
        return;
      case 'insertKey':
        this.insert = !this.insert;
        this.pending = undefined;
        return;
      case 'escape':
        this.anchor = this.caret;
        this.pending = undefined;
        return;
      case 'selectAll': return this.select(0, this.size);
      case 'paste': return this.paste(this.column === 'hex' ? key.hex.split(' ').map((pair) => parseInt(pair, 16)) : [...new TextEncoder().encode(key.text)]);
      case 'cut':
        if (this.start < this.end) this.edit(this.start, this.end - this.start, []);
        return;
      case 'undo': return this.undo();
      case 'redo': return this.redo();
      case 'save':
        this.saved = this.bytes.slice();
        return;
      default: return this.move(key.kind, key.shift);
    }
  }

  private type(text: string): void {
    if (this.column === 'text') return this.write([...new TextEncoder().encode(text)]);
    if (!HEX_DIGIT.test(text)) return;
    const digit = parseInt(text, 16);
    if (this.pending === undefined) {
      // Overwriting starts at the selection's first byte; inserting replaces the selection on the second digit.
      if (!this.insert) this.select(this.start, this.start);
      this.pending = digit;
      return;
    }
    this.write([this.pending * 16 + digit]);
  }

  /** Typed bytes: insert (over the selection), or overwrite as many bytes from the selection's start. */
  private write(written: number[]): void {
    const at = this.start;
    this.edit(at, this.insert ? this.end - at : written.length, written);
  }

  private paste(pasted: number[]): void {
    const at = this.start;
    this.edit(at, this.start < this.end || this.insert ? this.end - at : pasted.length, pasted);
  }

  private backspace(): void {
    if (this.pending !== undefined) {
      this.pending = undefined;
      return;
    }
    if (this.start < this.end) this.edit(this.start, this.end - this.start, []);
    else if (this.caret > 0) this.edit(this.caret - 1, 1, []);
  }

  private delete(): void {
    if (this.start < this.end) this.edit(this.start, this.end - this.start, []);
    else if (this.caret < this.size) this.edit(this.caret, 1, []);
  }

  /** Replaces up to `length` bytes at `at` (fewer at the end of the file) with `written`: one undo step. */
  private edit(at: number, length: number, written: number[]): void {
    const before = this.bytes.slice();
    this.bytes.splice(at, Math.min(length, this.size - at), ...written);
    this.undoStack.push({ before, after: this.bytes.slice(), offset: at, written: written.length });
    this.redoStack.length = 0;
    this.select(at + written.length, at + written.length);
  }

  private undo(): void {
    const step = this.undoStack.pop();
    if (!step) return;
    this.redoStack.push(step);
    this.bytes = step.before.slice();
    this.select(step.offset, step.offset);
  }

  private redo(): void {
    const step = this.redoStack.pop();
    if (!step) return;
    this.undoStack.push(step);
    this.bytes = step.after.slice();
    this.select(step.offset + step.written, step.offset + step.written);
  }

  private move(motion: Motion, shift: boolean): void {
    const clamp = (x: number) => Math.max(0, Math.min(this.size, x));
    // A selection ending just after a row (Shift+End) ends on that row, for Home and End.
    const onRow = shift && this.caret > this.anchor && this.caret % this.perRow === 0 ? this.caret - 1 : this.caret;
    const rowStart = onRow - (onRow % this.perRow);
    const page = this.pageRows * this.perRow;
    const targets: Record<Motion, number> = {
      // Without Shift, Left / Right from a selection go to its start / end, as in a text editor.
      left: !shift && this.start < this.end ? this.start : clamp(this.caret - 1),
      right: !shift && this.start < this.end ? this.end : clamp(this.caret + 1),
      up: clamp(this.caret - this.perRow),
      down: clamp(this.caret + this.perRow),
      pageUp: clamp(this.caret - page),
      pageDown: clamp(this.caret + page),
      home: rowStart,
      // End moves onto the row's last byte; Shift+End selects it too, so goes just after it.
      end: clamp(rowStart + this.perRow - (shift ? 0 : 1)),
      fileStart: 0,
      fileEnd: this.size,
    };
    this.select(shift ? this.anchor : targets[motion], targets[motion]);
  }

  private select(anchor: number, caret: number): void {
    this.anchor = anchor;
    this.caret = caret;
    this.pending = undefined;
  }
}
