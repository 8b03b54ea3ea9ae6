/**
 * Where the find query matches in the bytes the hex view holds, to highlight every
 * visible match: the search engine's rules (src/search) applied to a window around
 * the visible rows. Byte patterns match at every position, overlapping ones included
 * (BytesMatcher); text and regex queries match per line of text read in the file's
 * encoding and line ends (textReading.ts), as the engine's and the text view's
 * matchers do (lineMatches.ts), mapped back to bytes.
 */
import type { SearchQuery } from '../../src/search/query';
import { type LineMatcher, lineMatches } from '../../src/search/lineMatches';
import { forEachLine, type TextReading } from '../../src/search/textReading';

/** [start, end) byte offsets of one match. */
export type ByteRange = [number, number];

/**
 * Bytes read on each side of the visible ones, at least: a match that starts or ends
 * off screen, and the byte before and after a whole word, are seen whole.
 */
const CONTEXT_BYTES = 256;

/**
 * Matches of `query` that touch bytes [from, to) of a file of `size` bytes, in
 * order. `byteAt` gives a byte or undefined when it is not loaded: matches are
 * looked for only in runs of loaded bytes. `matcher` is the query's compiled line
 * matcher (undefined for byte patterns); `reading` how the bytes read as text.
 */
export function visibleMatches(query: SearchQuery, matcher: LineMatcher | undefined, reading: TextReading,
  byteAt: (offset: number) => number | undefined, from: number, to: number, size: number): ByteRange[] {
  const context = Math.max(CONTEXT_BYTES, patternBytes(query, reading) + 1);
  const start = Math.max(0, from - context);
  const end = Math.min(size, to + context);
  const out: ByteRange[] = [];
  let run: number[] = [];
  const flush = (runEnd: number) => {
    const base = runEnd - run.length;
    const bytes = Uint8Array.from(run);
    const found = query.kind === 'bytes' ? patternMatches(query.pattern, bytes) : textMatches(matcher, reading, bytes, base);
    for (const [a, b] of found) if (base + b > from && base + a < to) out.push([base + a, base + b]);
    run = [];
  };
  for (let at = start; at < end; at++) {
    const byte = byteAt(at);
    if (byte !== undefined) run.push(byte);
    else if (run.length > 0) flush(at);
  }
  if (run.length > 0) flush(end);
  return out;
}

/** The length of the longest match the query's text or pattern spells out (a regex: 0, unknown). */
function patternBytes(query: SearchQuery, reading: TextReading): number {
  if (query.kind === 'bytes') return query.pattern.length;
  if (query.kind !== 'text') return 0;
  return reading.units === 'utf8' ? new TextEncoder().encode(query.text).length : query.text.length * (reading.units === 'utf16' ? 2 : 1);
}

/** Every position where `pattern` (null: any byte) matches. */
function patternMatches(pattern: readonly (number | null)[], bytes: Uint8Array): ByteRange[] {
  const out: ByteRange[] = [];
  for (let i = 0; i + pattern.length <= bytes.length; i++) {
    let k = 0;
    while (k < pattern.length && (pattern[k] === null || pattern[k] === bytes[i + k])) k++;
    if (k === pattern.length) out.push([i, i + pattern.length]);
  }
  return out;
}

/** Matches in each line of `bytes` (file offset `base`), as byte ranges in `bytes`. */
function textMatches(matcher: LineMatcher | undefined, reading: TextReading, bytes: Uint8Array, base: number): ByteRange[] {
  const out: ByteRange[] = [];
  forEachLine(reading, bytes, base, (line) => {
    for (const [a, b] of lineMatches(matcher, line.text, line.end - line.start)) out.push([line.byteAt(a), line.byteAt(b)]);
  });
  return out;
}

/** The visible matches as a mark per byte, found again only when the query, the window or the bytes change. */
export class MatchMarks {
  private key = '';
  private from = 0;
  private marks = new Uint8Array(0);

  /**
   * Marks the matches touching bytes [from, to) (see visibleMatches); `key` names
   * everything else they depend on (the query's and the bytes' versions).
   */
  update(key: string, query: SearchQuery | undefined, matcher: LineMatcher | undefined, reading: TextReading,
    byteAt: (offset: number) => number | undefined, from: number, to: number, size: number): void {
    const full = `${key}:${from}:${to}:${size}`;
    if (full === this.key) return;
    this.key = full;
    this.from = from;
    this.marks = new Uint8Array(query ? to - from : 0);
    if (!query) return;
    for (const [a, b] of visibleMatches(query, matcher, reading, byteAt, from, to, size)) {
      this.marks.fill(1, Math.max(a, from) - from, Math.min(b, to) - from);
    }
  }

  /** True when the byte at `offset` is part of a match. */
  has(offset: number): boolean {
    return this.marks[offset - this.from] === 1;
  }
}
