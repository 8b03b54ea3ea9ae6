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
  /** Colours no class can name (an ANSI true colour), set through the CSSOM (the page's CSP allows no inline style). */
  style?: { color?: string; backgroundColor?: string };
}

/** The class of the span holding `index`, if any. */
export function classAt(spans: readonly ClassSpan[], index: number): ClassSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= index) lo = mid + 1;
    else if (spans[mid].start > index) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/**
 * Calls `piece` for each part of [from, to): with the class of the span it lies in,
 * without one between spans. `first` is the index of a span not wholly before `from`
 * (0 will do); returns the same for the next run, which starts at or after `to`.
 */
export function splitRun(spans: readonly ClassSpan[], first: number, from: number, to: number,
  piece: (start: number, end: number, span?: ClassSpan) => void): number {
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
    piece(at, end, span);
    at = end;
    if (span.end <= to) i++;
  }
  return i;
}

/**
 * Two lists of spans as one: each part gets the classes of every span it lies in
 * (`top`'s after `base`'s) and their styles (`top`'s winning), cut where either list
 * starts or ends a span.
 */
export function layerSpans(base: readonly ClassSpan[], top: readonly ClassSpan[]): ClassSpan[] {
  if (top.length === 0) return [...base];
  if (base.length === 0) return [...top];
  const cuts = [...new Set([...base, ...top].flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out: ClassSpan[] = [];
  let b = 0;
  let t = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const [start, end] = [cuts[c], cuts[c + 1]];
    while (b < base.length && base[b].end <= start) b++;
    while (t < top.length && top[t].end <= start) t++;
    const under = base[b]?.start <= start ? base[b] : undefined;
    const over = top[t]?.start <= start ? top[t] : undefined;
    const className = [under?.className, over?.className].filter(Boolean).join(' ');
    if (!className) continue;
    const style = under?.style && over?.style ? { ...under.style, ...over.style } : over?.style ?? under?.style;
    const last = out[out.length - 1];
    if (last && last.end === start && last.className === className && last.style === style) last.end = end;
    else out.push(style ? { start, end, className, style } : { start, end, className });
  }
  return out;
}
