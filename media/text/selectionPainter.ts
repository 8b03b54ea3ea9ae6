/**
 * Draws the caret, the selection and the find matches on the text view's visible rows,
 * and keeps the hidden textarea that receives typing on the caret (input method
 * windows open where it is). Everything is drawn again each frame from the view's
 * positions: only the caret's blink phase and the match the find widget selected
 * last longer.
 */
import type { Position } from '../../src/editor/protocol';
import { el } from '../dom';
import { clamp, samePos } from '../guards';
import { EOL } from '../lineCache';
import type { LineMatcher } from '../../src/search/lineMatches';
import type { TextGeometry } from './textGeometry';
import type { TextColumn, TextRow, TextRows } from './textRows';

/** What the painter reads from the view each frame. */
export interface SelectionPainterHost {
  readonly caret: Position;
  /** Word wrap: the caret on a row boundary shows at the end of the row before. */
  readonly atRowEnd: boolean;
  /** Typing replaces the characters after the caret: the caret is drawn as a block. */
  readonly overwrite: boolean;
  /** The selection, start first. */
  selection(): [Position, Position];
  textColumn(): TextColumn;
}

/** Paints the caret, selection and find matches onto the rows drawn this frame. */
export class SelectionPainter {
  private readonly caretEl = el('div', 'caret');
  private blinkToggle = false;
  /** The match the find widget selected: drawn in the find colour while it is the selection. */
  private found: [Position, Position] | undefined;

  constructor(
    private readonly rows: TextRows,
    private readonly geometry: TextGeometry,
    private readonly input: HTMLTextAreaElement,
    private readonly host: SelectionPainterHost,
  ) {}

  /** The find widget selected `from`..`to`: drawn as found until the selection changes. */
  markFound(from: Position, to: Position): void {
    this.found = [{ ...from }, { ...to }];
  }

  /** Starts the caret's blink over, so it shows at once after it moved or focus changed. */
  restartBlink(): void {
    this.blinkToggle = !this.blinkToggle;
    this.caretEl.classList.toggle('blink-a', this.blinkToggle);
    this.caretEl.classList.toggle('blink-b', !this.blinkToggle);
  }

  /** Boxes behind the find matches in the visible lines, measured once per line text and matcher `version`. */
  drawMatches(matcher: LineMatcher | undefined, version: number): void {
    for (const row of this.rows.all()) row.drawMatches(matcher, version);
  }

  /** The selection's boxes, the current line, the caret and the textarea, for the rows shown now. */
  drawSelectionAndCaret(): void {
    const h = this.host;
    const [s, e] = h.selection();
    const selecting = !samePos(s, e);
    const found = this.found;
    const isFound = found !== undefined && samePos(found[0], s) && samePos(found[1], e);
    if (!isFound) this.found = undefined;
    const { charWidth: cw, textWidth: w } = this.geometry;
    const at = h.textColumn();
    const caret = h.caret;
    for (const row of this.rows.all()) {
      const line = row.line;
      row.markCurrent(line === caret.line, selecting);
      let x1 = 0;
      let x2 = 0;
      if (row.part) {
        if (selecting) [x1, x2] = this.wrappedSelection(row, s, e, at);
      } else if (selecting && line >= s.line && line <= e.line && !(line === e.line && e.column === 0 && line > s.line)) {
        x1 = line === s.line ? row.xOf(s.column, at) ?? 0 : -at.scrollCol * cw;
        if (line === e.line) {
          x2 = row.xOf(e.column, at) ?? x1;
        } else {
          // Whole line selected: to its end plus a bit for the line break, as VS Code draws it.
          const eol = row.xOf(EOL, at) ?? x1;
          x2 = Math.max(eol, x1) + cw / 2;
        }
        x1 = clamp(x1, 0, w);
        x2 = clamp(x2, 0, w);
      }
      row.showSelection(x1, x2, isFound);
    }
    const caretRow = this.rows.at(caret.line, caret.column, h.atRowEnd);
    const x = caretRow ? caretRow.xOf(caret.column, at) ?? (caretRow.entry ? undefined : -at.scrollCol * cw) : undefined;
    if (caretRow && x !== undefined && x >= -1 && x <= w) {
      if (this.caretEl.parentElement !== caretRow.box) caretRow.box.appendChild(this.caretEl);
      this.caretEl.style.transform = `translateX(${Math.max(0, x - 1)}px)`;
      this.caretEl.classList.remove('hidden');
    } else {
      this.caretEl.classList.add('hidden');
    }
    this.caretEl.classList.toggle('overwrite', h.overwrite);
    // Input method windows open where the textarea is: keep it on the caret.
    const caretTop = caretRow ? caretRow.index * this.geometry.lineHeight : 0;
    const caretLeft = this.geometry.gutterWidth + clamp(x ?? 0, 0, w);
    this.input.style.transform = `translate(${caretLeft}px, ${caretTop}px)`;
  }

  /** The x range of the selection [s, e] on a wrapped row: its part of the row, and the line break after the line's last row. */
  private wrappedSelection(row: TextRow, s: Position, e: Position, at: TextColumn): [number, number] {
    const part = row.part!;
    const line = row.line;
    if (line < s.line || line > e.line || (line === e.line && e.column === 0 && line > s.line)) return [0, 0];
    const from = Math.max(line === s.line ? s.column : 0, part.start);
    const to = Math.min(line === e.line ? e.column : EOL, part.end);
    if (to < from) return [0, 0];
    const x1 = row.xOf(from, at) ?? 0;
    const x2 = (row.xOf(to, at) ?? x1) + (part.last && line < e.line ? this.geometry.charWidth / 2 : 0);
    return [clamp(x1, 0, this.geometry.textWidth), clamp(x2, 0, this.geometry.textWidth)];
  }
}
