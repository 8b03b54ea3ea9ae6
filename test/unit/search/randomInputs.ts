import { SearchQuery } from '../../../src/search/query';
import { ScanLimits } from '../../../src/search/scanLimits';
import { randInt } from '../testUtil';

/**
 * Random test text built from pieces that exercise the search rules: ASCII and
 * multi-byte letters in both cases, letters with special case folding (ß, the Kelvin
 * sign), an astral character, word and non-word characters, LF, CRLF, lone CR, U+2028,
 * and invalid UTF-8 (stray continuation bytes, cut sequences, surrogates, 0xFF).
 */
const PIECES: Buffer[] = [
  'a', 'b', 'A', 'B', 'ab', 'ba', 'aa', 'x', ' ', ' ', '_', '1', '.', '-', 'é', 'É', 'ß', 'k', 'K', '\u212a', '😀', '\r', '\u2028',
].map((s) => Buffer.from(s)).concat([[0xff], [0xc3], [0xe2, 0x80], [0x80], [0xed, 0xa0, 0x80]].map((b) => Buffer.from(b)));

/**
 * About `size` bytes of random text. Lines end in LF or CRLF and are at most
 * `maxLine` bytes long (between the two line breaks, when given), so that tests can
 * keep lines shorter than a window; the text may or may not end with a newline.
 */
export function randomText(rand: () => number, size: number, maxLine = Infinity): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  let line = 0;
  while (total < size) {
    const piece = rand() < 0.1 ? Buffer.from(rand() < 0.3 ? '\r\n' : '\n') : PIECES[randInt(rand, PIECES.length)];
    const breaks = piece[piece.length - 1] === 10;
    if (!breaks && line + piece.length > maxLine) {
      parts.push(Buffer.from('\n'));
      total++;
      line = 0;
      continue;
    }
    parts.push(piece);
    total += piece.length;
    line = breaks ? 0 : line + piece.length;
  }
  return Buffer.concat(parts);
}

export const TEXTS = ['a', 'ab', 'A', 'aB', 'é', 'É', 'ß', 'k', '😀', 'b_', '1', '.', 'a.', ' a', '-', 'ba', 'aa'];
const REGEXES = [
  'a+b', 'a.b', '^a', 'b$', '[^a]b', 'é+', '\\bab\\b', 'a|ba', 'x*', '\\s$', 'a\\r', '(?<=a)b', 'a(?=b)', '[^x]*', '.',
  '\\W+', '^$', 'k', 'ß', '[a-zé]+\\d?', '(a)\\1', '\\p{L}{2}', '^.{3}', '.$', '😀', 'É', '\\r', 'b\\s*$', '[\\s\\S]{2}',
];
const BYTES: (number | null)[] = [0x61, 0x62, 0x0a, 0x0d, 0xc3, 0xa9, 0x20, 0xff, null];

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[randInt(rand, items.length)];
}

export function randomQuery(rand: () => number): SearchQuery {
  const r = rand();
  if (r < 0.35) return { kind: 'text', text: pick(rand, TEXTS), matchCase: rand() < 0.5, wholeWord: rand() < 0.4 };
  if (r < 0.8) return { kind: 'regex', source: pick(rand, REGEXES), matchCase: rand() < 0.5 };
  const pattern = Array.from({ length: 1 + randInt(rand, 4) }, () => pick(rand, BYTES));
  if (!pattern.some((b) => b !== null)) pattern[0] = 0x61;
  return { kind: 'bytes', pattern };
}

/**
 * Small windows so that a few hundred bytes cross windows and blocks many times; blocks
 * hold the longest line randomText makes with maxLine 30, so every regex is exact.
 */
export function smallLimits(rand: () => number): ScanLimits {
  return { chunk: 40 + randInt(rand, 40), block: 32 + randInt(rand, 24), overlap: 8 + randInt(rand, 8) };
}
