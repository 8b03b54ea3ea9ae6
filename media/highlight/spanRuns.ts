/**
 * Cuts a run of plain text into pieces at the boundaries of classed spans (the log
 * colouring's), so that the renderer can wrap each coloured piece in a <span> while
 * keeping one text node per piece: pieces cover the run exactly, in order, and never
 * change the text.
 */

/** [start, end) of a line's text drawn with `className`; sorted, never overlapping. */
export interface ClassSpan {
  start: number;
  end: number;
  className: string;
}

/**
 * Calls `piece` for each part of [from, to): with the class of the span it lies in,
 * without one between spans. `first` is the index of a span not wholly before `from`
 * (0 will do); returns the same for the next run, which starts at or after `to`.
 */
export function splitRun(spans: readonly ClassSpan[], first: number, from: number, to: number,
  piece: (start: number, end: number, className?: string) => void): number {
  let i = first;
  while (i < spans.length && spans[i].end <= from) i++;
  let at = from;
  while (at < to) {
    const span = spans[i];
    if (!span || span.start >= to) {
      piece(at, to);
      break;
    }
    if (span.start > at) {
      piece(at, span.start);
      at = span.start;
    }
    const end = Math.min(span.end, to);
    piece(at, end, span.className);
    at = end;
    if (span.end <= to) i++;
  }
  return i;
}
