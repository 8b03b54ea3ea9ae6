/**
 * The text view's caret and selection, in (line, byte column): the selection runs from
 * `anchor` to `caret`, the same position when nothing is selected. Two things wait for
 * the caret's line to be drawn, and are settled by `resolve` on the frame that draws
 * it: the column an Up/Down aims for (its guess in cells is replaced by the character
 * under the goal x), and scrolling the caret into view sideways.
 */
import type { Position } from '../../src/editor/protocol';
import { comparePos, samePos } from '../guards';
import { EOL, type LineCache } from '../lineCache';
import type { TextColumn, TextRow } from './textRows';

/** Caret, anchor and what waits for the caret's row; changed by the view, which then draws a frame. */
export class TextSelection {
  caret: Position = { line: 0, column: 0 };
  anchor: Position = { line: 0, column: 0 };
  /** Column-space x (px from the line's start) the caret keeps across Up/Down. */
  goalX: number | undefined;
  /** An Up/Down put the caret at a guessed column: keys wait until its row is drawn. */
  goalPending = false;
  /** The caret is to be scrolled into view sideways once its row is drawn. */
  revealPending = false;
  /** Word wrap: the caret, on a boundary between two rows of its line, shows at the end of the first (End, a click past a row's end). */
  atRowEnd = false;

  /** True when something is selected. */
  hasSelection(): boolean {
    return !samePos(this.caret, this.anchor);
  }

  /** The selection, start first. */
  ordered(): [Position, Position] {
    return comparePos(this.anchor, this.caret) <= 0 ? [this.anchor, this.caret] : [this.caret, this.anchor];
  }

  /** The selected text when it is part of one line held, at most `maxBytes` long (what Ctrl+F starts the find box with). */
  shortText(cache: LineCache, maxBytes: number): string | undefined {
    const [from, to] = this.ordered();
    if (from.line !== to.line || to.column <= from.column || to.column - from.column > maxBytes) return undefined;
    const at = cache.textAt(from.line, from.column);
    const end = cache.textAt(to.line, to.column);
    return at && end && at.slice === end.slice ? at.slice.text.slice(at.index, end.index) : undefined;
  }

  /** Puts the caret at `pos`, the anchor too unless `extend`; the Up/Down goal is dropped. `atRowEnd`: see the field. */
  place(pos: Position, extend: boolean, atRowEnd = false): void {
    this.caret = { line: pos.line, column: pos.column };
    if (!extend) this.anchor = { ...this.caret };
    this.goalX = undefined;
    this.goalPending = false;
    this.atRowEnd = atRowEnd;
  }

  /**
   * Selects `anchor`..`caret` outright (a revealed line, a match found, the whole file);
   * the goal column is dropped, and with it an Up/Down still waiting for its line (else
   * the keys held behind it would wait for ever).
   */
  select(anchor: Position, caret: Position): void {
    this.anchor = { ...anchor };
    this.caret = { ...caret };
    this.goalX = undefined;
    this.goalPending = false;
    this.atRowEnd = false;
  }

  /**
   * An Up/Down put the caret on its line at a guess (`pending`, the default): the column
   * under `goalX` replaces it once the line is drawn; else `goalX` is only kept for the next.
   */
  aim(goalX: number, pending = true): void {
    this.goalX = goalX;
    this.goalPending = pending;
  }

  /** Clamps caret and anchor to line lengths learned from replies (EOL resolves here). */
  clampToKnownLengths(cache: LineCache): void {
    for (const p of [this.caret, this.anchor]) {
      const len = cache.lineLength(p.line);
      if (len !== undefined && p.column > len) p.column = len;
    }
  }

  /** Moves the caret up to `line` (the file's last), keeping its column where the line allows; an anchor past it follows. */
  pullBackTo(line: number, cache: LineCache): void {
    this.caret = { line, column: Math.min(this.caret.column, cache.lineLength(line) ?? EOL) };
    if (this.anchor.line > line) this.anchor = { ...this.caret };
  }

  /**
   * Settles what waited for the caret's `row` (drawn at `at`): the Up/Down column, then
   * the x the view should scroll into sight, if a reveal waited and the row shows it.
   */
  resolve(row: TextRow, at: TextColumn): number | undefined {
    const loaded = row.entry !== undefined || row.placeholder === 'indexing';
    if (this.goalPending && row.entry && !row.entry.doubt && this.goalX !== undefined) {
      const col = row.columnAt(this.goalX - at.scrollCol * at.charWidth, at);
      const extend = this.hasSelection();
      this.caret = { line: this.caret.line, column: col };
      if (!extend) this.anchor = { ...this.caret };
      this.goalPending = false;
      this.atRowEnd = row.part !== undefined && !row.part.last && col === row.part.end;
    }
    if (!this.revealPending || !loaded) return undefined;
    this.revealPending = false;
    return row.xOf(this.caret.column, at);
  }
}
