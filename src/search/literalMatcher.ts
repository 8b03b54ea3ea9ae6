import { Matcher, OnMatch, STOP, Window } from './matcher';
import { isWholeWord } from './wholeWord';

/**
 * Case-sensitive text: Buffer#indexOf over the UTF-8 bytes of the text. A valid
 * UTF-8 needle found in the bytes is the same match a search of the decoded text
 * would find, even around invalid UTF-8 (the decoder resynchronizes on the needle's
 * first byte). Matches do not overlap: the search goes on after each one.
 */
export class LiteralMatcher implements Matcher {
  readonly lineAligned = true;
  readonly context: number;
  readonly lookahead: number;
  private readonly needle: Buffer;

  constructor(text: string, private readonly wholeWord: boolean) {
    this.needle = Buffer.from(text);
    this.context = wholeWord ? 1 : 0;
    this.lookahead = this.needle.length + this.context;
  }

  scan(w: Window, onMatch: OnMatch): number {
    const { buf, acceptBefore } = w;
    const len = this.needle.length;
    let at = w.scanFrom;
    for (;;) {
      const i = buf.indexOf(this.needle, at);
      if (i < 0 || i >= acceptBefore) return Math.max(at, acceptBefore);
      if (this.wholeWord && !isWholeWord(buf, i, i + len)) {
        at = i + 1;
        continue;
      }
      const next = onMatch(i, i + len);
      if (next === STOP) return STOP;
      at = next ?? i + len;
    }
  }
}
