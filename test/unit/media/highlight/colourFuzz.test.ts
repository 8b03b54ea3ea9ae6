// The colourers run on every line the view shows, whatever a file holds: random lines
// made of log-like pieces, escape sequences cut anywhere and astral characters must
// come back quickly with spans that are sorted, apart, inside the line, never splitting
// a surrogate pair, and (ANSI) covering no text they were not given.
import * as assert from 'assert';
import { ansiSpans, blankEscapes } from '../../../../media/highlight/ansiSgr';
import { tokenizeLogLine } from '../../../../media/highlight/logTokens';
import { randInt, random } from '../../testUtil';

const PIECES = [
  '2026-12-06T15:04:05.123Z', 'Dec  6 15:04:05', '[06/Dec/2026:15:04:05 +0000]', '15:04:05', 'ERROR', 'WARN', 'info', '[E]', 'E/', '<W>',
  'E1206', ' ', '  ', '"', '"quoted"', "'", '=', 'key=value', '10.0.0.1', '::1', 'fe80::1%eth0', 'http://x.y/z?q=1', '/var/log/x.log',
  'C:\\Windows\\x', '12', '-3.5e7', '0x1F', '{', '}', '[', ']', '(', ')', ',', ':', '\t', 'at com.x.Y.z(Y.java:12)', 'Caused by:',
  'Traceback (most recent call last):', 'java.lang.NullPointerException', '123e4567-e89b-12d3-a456-426614174000', 'é', '😀', '\ud83d',
  '\u001b[31m', '\u001b[1;38;5;208m', '\u001b[38;2;1;2;3m', '\u001b[0m', '\u001b[', '\u001b', '\u001b[999999999999m', '\u001b[;;m', '\u0000',
];

function randomLine(rand: () => number): string {
  return Array.from({ length: randInt(rand, 40) }, () => PIECES[randInt(rand, PIECES.length)]).join('');
}

/** Fails unless the spans are sorted, apart, non-empty and inside `text`, and cut no surrogate pair. */
function checkSpans(text: string, spans: readonly { start: number; end: number }[], what: string): void {
  let at = 0;
  for (const s of spans) {
    assert.ok(s.start >= at && s.end > s.start && s.end <= text.length, `${what}: ${JSON.stringify(s)} after ${at} in ${JSON.stringify(text)}`);
    for (const edge of [s.start, s.end]) {
      const splits = edge > 0 && edge < text.length && /[\ud800-\udbff]/.test(text[edge - 1]) && /[\udc00-\udfff]/.test(text[edge]);
      assert.ok(!splits, `${what}: ${JSON.stringify(s)} cuts a surrogate pair in ${JSON.stringify(text)}`);
    }
    at = s.end;
  }
}

describe('log colours and ANSI on random lines', function () {
  this.timeout(60_000);

  it('end quickly, with sorted spans apart inside the line; blanking escapes keeps the length', () => {
    const started = Date.now();
    for (let seed = 1; seed <= 5000; seed++) {
      const rand = random(31_000 + seed);
      const text = randomLine(rand);
      checkSpans(text, tokenizeLogLine(text, rand() < 0.8).spans, `seed ${31_000 + seed} log tokens`);
      const ansi = ansiSpans(text);
      checkSpans(text, ansi, `seed ${31_000 + seed} ANSI`);
      const blank = blankEscapes(text);
      assert.strictEqual(blank.length, text.length);
      // Outside the escape sequences the text is what it was.
      for (let i = 0; i < text.length; i++) {
        const inEscape = ansi.some((s) => s.className === 'ansi-esc' && i >= s.start && i < s.end);
        if (!inEscape) assert.strictEqual(blank[i], text[i], `seed ${31_000 + seed}: unit ${i} of ${JSON.stringify(text)}`);
      }
    }
    assert.ok(Date.now() - started < 30_000, `5,000 lines took ${Date.now() - started} ms`);
  });
});
