import { NewlineScanner, Probe } from '../lines/newlineScanner';
import { STOP } from './matcher';

/** Candidate positions fetched per kernel call. */
const BATCH = 1024;
/** Bytes of the first window whose byte counts decide which pattern bytes are rare. */
const SAMPLE = 64 * 1024;
/** More candidates than one per this many bytes: the probes are not selective, use indexOf. */
const MAX_DENSITY = 32;

/**
 * Finds a byte pattern (null = any byte) in windows. The SIMD `probe` kernel screens
 * 64 positions at a time by three of the pattern's rarest bytes and JS checks the few
 * candidates: several times faster than Buffer#indexOf on log text, whose every line
 * shares most of a typical needle's bytes. Rarity is counted on the first window
 * searched. Should the probes still pass more than one position in 32 (a pattern of
 * bytes common in this file), Buffer#indexOf on its longest fixed run takes over.
 */
export class BytePattern {
  readonly length: number;
  private probes: Probe[] | undefined;
  /** Fixed bytes the probes do not cover: what a candidate is checked for. */
  private rest: Probe[] = [];
  private readonly out = new Uint32Array(BATCH);
  private candidates = 0;
  private screened = 0;
  private readonly anchor: Buffer;
  private readonly anchorAt: number;

  constructor(private readonly pattern: readonly (number | null)[], private readonly scanner: NewlineScanner) {
    this.length = pattern.length;
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

  /**
   * Calls `visit` with each i in [from, to) where the pattern matches buf at i, in
   * order (to - 1 + length must not pass buf.length). `visit` returns where to look
   * on from (after i), or STOP. Returns false when stopped.
   */
  forEach(buf: Buffer, from: number, to: number, visit: (i: number) => number): boolean {
    if (from >= to) return true;
    this.probes ??= this.pickProbes(buf.subarray(from, Math.min(buf.length, from + SAMPLE)));
    if (this.candidates > 65536 && this.candidates * MAX_DENSITY > this.screened) return this.forEachByIndexOf(buf, from, to, visit);
    let next = from;
    for (let at = from; at < to; ) {
      const n = this.scanner.probe(buf, at, to, this.probes, this.out);
      for (let k = 0; k < n; k++) {
        const i = this.out[k];
        if (i < next || !this.restMatches(buf, i)) continue;
        next = visit(i);
        if (next === STOP) return false;
      }
      this.candidates += n;
      if (n < BATCH) break;
      at = Math.max(this.out[n - 1] + 1, next);
    }
    this.screened += to - from;
    return true;
  }

  private forEachByIndexOf(buf: Buffer, from: number, to: number, visit: (i: number) => number): boolean {
    for (let at = from; ; ) {
      const found = buf.indexOf(this.anchor, at + this.anchorAt);
      const i = found - this.anchorAt;
      if (found < 0 || i >= to) return true;
      if (!this.restMatches(buf, i) || !this.fixedMatch(buf, i)) {
        at = i + 1;
        continue;
      }
      at = visit(i);
      if (at === STOP) return false;
    }
  }

  private restMatches(buf: Buffer, i: number): boolean {
    for (const p of this.rest) if (buf[i + p.offset] !== p.byte) return false;
    return true;
  }

  /** The probes' bytes (checked by the kernel on the probe path, not on the indexOf path). */
  private fixedMatch(buf: Buffer, i: number): boolean {
    for (const p of this.probes ?? []) if (buf[i + p.offset] !== p.byte) return false;
    return true;
  }

  /** Up to three fixed positions whose bytes are rarest in `sample`, different bytes first. */
  private pickProbes(sample: Buffer): Probe[] {
    const counts = new Float64Array(256);
    for (let i = 0; i < sample.length; i++) counts[sample[i]]++;
    const fixed: Probe[] = [];
    this.pattern.forEach((byte, offset) => {
      if (byte !== null) fixed.push({ offset, byte });
    });
    fixed.sort((a, b) => counts[a.byte] - counts[b.byte] || a.offset - b.offset);
    const probes: Probe[] = [];
    for (const p of fixed) if (probes.length < 3 && !probes.some((q) => q.byte === p.byte)) probes.push(p);
    for (const p of fixed) if (probes.length < 3 && !probes.includes(p)) probes.push(p);
    this.rest = fixed.filter((p) => !probes.includes(p));
    return probes;
  }
}
