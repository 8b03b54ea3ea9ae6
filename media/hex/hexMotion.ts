/**
 * Where the hex caret goes. The caret is a boundary between bytes, 0..size (size:
 * after the last byte, where typing appends), drawn on the byte after it; a
 * selection is the bytes between the anchor and the caret. Rows are bytesPerRow
 * wide and counted from offset 0, so no line index is needed.
 */

export type Motion = 'left' | 'right' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'rowStart' | 'rowEnd' | 'fileStart' | 'fileEnd';

/** Rows the view scrolls over: one more when the end of the file starts a row, for the caret there. */
export function rowCount(size: number, bytesPerRow: number): number {
  return Math.floor(size / bytesPerRow) + 1;
}

/** The selected bytes [start, end), whichever way the selection was made. */
export function selectionOf(anchor: number, caret: number): { start: number; end: number } {
  return anchor <= caret ? { start: anchor, end: caret } : { start: caret, end: anchor };
}

/**
 * The caret after `motion`. `extend` (Shift) matters for rowEnd: moving, the caret
 * lands on the row's last byte; selecting, just after it, so that byte is included.
 * A selection that ends just after a row (Shift+End made it) still ends on that row:
 * Shift+End again keeps it, Shift+Home goes to that row's start (`anchor` tells).
 */
export function moveCaret(caret: number, motion: Motion, size: number, bytesPerRow: number, pageRows: number, extend: boolean, anchor = caret): number {
  const clampTo = (x: number) => Math.min(size, Math.max(0, x));
  const onRow = extend && caret > anchor && caret % bytesPerRow === 0 ? caret - 1 : caret;
  const rowStart = Math.floor(onRow / bytesPerRow) * bytesPerRow;
  switch (motion) {
    case 'left': return clampTo(caret - 1);
    case 'right': return clampTo(caret + 1);
    case 'up': return clampTo(caret - bytesPerRow);
    case 'down': return clampTo(caret + bytesPerRow);
    case 'pageUp': return clampTo(caret - pageRows * bytesPerRow);
    case 'pageDown': return clampTo(caret + pageRows * bytesPerRow);
    case 'rowStart': return rowStart;
    case 'rowEnd': return clampTo(rowStart + bytesPerRow - (extend ? 0 : 1));
    case 'fileStart': return 0;
    case 'fileEnd': return size;
  }
}

/**
 * A drag from the byte under the press to the byte under the pointer selects both
 * and everything between, in either direction: the anchor and caret that make it.
 */
export function dragSelection(pressedByte: number, pointerByte: number, size: number): { anchor: number; caret: number } {
  if (pointerByte >= pressedByte) return { anchor: pressedByte, caret: Math.min(size, pointerByte + 1) };
  return { anchor: Math.min(size, pressedByte + 1), caret: pointerByte };
}
