import type { LineBreak } from '../lines/lineBreak';

/** True when a match ending at `end` took the `\r` of a `\r\n` the line break eats (or ends between the two). */
export function touchesCrLf(buf: Uint8Array, end: number, lineBreak: LineBreak): boolean {
  const u = lineBreak.unitBytes;
  return lineBreak.eatsCr && end >= u && lineBreak.isBreakAt(buf, end) && lineBreak.isCrAt(buf, end - u);
}

/** True when [start, end) lies inside one line's text: no line break, and not the `\r` of a `\r\n`. */
export function insideLine(buf: Buffer, start: number, end: number, lineBreak: LineBreak): boolean {
  const newline = lineBreak.indexOf(buf, start);
  return (newline < 0 || newline >= end) && !touchesCrLf(buf, end, lineBreak);
}
