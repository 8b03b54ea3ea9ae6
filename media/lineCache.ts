import type { LineSlice } from '../src/editor/protocol';
import { byteLength, byteToIndex } from './lineRenderer';

/** Column meaning "end of the line" while the line's length is not known yet. */
export const EOL = Number.MAX_SAFE_INTEGER;

/** A line as received, with the horizontal window it was asked for. */
export interface CachedLine {
  slice: LineSlice;
  /** `fromByte` and `maxBytes` of the request that brought it. */
  reqFrom: number;
  reqMax: number;
  /** Still shown, but the file changed there (an edit, growth, truncation): ask again. */
  stale?: boolean;
  /**
   * The text may differ from the document's (a change the view did not predict: undo,
   * another view's edit, the disk): keys that read it wait for the host's version.
   */
  doubt?: boolean;
}

/** True when the slice holds the whole line, so it serves any horizontal window. */
export function isWholeLine(entry: CachedLine): boolean {
  return entry.reqFrom === 0 && entry.slice.length <= entry.reqMax;
}

/** True when `entry` can be shown for the window [fromByte, fromByte + maxBytes): the whole line, or a window at least as long from there. */
export function coversWindow(entry: CachedLine, fromByte: number, maxBytes = 0): boolean {
  return isWholeLine(entry) || (entry.reqFrom === fromByte && entry.reqMax >= maxBytes);
}

/**
 * A bounded LRU of lines: the viewer never holds more than `capacity` lines nor more
 * than `maxChars` characters of text (a file of long lines fills a window of 16 KB per
 * line), however far the user scrolls. A Map keeps insertion order, so re-inserting on
 * use makes its first key the least recently used.
 */
export class LineCache {
  private readonly map = new Map<number, CachedLine>();
  private chars = 0;

  constructor(private readonly capacity = 5000, private readonly maxChars = 4_000_000) {}

  get size(): number {
    return this.map.size;
  }

  /** Characters of text held. */
  get textChars(): number {
    return this.chars;
  }

  /** Looks a line up and marks it recently used. */
  get(line: number): CachedLine | undefined {
    const entry = this.map.get(line);
    if (entry) {
      this.map.delete(line);
      this.map.set(line, entry);
    }
    return entry;
  }

  /** Looks a line up without touching its age. */
  peek(line: number): CachedLine | undefined {
    return this.map.get(line);
  }

  /**
   * Where byte `column` of `line` falls in the cached text, if its window covers it and
   * the text is not in doubt (its age untouched).
   */
  textAt(line: number, column: number): { slice: LineSlice; index: number } | undefined {
    const entry = this.map.get(line);
    if (!entry || entry.doubt) return undefined;
    const s = entry.slice;
    const col = Math.min(column, s.length);
    const rel = col - s.fromByte;
    if (rel < 0) return undefined;
    const index = byteToIndex(s.text, rel);
    if (index === s.text.length && s.fromByte + byteLength(s.text) < col) return undefined;
    return { slice: s, index };
  }

  /** The line's length in bytes, if it is held and not in doubt (its age untouched). */
  lineLength(line: number): number | undefined {
    const entry = this.map.get(line);
    return entry && !entry.doubt ? entry.slice.length : undefined;
  }

  set(line: number, entry: CachedLine): void {
    this.delete(line);
    this.map.set(line, entry);
    this.chars += entry.slice.text.length;
    // The newest entry always stays, even if it alone is over the budget.
    while (this.map.size > 1 && (this.map.size > this.capacity || this.chars > this.maxChars)) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(line: number): void {
    const old = this.map.get(line);
    if (!old) return;
    this.chars -= old.slice.text.length;
    this.map.delete(line);
  }

  /**
   * Marks every line at or after `line` stale: still shown (no flicker of placeholders
   * after each keystroke) but fetched again when in view; `doubt`: not to be read by
   * keys until then either.
   */
  markStale(line: number, doubt = false): void {
    for (const [key, entry] of this.map) {
      if (key >= line && (!entry.stale || (doubt && !entry.doubt))) this.map.set(key, { ...entry, stale: true, doubt: doubt || entry.doubt });
    }
  }

  /**
   * Lines after `after` move by `delta` (an edit added or removed lines before them);
   * those an edit removed (`delta` < 0) must be deleted first. Ages are kept.
   */
  shift(after: number, delta: number): void {
    if (delta === 0) return;
    const entries = [...this.map];
    this.map.clear();
    for (const [key, entry] of entries) {
      if (key <= after) this.map.set(key, entry);
      else this.map.set(key + delta, { ...entry, slice: { ...entry.slice, line: key + delta } });
    }
  }

  /** Forgets every line at or after `line`. */
  deleteFrom(line: number): void {
    for (const key of [...this.map.keys()]) if (key >= line) this.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}
