import { Matcher, OnMatch, STOP, Window } from './matcher';

/**
 * A byte pattern with `??` wildcards (null). Finds the longest run of fixed bytes with
 * Buffer#indexOf, then checks the rest. Every position where the pattern matches is
 * a match, overlapping ones included (as a hex editor's "find next" from the next
 * byte would find them), so results do not depend on where a search starts.
 */
export class BytesMatcher implements Matcher {
  readonly lineAligned = false;
  readonly context = 0;
  readonly lookahead: number;
  private readonly anchor: Buffer;
  /** Where the anchor sits in the pattern. */
  private readonly anchorAt: number;

  constructor(private readonly pattern: readonly (number | null)[]) {
    this.lookahead = pattern.length;
    let best = { at: 0, length: 0 };
    for (let i = 0; i < pattern.length; ) {
      let j = i;
      while (j < pattern.length && pattern[j] !== null) j++;
      if (j - i > best.length) best = { at: i, length: j - i };
      i = j + 1;
    }
    this.anchorAt = best.at;
    this.anchor = Buffer.from(pattern.slice(best.at, best.at + best.length) as number[]);
  }

  scan(w: Window, onMatch: OnMatch): number {
    const { buf, acceptBefore } = w;
    const len = this.pattern.length;
    let at = w.scanFrom;
    for (;;) {
      const i = buf.indexOf(this.anchor, at + this.anchorAt);
      const start = i - this.anchorAt;
      if (i < 0 || start >= acceptBefore || start + len > buf.length) return Math.max(at, acceptBefore);
      if (!this.matchesAt(buf, start)) {
        at = start + 1;
        continue;
      }
      const next = onMatch(start, start + len);
      if (next === STOP) return STOP;
      at = next ?? start + 1;
    }
  }

  private matchesAt(buf: Buffer, start: number): boolean {
    const p = this.pattern;
    for (let k = 0; k < p.length; k++) {
      if (p[k] !== null && buf[start + k] !== p[k]) return false;
    }
    return true;
  }
}
