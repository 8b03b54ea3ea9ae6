/**
 * The DOM of the text view's visible lines: one absolutely positioned row a line, with
 * its number (and its mark, if marked), its text (or a placeholder while it loads; log colours, if on, are spans
 * around parts of it), the find matches behind the text and the selection. Rows are
 * reused while scrolling; each part is written again only when what it shows changed.
 * With word wrap on, a row shows one wrapped row of a line (media/wrap/lineWraps.ts):
 * a part of the line's held text, drawn from the text column's left edge, numbered on
 * the line's first row only; colours and find matches are worked out over the line's
 * held text once and cut to each row.
 */
import { el } from '../dom';
import { type LogColouring, SNIFF_LINES } from '../highlight/logColouring';
import { layerSpans } from '../highlight/spanRuns';
import type { UserHighlights } from '../highlight/userHighlights';
import { type CachedLine, EOL, isWholeLine, type LineCache } from '../lineCache';
import { type LineMatcher, lineMatches } from '../../src/search/lineMatches';
import { byteLength, byteToIndex, clientXToIndex, indexToClientX, type RenderedText, renderText } from '../lineRenderer';
import type { ClassSpan } from '../highlight/spanRuns';
import type { WrappedRow } from '../wrap/lineWraps';
import { isCutLine } from '../wrap/wrapLayout';

/** What a row without text shows: nothing, the line not loaded yet, or not indexed yet. */
export type Placeholder = '' | 'loading' | 'indexing';

/** Where the text column is: cell width, cells scrolled off its left, and client x of its left edge. */
export interface TextColumn {
  charWidth: number;
  scrollCol: number;
  left: number;
}

const EMPTY_RENDER: RenderedText = { nodes: [], starts: [], length: 0 };

/** How a held line is coloured: spans over its text and a class for the whole row. */
interface LineStyle {
  spans: readonly ClassSpan[];
  tint: string;
}

/** `spans` of a text cut to [from, to), counted from `from`. */
function cutSpans(spans: readonly ClassSpan[], from: number, to: number): ClassSpan[] {
  const out: ClassSpan[] = [];
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    out.push({ ...span, start: Math.max(span.start, from) - from, end: Math.min(span.end, to) - from });
  }
  return out;
}

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
  /** Word wrap: which row of the line this is, its bytes and text range; undefined when a row shows a whole line. */
  part: WrappedRow | undefined;
  /** Rows above this one on screen. */
  index = 0;
  /** The text drawn: the entry's, or the part of it the wrapped row shows. */
  private shownText = '';
  /** Byte column of the line where `shownText` starts. */
  private startByte = 0;
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

  constructor(private readonly styleOf: (entry: CachedLine) => LineStyle, private readonly matchesOf: (entry: CachedLine, matcher: LineMatcher) => [number, number][]) {
    this.el = el('div', 'row');
    this.gutter = el('div', 'gutter', this.el);
    this.box = el('div', 'line', this.el);
    this.hl = el('div', 'highlights', this.box);
    this.sel = el('div', 'sel', this.box);
    this.text = el('div', 'text', this.box);
  }

  /** Gives the row to `line`, or to its row `row` while wrapping (its content is drawn again). */
  assign(line: number, row?: number): void {
    this.line = line;
    this.fresh = true;
    this.el.dataset.line = String(line);
    if (row === undefined) delete this.el.dataset.row;
    else this.el.dataset.row = String(row);
  }

  /** The font changed: text and highlights are drawn and measured again. */
  remeasure(): void {
    this.fresh = true;
    this.hlVersion = -1;
  }

  /**
   * Places the row `index` rows down and shows its line's number and `entry`, or
   * `placeholder`; while wrapping, `part` says which row of the line it is.
   */
  show(index: number, lineHeight: number, entry: CachedLine | undefined, placeholder: Placeholder, part?: WrappedRow): void {
    this.index = index;
    this.el.style.top = `${index * lineHeight}px`;
    const num = part && part.row > 0 ? '' : String(this.line + 1);
    if (this.numberText !== num) {
      this.gutter.textContent = num;
      this.numberText = num;
    }
    const moved = part?.from !== this.part?.from || part?.to !== this.part?.to || part?.start !== this.part?.start;
    this.part = part;
    this.el.classList.toggle('joined-above', part !== undefined && part.row > 0);
    this.el.classList.toggle('joined-below', part !== undefined && !part.last);
    if (entry) {
      if (this.fresh || this.entry !== entry || moved) {
        this.entry = entry;
        this.placeholder = '';
        const s = entry.slice;
        this.text.className = part && isCutLine(s.length) ? 'text cut-line' : 'text';
        const style = this.styleOf(entry);
        this.shownText = part ? s.text.slice(part.from, part.to) : s.text;
        this.startByte = part ? part.start : s.fromByte;
        this.rendered = renderText(this.text, this.shownText, part ? cutSpans(style.spans, part.from, part.to) : style.spans);
        this.setTint(style.tint);
        this.sentBytes = part ? part.end - part.start : byteLength(s.text);
        this.widthPx = -1;
        this.hlVersion = -1;
      }
    } else if (this.fresh || this.entry || this.placeholder !== placeholder) {
      this.entry = undefined;
      this.placeholder = placeholder;
      this.text.className = `text placeholder ${placeholder}`;
      this.text.textContent = placeholder === 'indexing' ? 'indexing…' : '…';
      this.setTint('');
      this.rendered = EMPTY_RENDER;
      this.shownText = '';
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
    const from = this.part ? scrollCol : this.entry ? this.entry.slice.fromByte : scrollCol;
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
    if (this.part) {
      if (!entry) return column === EOL ? undefined : 0;
      const rel = Math.max(0, Math.min(column, this.part.end) - this.startByte);
      return indexToClientX(this.text, this.rendered, this.shownText, byteToIndex(this.shownText, rel)) - at.left;
    }
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
    if (this.part) {
      if (!entry) return this.part.start;
      const index = clientXToIndex(this.rendered, this.shownText, x + at.left);
      return index >= this.shownText.length ? this.part.end : this.startByte + byteLength(this.shownText, 0, index);
    }
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
    const part = this.part;
    const all = entry && matcher ? this.matchesOf(entry, matcher) : [];
    const ranges = part ? all.filter(([a, b]) => b > part.from && a < part.to).map(([a, b]) => [Math.max(a, part.from) - part.from, Math.min(b, part.to) - part.from]) : all;
    const left = ranges.length > 0 ? this.text.getBoundingClientRect().left : 0;
    while (this.hl.children.length > ranges.length) this.hl.lastElementChild!.remove();
    ranges.forEach(([from, to], i) => {
      const box = (this.hl.children[i] as HTMLDivElement | undefined) ?? el('div', 'match', this.hl);
      const x1 = indexToClientX(this.text, this.rendered, this.shownText, from) - left;
      const x2 = indexToClientX(this.text, this.rendered, this.shownText, to) - left;
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

/** The rows on screen, by line (wrapped: by line and row), and the ones scrolled away kept for reuse. */
export class TextRows {
  /** The marked lines (the host's marks). */
  marked: ReadonlySet<number> = new Set();
  private readonly byKey = new Map<string, TextRow>();
  /** The rows on screen, top to bottom. */
  private screen: TextRow[] = [];
  private readonly free: TextRow[] = [];
  /** Colours and find matches of held lines, worked out once for all the rows of a line. */
  private styles = new WeakMap<CachedLine, LineStyle>();
  /** The styles are of wrapped rows, which show all of a line's window (coloured whole), not its start. */
  private wrappedStyles = false;
  private matches = new WeakMap<CachedLine, { matcher: LineMatcher; ranges: [number, number][] }>();

  constructor(private readonly container: HTMLElement, private readonly colouring: LogColouring, private readonly highlights: UserHighlights) {}

  /**
   * The row showing `line`, if it is on screen; while wrapping, its row holding byte
   * `column` (a row's end is the next row's start, unless `atRowEnd`).
   */
  at(line: number, column = 0, atRowEnd = false): TextRow | undefined {
    const whole = this.byKey.get(String(line));
    if (whole) return whole;
    for (const row of this.screen) {
      const p = row.part;
      if (row.line !== line || !p || column < p.start) continue;
      if (column < p.end || (column === p.end && atRowEnd) || (column >= p.end && p.last)) return row;
    }
    return undefined;
  }

  /** The row `index` rows down the screen. */
  atIndex(index: number): TextRow | undefined {
    return this.screen[index];
  }

  all(): IterableIterator<TextRow> {
    return this.byKey.values();
  }

  /** The font or the colouring changed: every row is drawn and measured again. */
  remeasure(): void {
    this.styles = new WeakMap();
    for (const row of this.byKey.values()) row.remeasure();
  }

  /**
   * Shows lines [top, end) from `cache`; lines at or past `available` are not indexed
   * yet. Rows of lines scrolled away are reused, new ones inserted in one go.
   */
  show(top: number, end: number, lineHeight: number, cache: LineCache, available: number): void {
    this.styleRows(false);
    if (this.colouring.deciding) this.decideColouring(top, Math.min(end, available, top + SNIFF_LINES), cache);
    const lines = Array.from({ length: Math.max(0, end - top) }, (_, i) => top + i);
    this.place(lines.map(String), (row, i) => {
      const line = top + i;
      if (row.line !== line) row.assign(line);
      row.show(i, lineHeight, cache.get(line), line >= available ? 'indexing' : 'loading');
      row.showMarked(this.marked.has(line));
    });
  }

  /** Shows the wrapped rows `rows`, top to bottom (word wrap); lines at or past `available` are not indexed yet. */
  showWrapped(rows: readonly WrappedRow[], lineHeight: number, cache: LineCache, available: number): void {
    this.styleRows(true);
    if (this.colouring.deciding && rows.length > 0) {
      this.decideColouring(rows[0].line, Math.min(rows[rows.length - 1].line + 1, available, rows[0].line + SNIFF_LINES), cache);
    }
    this.place(rows.map((r) => `${r.line}:${r.row}`), (row, i) => {
      const r = rows[i];
      if (row.line !== r.line || row.part?.row !== r.row) row.assign(r.line, r.row);
      if (r.entry) cache.get(r.line);
      row.show(i, lineHeight, r.entry, r.line >= available ? 'indexing' : 'loading', r);
      row.showMarked(r.row === 0 && this.marked.has(r.line));
    });
  }

  /** Keeps the rows whose keys are in `keys`, frees the others, and draws each with `draw` in order. */
  private place(keys: string[], draw: (row: TextRow, index: number) => void): void {
    const wanted = new Set(keys);
    for (const [key, row] of this.byKey) {
      if (wanted.has(key)) continue;
      this.byKey.delete(key);
      row.el.remove();
      row.line = -1;
      row.part = undefined;
      this.free.push(row);
    }
    const added: TextRow[] = [];
    this.screen = keys.map((key, i) => {
      let row = this.byKey.get(key);
      if (!row) {
        row = this.free.pop() ?? new TextRow((entry) => this.styleOf(entry), (entry, matcher) => this.matchesOf(entry, matcher));
        row.line = -1;
        this.byKey.set(key, row);
        added.push(row);
      }
      draw(row, i);
      return row;
    });
    if (added.length) {
      const frag = document.createDocumentFragment();
      for (const row of added) frag.appendChild(row.el);
      this.container.appendChild(frag);
    }
  }

  private styleRows(wrapped: boolean): void {
    if (wrapped === this.wrappedStyles) return;
    this.wrappedStyles = wrapped;
    this.styles = new WeakMap();
  }

  private styleOf(entry: CachedLine): LineStyle {
    let style = this.styles.get(entry);
    if (!style) {
      const colours = this.colouring.colours(entry.slice, this.wrappedStyles);
      const yours = this.highlights.active ? this.highlights.of(entry.slice.text) : undefined;
      style = {
        spans: yours ? layerSpans(colours.spans, yours.spans) : colours.spans,
        tint: yours?.lineClass ? `${colours.tint} ${yours.lineClass}`.trim() : colours.tint,
      };
      this.styles.set(entry, style);
    }
    return style;
  }

  private matchesOf(entry: CachedLine, matcher: LineMatcher): [number, number][] {
    const held = this.matches.get(entry);
    if (held?.matcher === matcher) return held.ranges;
    const ranges = lineMatches(matcher, entry.slice.text);
    this.matches.set(entry, { matcher, ranges });
    return ranges;
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
