/** The text view's size measures a wheel movement is converted with. */
export interface WheelMetrics {
  lineHeight: number;
  charWidth: number;
  /** Rows a page holds. */
  rows: number;
  textWidth: number;
}

/** How far a wheel event moves, in lines and columns, whatever unit (pixels, lines, pages) it came in. */
export function wheelMovement(e: WheelEvent, m: WheelMetrics): { lines: number; cols: number } {
  let dx = e.deltaX;
  let dy = e.deltaY;
  if (e.shiftKey && dx === 0) {
    // Shift turns a plain wheel sideways.
    dx = dy;
    dy = 0;
  }
  if (e.deltaMode === WheelEvent.DOM_DELTA_LINE) return { lines: dy, cols: (dx * m.lineHeight) / m.charWidth };
  if (e.deltaMode === WheelEvent.DOM_DELTA_PAGE) return { lines: dy * m.rows, cols: (dx * m.textWidth) / m.charWidth };
  return { lines: dy / m.lineHeight, cols: dx / m.charWidth };
}
