/**
 * The hex view's caret: a boundary 0..size (see hexMotion.ts), an anchor for the
 * selection, the column typing goes to, insert or overwrite, and a first hex
 * digit typed and waiting for its second. No DOM.
 */
import { selectionOf } from './hexMotion';

export type Column = 'hex' | 'text';

export class HexCursor {
  caret = 0;
  anchor = 0;
  column: Column = 'hex';
  /** Typing inserts bytes (Insert key) instead of overwriting them. */
  insert = false;
  /** The high nibble typed at the caret, shown until the second digit completes the byte. */
  pendingNibble: number | undefined;

  get hasSelection(): boolean {
    return this.caret !== this.anchor;
  }

  selection(): { start: number; end: number } {
    return selectionOf(this.anchor, this.caret);
  }

  /** Where the data inspector reads: the selection's first byte, else the caret's. */
  get inspected(): number {
    return this.selection().start;
  }

  /** Moves the caret (and the anchor too unless extending); a half-typed byte is dropped. */
  moveTo(offset: number, extend: boolean): void {
    this.caret = offset;
    if (!extend) this.anchor = offset;
    this.pendingNibble = undefined;
  }

  select(anchor: number, caret: number): void {
    this.anchor = anchor;
    this.caret = caret;
    this.pendingNibble = undefined;
  }

  /** Keeps caret and anchor inside 0..size (after the file got shorter). */
  clamp(size: number): void {
    this.caret = Math.min(this.caret, size);
    this.anchor = Math.min(this.anchor, size);
  }
}
