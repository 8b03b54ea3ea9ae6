/**
 * The DOM of the text view's visible lines: one absolutely positioned row a line, with
 * its number (and its mark, if marked), its text (or a placeholder while it loads; log colours, if on, are spans
 * around parts of it), the find matches behind the text and the selection. Rows are
 * reused while scrolling; each part is written again only when what it shows changed.
 */
import { el } from '../dom';
import { type LogColouring, SNIFF_LINES } from '../highlight/logColouring';
import { layerSpans } from '../highlight/spanRuns';
import type { UserHighlights } from '../highlight/userHighlights';
import { type CachedLine, EOL, isWholeLine, type LineCache } from '../lineCache';
import { type LineMatcher, lineMatches } from '../../src/search/lineMatches';
import { byteLength, byteToIndex, clientXToIndex, indexToClientX, type RenderedText, renderText } from '../lineRenderer';

/** What a row without text shows: nothing, the line not loaded yet, or not indexed yet. */
export type Placeholder = '' | 'loading' | 'indexing';

/** Where the text column is: cell width, cells scrolled off its left, and client x of its left edge. */
export interface TextColumn {
  charWidth: number;
  scrollCol: number;
  left: number;
}

const EMPTY_RENDER: RenderedText = { nodes: [], starts: [], length: 0 };

export class TextRow {
  readonly el: HTMLDivElement;
  /** The text column of the row: clips the text, holds selection and caret. */
  readonly box: HTMLDivElement;
  private readonly gutter: HTMLDivElement;
  private readonly sel: HTMLDivElement;
  /** Find highlights, moved with the text; drawn for `hlEntry` at matcher version `hlVersion`. */
  private readonly hl: HTMLDivElement;
  private hlEntry: CachedLine | undefined;
  private hlVersion = -1;
  private readonly text: HTMLDivElement;
  /** The file line shown; -1 while unused. */
  line = -1;
  private numberText = '';
  /** The cached line shown; undefined while `placeholder` stands in for it. */
  entry: CachedLine | undefined;
  placeholder: Placeholder = '';
  private rendered: RenderedText = EMPTY_RENDER;
  /** UTF-8 bytes of entry.slice.text. */
  private sentBytes = 0;
  /** Width of the drawn text; -1 until measured. */
  private widthPx = 0;
  /** Draw the content again even if the entry is the same (a new line, or the font or colouring changed). */
  private fresh = true;
  /** The classes that colour `box` whole (a log level's tint, a highlight rule's colours), '' for none. */
  private tint = '';
  private marked = false;

  constructor(private readonly colouring: LogColouring, private readonly highlights: UserHighlights) {
    this.el = el('div', 'row');
    this.gutter = el('div', 'gutter', this.el);
    this.box = el('div', 'line', this.el);
    this.hl = el('div', 'highlights', this.box);
    this.sel = el('div', 'sel', this.box);
    this.text = el('div', 'text', this.box);
  }

  /** Gives the row to `line` (its content is drawn again). */
  assign(line: number): void {
    this.line = line;
    this.fresh = true;
    this.el.dataset.line = String(line);
  }

  /** The font changed: text and highlights are drawn and measured again. */
  remeasure(): void {
    this.fresh = true;
    this.hlVersion = -1;
  }

  /** Places the row `index` rows down and shows its line's number and `entry`, or `placeholder`. */
  show(index: number, lineHeight: number, entry: CachedLine | undefined, placeholder: Placeholder): void {
    this.el.style.top = `${index * lineHeight}px`;
    const num = String(this.line + 1);
    if (this.numberText !== num) {
      this.gutter.textContent = num;
      this.numberText = num;
    }
    if (entry) {
      if (this.fresh || this.entry !== entry) {
        this.entry = entry;
        this.placeholder = '';
        this.text.className = 'text';
        const colours = this.colouring.colours(entry.slice);
        const yours = this.highlights.active ? this.highlights.of(entry.slice.text) : undefined;
        this.rendered = renderText(this.text, entry.slice.text, yours ? layerSpans(colours.spans, yours.spans) : colours.spans);
        this.setTint(yours?.lineClass ? `${colours.tint} ${yours.lineClass}`.trim() : colours.tint);
        this.sentBytes = byteLength(entry.slice.text);
        this.widthPx = -1;
      }
    } else if (this.fresh || this.entry || this.placeholder !== placeholder) {
      this.entry = undefined;
      this.placeholder = placeholder;
      this.text.className = `text placeholder ${placeholder}`;
      this.text.textContent = placeholder === 'indexing' ? 'indexing…' : '…';
      this.setTint('');
      this.rendered = EMPTY_RENDER;
      this.widthPx = 0;
    }
    this.fresh = false;
  }

  /** Shows the mark in the gutter, or takes it away. */
  showMarked(marked: boolean): void {
    if (marked === this.marked) return;
    this.marked = marked;
    this.el.classList.toggle('marked', marked);
  }

  private setTint(tint: string): void {
    if (tint === this.tint) return;
    if (this.tint) this.box.classList.remove(...this.tint.split(' '));
    if (tint) this.box.classList.add(...tint.split(' '));
    this.tint = tint;
  }

  /** Cells from the line's start to the end of what is drawn (a window of a longer line counts the whole line); undefined without text. */
  contentCols(charWidth: number): number | undefined {
    if (!this.entry) return undefined;
    if (this.widthPx < 0) this.widthPx = this.text.getBoundingClientRect().width;
    const s = this.entry.slice;
    const drawn = s.fromByte + this.widthPx / charWidth;
    return isWholeLine(this.entry) ? drawn : Math.max(s.length, drawn);
  }

  /** Moves text and highlights to the horizontal scroll position. */
  scrollTo(scrollCol: number, charWidth: number): void {
    const from = this.entry ? this.entry.slice.fromByte : scrollCol;
    const shift = `translateX(${(from - scrollCol) * charWidth}px)`;
    this.text.style.transform = shift;
    this.hl.style.transform = shift;
  }

  /**
   * X of byte `column` inside the text box (0 = left edge of the text column), or
   * undefined when it cannot be placed (end of a line not loaded yet).
   */
  xOf(column: number, at: TextColumn): number | undefined {
    const cw = at.charWidth;
    const entry = this.entry;
    if (!entry) return column === EOL ? undefined : (column - at.scrollCol) * cw;
    const s = entry.slice;
    const col = Math.min(column, s.length);
    const rel = col - s.fromByte;
    if (rel >= 0 && rel <= this.sentBytes) {
      const index = byteToIndex(s.text, rel);
      return indexToClientX(this.text, this.rendered, s.text, index) - at.left;
    }
    return (col - at.scrollCol) * cw;
  }

  /** Byte column at x inside the text box. */
  columnAt(x: number, at: TextColumn): number {
    const cw = at.charWidth;
    const entry = this.entry;
    const estimate = Math.max(0, Math.round(x / cw + at.scrollCol));
    if (!entry) return estimate;
    const s = entry.slice;
    const left = (s.fromByte - at.scrollCol) * cw;
    const whole = isWholeLine(entry);
    if (whole || (x >= left && x <= left + this.widthPx)) {
      const index = clientXToIndex(this.rendered, s.text, x + at.left);
      if (index >= s.text.length && whole) return s.length;
      return Math.min(s.length, s.fromByte + byteLength(s.text, 0, index));
    }
    return Math.min(s.length, estimate);
  }

  /** Boxes behind the find matches, measured once per line text and matcher `version`. */
  drawMatches(matcher: LineMatcher | undefined, version: number): void {
    const entry = this.entry;
    if (this.hlEntry === entry && this.hlVersion === version) return;
    this.hlEntry = entry;
    this.hlVersion = version;
    const ranges = entry && matcher ? lineMatches(matcher, entry.slice.text) : [];
    const left = ranges.length > 0 ? this.text.getBoundingClientRect().left : 0;
    while (this.hl.children.length > ranges.length) this.hl.lastElementChild!.remove();
    ranges.forEach(([from, to], i) => {
      const box = (this.hl.children[i] as HTMLDivElement | undefined) ?? el('div', 'match', this.hl);
      const x1 = indexToClientX(this.text, this.rendered, entry!.slice.text, from) - left;
      const x2 = indexToClientX(this.text, this.rendered, entry!.slice.text, to) - left;
      box.style.transform = `translateX(${x1}px)`;
      box.style.width = `${Math.max(2, x2 - x1)}px`;
    });
  }

  /** Marks the caret's line; its background shows only while nothing is selected. */
  markCurrent(current: boolean, selecting: boolean): void {
    this.el.classList.toggle('current', current);
    this.box.classList.toggle('current-line', current && !selecting);
  }

  /** Draws the selection from x1 to x2 in the text box (none when x2 <= x1); `found` in the find colour. */
  showSelection(x1: number, x2: number, found: boolean): void {
    this.sel.classList.toggle('found', found);
    if (x2 > x1) {
      this.sel.style.transform = `translateX(${x1}px)`;
      this.sel.style.width = `${x2 - x1}px`;
      this.sel.classList.remove('hidden');
    } else {
      this.sel.classList.add('hidden');
    }
  }
}

/** The rows on screen, by line, and the ones scrolled away kept for reuse. */
export class TextRows {
  /** The marked lines (the host's marks). */
  marked: ReadonlySet<number> = new Set();
  private readonly byLine = new Map<number, TextRow>();
  private readonly free: TextRow[] = [];

  constructor(private readonly container: HTMLElement, private readonly colouring: LogColouring, private readonly highlights: UserHighlights) {}

  /** The row showing `line`, if it is on screen. */
  at(line: number): TextRow | undefined {
    return this.byLine.get(line);
  }

  all(): IterableIterator<TextRow> {
    return this.byLine.values();
  }

  /** The font or the colouring changed: every row is drawn and measured again. */
  remeasure(): void {
    for (const row of this.byLine.values()) row.remeasure();
  }

  /**
   * Shows lines [top, end) from `cache`; lines at or past `available` are not indexed
   * yet. Rows of lines scrolled away are reused, new ones inserted in one go.
   */
  show(top: number, end: number, lineHeight: number, cache: LineCache, available: number): void {
    if (this.colouring.deciding) this.decideColouring(top, Math.min(end, available, top + SNIFF_LINES), cache);
    for (const [line, row] of this.byLine) {
      if (line >= top && line < end) continue;
      this.byLine.delete(line);
      row.el.remove();
      row.line = -1;
      this.free.push(row);
    }
    const added: TextRow[] = [];
    for (let line = top; line < end; line++) {
      let row = this.byLine.get(line);
      if (!row) {
        row = this.free.pop() ?? new TextRow(this.colouring, this.highlights);
        row.assign(line);
        this.byLine.set(line, row);
        added.push(row);
      }
      row.show(line - top, lineHeight, cache.get(line), line >= available ? 'indexing' : 'loading');
      row.showMarked(this.marked.has(line));
    }
    if (added.length) {
      const frag = document.createDocumentFragment();
      for (const row of added) frag.appendChild(row.el);
      this.container.appendChild(frag);
    }
  }

  /** Lets the colouring look at the first lines shown, once they are all loaded. */
  private decideColouring(top: number, end: number, cache: LineCache): void {
    const slices = [];
    for (let line = top; line < end; line++) {
      const entry = cache.peek(line);
      if (!entry) return;
      slices.push(entry.slice);
    }
    if (slices.length > 0 && this.colouring.decide(slices)) this.remeasure();
  }
}
