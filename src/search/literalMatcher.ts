import { NewlineScanner } from '../lines/newlineScanner';
import { BytePattern } from './bytePattern';
import { Matcher, OnMatch, STOP, Window } from './matcher';
import { type CodeUnits, isWholeWord } from './wholeWord';

/**
 * Case-sensitive text: a search for the bytes of the text in the file's encoding. A valid UTF-8 needle
 * found in the bytes is the same match a search of the decoded text would find, even
 * around invalid UTF-8 (the decoder resynchronizes on the needle's first byte).
 * Matches do not overlap: the search goes on after each one. In UTF-16 a match starts at
 * a code unit (an even offset of the window, which starts at one).
 */
export class LiteralMatcher implements Matcher {
  readonly lineAligned = true;
  readonly context: number;
  readonly lookahead: number;
  private readonly needle: BytePattern;

  /** `bytes`: the text in the file's encoding, whose code units are `units`. */
  constructor(bytes: Uint8Array, private readonly wholeWord: boolean, scanner: NewlineScanner, private readonly units: CodeUnits) {
    this.needle = new BytePattern([...bytes], scanner);
    this.context = wholeWord ? units.unitBytes : 0;
    this.lookahead = this.needle.length + this.context;
  }

  scan(w: Window, onMatch: OnMatch): number {
    const { buf } = w;
    const len = this.needle.length;
    let at = w.scanFrom;
    const stopped = !this.needle.forEach(buf, at, Math.min(w.acceptBefore, buf.length - len + 1), (i) => {
      if (i % this.units.unitBytes !== 0) return i + 1;
      if (this.wholeWord && !isWholeWord(buf, i, i + len, this.units)) return i + 1;
      const next = onMatch(i, i + len);
      if (next === STOP) return STOP;
      return (at = next ?? i + len);
    });
    return stopped ? STOP : Math.max(at, w.acceptBefore);
  }
}
