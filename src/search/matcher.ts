/**
 * A piece of the stream handed to matchers. Matchers look for matches starting in
 * [scanFrom, acceptBefore); bytes outside that are context (before) and lookahead
 * (after) so that matches straddling piece boundaries are found exactly once.
 */
export interface Window {
  /** Stream bytes from `start`: a view of the scan buffer, valid until the next window. */
  readonly buf: Buffer;
  /** Stream offset of buf[0]. */
  readonly start: number;
  /** Index where matches may start (bytes before it are context). */
  readonly scanFrom: number;
  /** Index where the line holding scanFrom starts, or -1 when it starts before buf[0] or that is not known (no context read). */
  readonly lineStart: number;
  /** Matches starting at or after this index are left to the next window (equals buf.length unless cut). */
  readonly acceptBefore: number;
  /**
   * True when buf ends inside a line (line-aligned windows), or anywhere but the end of
   * the stream (byte windows). Uncut line-aligned windows end right after a newline,
   * or at the end of the stream.
   */
  readonly cut: boolean;
}

/** What a match callback returns: STOP, or where to search on (an index), or undefined for "after this match". */
export const STOP = -1;

/** Called with each match [start, end) (indices into window.buf), in order. */
export type OnMatch = (start: number, end: number) => number | undefined;

/** A compiled query. */
export interface Matcher {
  /** Matches never contain a newline: windows may end at line ends (regex needs them to). */
  readonly lineAligned: boolean;
  /** Bytes needed before scanFrom when it is not a line start (1 for whole-word checks). */
  readonly context: number;
  /** Bytes needed from a match's start to find and check it (so a cut window overlaps the next by this much). */
  readonly lookahead: number;
  /**
   * Reports the window's matches that start in [scanFrom, acceptBefore), in order.
   * Returns STOP if onMatch did, else the index the next window must search from
   * (at least acceptBefore; past it when the last match ended there).
   */
  scan(w: Window, onMatch: OnMatch): number;
}
