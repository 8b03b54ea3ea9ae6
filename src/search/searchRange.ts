import { LineCounter } from './lineCounter';
import { Matcher, STOP } from './matcher';
import { ByteStream } from './segments';
import { forEachWindow, WindowPlan } from './windows';

/** Takes one match (stream offset, length, line or -1); false stops the search. */
export type MatchSink = (offset: number, length: number, line: number) => boolean;

/** Where a range search reads: the stream, a scan buffer big enough for the plan, the plan. */
export interface RangeReader {
  stream: ByteStream;
  buffer: Buffer;
  plan: WindowPlan;
}

/**
 * Searches forward from `from` and reports, in order, the matches that end at or
 * before `to` (an empty match at `to` only when `to` is the end of the stream); it
 * stops at the first match past `to`. With a counter, each match gets its line.
 * `onProgress` gets the offset reached after each window and can stop the search
 * (false). Returns false when stopped by the sink or onProgress.
 */
export function searchRange(
  r: RangeReader, matcher: Matcher, from: number, to: number, counter: LineCounter | undefined,
  onMatch: MatchSink, onProgress?: (pos: number) => boolean,
): boolean {
  const toIsEnd = to === r.stream.size;
  let stopped = false;
  forEachWindow(r.stream, r.buffer, from, to, r.plan, (w) => matcher.scan(w, (s, e) => {
    const start = w.start + s;
    const end = w.start + e;
    if (end > to || (start === to && !toIsEnd)) return STOP;
    if (onMatch(start, end - start, counter ? counter.at(w, start) : -1)) return undefined;
    stopped = true;
    return STOP;
  }), {
    counter,
    onProgress: onProgress && ((pos) => {
      stopped = !onProgress(pos);
      return !stopped;
    }),
  });
  return !stopped;
}
