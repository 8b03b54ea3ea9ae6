import { usageError } from '../mmap/errors';
import type { Segment } from './saveTypes';

/** A half-open byte range [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** Old bytes [start, end) of the file, kept in the journal at byte `at` of the journal file. */
export interface SavedRange extends Range {
  at: number;
}

/** A run of the new file at `at`: copied from the old file at `offset`, or new `data`. */
export type Piece =
  | { at: number; length: number; from: 'file'; offset: number }
  | { at: number; length: number; from: 'bytes'; data: Uint8Array };

/** What a save has to do, computed from the segments alone (no I/O). */
export interface SaveLayout {
  oldSize: number;
  newSize: number;
  /** Non-empty pieces in order, covering [0, newSize). */
  pieces: Piece[];
  /** First offset where the new content differs from the old layout. */
  firstChange: number;
  /** New-file ranges to write, sorted and disjoint. */
  writes: Range[];
  /** Old-file ranges that the save overwrites or truncates away: what the journal keeps. */
  saved: Range[];
}

/**
 * Unchanged gaps shorter than this between two writes are rewritten with their
 * own bytes: a page is written back whole anyway, and dense edits then cost a few
 * large writes instead of one call each. The journal does not keep such a gap: a
 * byte rewritten with its own value is never wrong, whenever the save stops.
 */
const MERGE_GAP = 4096;

/**
 * Unchanged gaps up to this size between two saved ranges are journaled with them:
 * a separate range costs as much in the journal's header (16 bytes).
 */
const RANGE_COST = 16;

/**
 * Most ranges a journal header holds (16 bytes each). Edits scattered more densely
 * than that are journaled with their gaps: recovery must be able to read every
 * header a save could write.
 */
export const MAX_RANGES = 1 << 20;

/**
 * Validates `segments` against a file of `oldSize` bytes and works out which bytes
 * change. A piece is unchanged when it is `original` at its own offset; everything
 * else is written, and the old bytes it replaces are journaled. Throws
 * ERR_INVALID_ARG_VALUE for a segment outside the file.
 */
export function layoutOf(segments: readonly Segment[], oldSize: number, maxRanges = MAX_RANGES): SaveLayout {
  checkSize('originalSize', oldSize);
  const pieces: Piece[] = [];
  const writes: Range[] = [];
  let saved: Range[] = [];
  let at = 0;
  segments.forEach((s, i) => {
    const piece = pieceOf(s, i, at, oldSize);
    if (piece.length === 0) return;
    pieces.push(piece);
    if (piece.from === 'bytes' || piece.offset !== at) {
      addRange(writes, at, at + piece.length, MERGE_GAP);
      if (at < oldSize) addRange(saved, at, Math.min(at + piece.length, oldSize), RANGE_COST);
    }
    at += piece.length;
  });
  const newSize = at;
  for (let gap = MERGE_GAP; saved.length > maxRanges - 1; gap *= 16) {
    const merged: Range[] = [];
    for (const r of saved) addRange(merged, r.start, r.end, gap);
    saved = merged;
  }
  if (newSize < oldSize) addRange(saved, newSize, oldSize, 0);
  const firstChange = Math.min(writes.length > 0 ? writes[0].start : newSize, newSize, oldSize);
  return { oldSize, newSize, pieces, firstChange, writes, saved };
}

/** Places the saved ranges one after another in the journal, from `dataOffset`. */
export function placeSaved(saved: readonly Range[], dataOffset: number): SavedRange[] {
  let at = dataOffset;
  return saved.map((r) => {
    const placed = { start: r.start, end: r.end, at };
    at += r.end - r.start;
    return placed;
  });
}

/** Total bytes of `ranges`. */
export function totalBytes(ranges: readonly Range[]): number {
  return ranges.reduce((sum, r) => sum + (r.end - r.start), 0);
}

/** Index of the last item whose `key` is <= `value`, or -1 (items sorted by key). */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1; // array indexes, not offsets: Int32 math is safe here
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function pieceOf(s: Segment, i: number, at: number, oldSize: number): Piece {
  if (s !== null && typeof s === 'object' && s.kind === 'original') {
    checkSize(`segments[${i}].offset`, s.offset);
    checkSize(`segments[${i}].length`, s.length);
    if (s.offset + s.length > oldSize) {
      throw usageError('ERR_INVALID_ARG_VALUE', `segments[${i}] [${s.offset}, ${s.offset + s.length}) is past the end of the original file (${oldSize} bytes)`);
    }
    return { at, length: s.length, from: 'file', offset: s.offset };
  }
  if (s !== null && typeof s === 'object' && s.kind === 'bytes' && s.data instanceof Uint8Array) {
    return { at, length: s.data.length, from: 'bytes', data: s.data };
  }
  throw usageError('ERR_INVALID_ARG_VALUE', `segments[${i}] must be {kind:'original', offset, length} or {kind:'bytes', data: Buffer}`);
}

function checkSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw usageError('ERR_INVALID_ARG_VALUE', `${name} must be an integer >= 0, got ${String(value)}`);
  }
}

/** Appends [start, end) to sorted `ranges`, joining the last one when the gap is at most `gap`. */
function addRange(ranges: Range[], start: number, end: number, gap: number): void {
  const last = ranges[ranges.length - 1];
  if (last && start - last.end <= gap) {
    last.end = Math.max(last.end, end);
  } else {
    ranges.push({ start, end });
  }
}
