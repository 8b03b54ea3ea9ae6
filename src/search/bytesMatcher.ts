import { NewlineScanner } from '../lines/newlineScanner';
import { BytePattern } from './bytePattern';
import { Matcher, OnMatch, STOP, Window } from './matcher';

/**
 * A byte pattern with `??` wildcards (null). Every position where the pattern matches
 * is a match, overlapping ones included (as a hex editor's "find next" from the next
 * byte would find them), so results do not depend on where a search starts.
 */
export class BytesMatcher implements Matcher {
  readonly lineAligned = false;
  readonly context = 0;
  readonly lookahead: number;
  private readonly bytes: BytePattern;

  constructor(pattern: readonly (number | null)[], scanner: NewlineScanner) {
    this.bytes = new BytePattern(pattern, scanner);
    this.lookahead = pattern.length;
  }

  scan(w: Window, onMatch: OnMatch): number {
    const { buf } = w;
    const len = this.bytes.length;
    let at = w.scanFrom;
    const stopped = !this.bytes.forEach(buf, at, Math.min(w.acceptBefore, buf.length - len + 1), (i) => {
      const next = onMatch(i, i + len);
      if (next === STOP) return STOP;
      return (at = next ?? i + 1);
    });
    return stopped ? STOP : Math.max(at, w.acceptBefore);
  }
}
