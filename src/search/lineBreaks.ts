export const LF = 10;
export const CR = 13;

/** True when a match ending at `end` took the `\r` of a `\r\n` (or ends between the two). */
export function touchesCrLf(buf: Uint8Array, end: number): boolean {
  return end > 0 && buf[end] === LF && buf[end - 1] === CR;
}

/** True when [start, end) lies inside one line's text: no newline, and not the `\r` of a `\r\n`. */
export function insideLine(buf: Buffer, start: number, end: number): boolean {
  const newline = buf.indexOf(LF, start);
  return (newline < 0 || newline >= end) && !touchesCrLf(buf, end);
}
