import { LastMatches } from './lastMatches';
import { Matcher } from './matcher';
import { RangeReader, searchRange } from './searchRange';

/**
 * Finds the last `max` matches in [from, to), going back one window-sized range at a
 * time and searching each range forward. Text and regex ranges start at line starts
 * (matches never span lines, so each range finds what a search from `from` would);
 * byte ranges overlap by the pattern's length. `onRange` gets each range's matches,
 * last first; it and `onProgress` (bytes covered) return false to stop. Returns
 * whether it stopped at `max` matches (earlier ones may exist).
 */
export function searchBackward(
  r: RangeReader, matcher: Matcher, from: number, to: number, max: number,
  onRange: (matches: { offset: number; length: number }[]) => boolean, onProgress: (covered: number) => boolean,
): { stoppedEarly: boolean } {
  let hi = to;
  let found = 0;
  // As forward: an empty range at the end of the stream is searched once (for an empty match there).
  for (let first = true; (hi > from || (first && hi === r.stream.size)) && found < max; first = false) {
    let lo = Math.max(from, hi - r.plan.chunk);
    lo += (lo - from) % r.plan.lineBreak.unitBytes;
    if (r.plan.lineAligned && lo > from) lo = lineStartIn(r, lo, hi, from);
    const last = new LastMatches(max - found);
    const rangeTo = r.plan.lineAligned ? hi : Math.min(to, hi + matcher.lookahead - 1);
    const rangeFrom = lo;
    const complete = searchRange(r, matcher, lo, rangeTo, undefined, (offset, length) => {
      if (r.plan.lineAligned || offset < hi) last.push(offset, length);
      return true;
    }, (pos) => onProgress(to - hi + Math.min(pos, hi) - rangeFrom));
    if (!complete) return { stoppedEarly: false };
    const matches = last.newestFirst();
    found += matches.length;
    if (matches.length > 0 && !onRange(matches)) return { stoppedEarly: false };
    hi = lo;
  }
  return { stoppedEarly: found >= max };
}

/**
 * The first line start in (lo, hi), or, when the line ending at hi runs back past lo
 * (a long line), the start of that line (or `from`).
 */
function lineStartIn(r: RangeReader, lo: number, hi: number, from: number): number {
  const view = r.buffer.subarray(0, hi - lo);
  r.stream.read(lo, view, view.length);
  const { lineBreak } = r.plan;
  const u = lineBreak.unitBytes;
  const newline = lineBreak.indexOf(view);
  if (newline >= 0 && lo + newline + u < hi) return lo + newline + u;
  for (let at = lo; at > from; ) {
    const start = Math.max(from, at - r.plan.chunk + ((at - r.plan.chunk - from) % u));
    const back = r.buffer.subarray(0, at - start);
    r.stream.read(start, back, back.length);
    const last = lineBreak.lastIndexOf(back);
    if (last >= 0) return start + last + u;
    at = start;
  }
  return from;
}
