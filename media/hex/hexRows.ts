/**
 * The DOM of hex rows: an offset, `bytesPerRow` byte cells and as many character
 * cells. Rows are reused while scrolling; a cell is written only when its text or
 * classes change, so a repaint after a keystroke touches a few nodes.
 */
import { el } from '../dom';
import type { Column } from './hexCursor';
import { byteHex, printable } from './hexFormat';

/** Cells in a group; a wider gap separates groups (8: the usual split of a 16-byte row). */
export const GROUP_BYTES = 8;

/** What a cell shows beyond its text. */
export interface CellMarks {
  selected: boolean;
  edited: boolean;
  /** The caret is on this byte, typing going to this column (the other column shows a fainter mark). */
  caret: Column | undefined;
  /** Part of a find match: the one find selected (`found`), or another. */
  match: 'found' | 'other' | undefined;
}

interface Cell {
  node: HTMLSpanElement;
  text: string;
  cls: string;
}

export class HexRow {
  readonly el: HTMLDivElement;
  /** Offset of the row's first byte; -1 while unused. */
  offset = -1;
  private readonly offsetEl: HTMLSpanElement;
  private offsetText = '';
  private readonly hex: Cell[] = [];
  private readonly chars: Cell[] = [];

  constructor(bytesPerRow: number) {
    this.el = el('div', 'hex-row');
    this.offsetEl = el('span', 'hex-offset', this.el);
    const bytes = el('span', 'hex-bytes', this.el);
    const chars = el('span', 'hex-chars', this.el);
    for (let i = 0; i < bytesPerRow; i++) {
      this.hex.push(cell(bytes, i));
      this.chars.push(cell(chars, i));
    }
  }

  setOffset(text: string): void {
    if (text === this.offsetText) return;
    this.offsetText = text;
    this.offsetEl.textContent = text;
  }

  /**
   * Paints cell `i`: `byte` is its value, undefined while not loaded, null past the
   * end of the file. `pendingDigit` shows a first typed hex digit over the byte.
   */
  paint(i: number, byte: number | null | undefined, marks: CellMarks, pendingDigit?: string): void {
    // Class names all start with hex-: the text view's stylesheet owns .sel and .caret.
    const state = byte === null ? ' hex-eof' : byte === undefined ? ' hex-loading' : '';
    const match = marks.match === 'found' ? ' hex-found' : marks.match === 'other' ? ' hex-match' : '';
    const flags = `${marks.selected ? ' hex-sel' : ''}${marks.edited ? ' hex-edited' : ''}${match}`;
    const gap = i > 0 && i % GROUP_BYTES === 0 ? ' hex-gap' : '';
    const caretOf = (column: Column) => (marks.caret === undefined ? '' : marks.caret === column ? ' hex-caret' : ' hex-caret-mirror');
    let hexText = byte === null ? '  ' : byte === undefined ? '··' : byteHex(byte);
    if (pendingDigit !== undefined) hexText = pendingDigit + hexText[1];
    set(this.hex[i], hexText, `hb${gap}${state}${flags}${caretOf('hex')}${pendingDigit !== undefined ? ' hex-pending' : ''}`);
    set(this.chars[i], byte === null ? ' ' : byte === undefined ? '·' : printable(byte), `hc${state}${flags}${caretOf('text')}`);
  }
}

/**
 * Width of a row in character cells, as hex.css lays it out: the offset column
 * (digits + 3), three cells a byte plus one a group gap, the text column (one a byte)
 * with its margin and padding (4).
 */
export function rowChars(offsetDigits: number, bytesPerRow: number): number {
  return offsetDigits + 3 + 3 * bytesPerRow + Math.floor((bytesPerRow - 1) / GROUP_BYTES) + 4 + bytesPerRow;
}

/**
 * Where cell `i` of a column lies, in character cells from the start of the byte
 * cells (the offset column's right edge), as rowChars counts them: [start, end).
 */
export function cellSpan(bytesPerRow: number, i: number, column: Column): [number, number] {
  if (column === 'hex') return [3 * i + Math.floor(i / GROUP_BYTES), 3 * i + Math.floor(i / GROUP_BYTES) + 3];
  // The hex cells, then the text column's margin and padding.
  const start = 3 * bytesPerRow + Math.floor((bytesPerRow - 1) / GROUP_BYTES) + 3 + i;
  return [start, start + 1];
}

/** The column headings: "Offset", the byte numbers within a row, "Decoded text" ("Text" over a narrow column). */
export function headerRow(bytesPerRow: number): HTMLDivElement {
  const row = el('div', 'hex-row hex-header');
  row.setAttribute('aria-hidden', 'true');
  el('span', 'hex-offset', row).textContent = 'Offset';
  const bytes = el('span', 'hex-bytes', row);
  for (let i = 0; i < bytesPerRow; i++) {
    el('span', i > 0 && i % GROUP_BYTES === 0 ? 'hb hex-gap' : 'hb', bytes).textContent = byteHex(i % 256);
  }
  el('span', 'hex-chars', row).textContent = bytesPerRow >= 12 ? 'Decoded text' : 'Text';
  return row;
}

function cell(parent: HTMLElement, i: number): Cell {
  const node = el('span', '', parent);
  node.dataset.i = String(i);
  return { node, text: '', cls: '' };
}

function set(c: Cell, text: string, cls: string): void {
  if (c.text !== text) {
    c.text = text;
    c.node.textContent = text;
  }
  if (c.cls !== cls) {
    c.cls = cls;
    c.node.className = cls;
  }
}
