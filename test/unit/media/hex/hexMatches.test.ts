// The hex view highlights the text matches on screen itself (media/hex/hexMatches.ts),
// while the host's search engine finds the match it selects and counts them all: both
// must agree, in every encoding and line ending, or the highlights lie about the count.
import * as assert from 'assert';
import { encodingOf, type TextEncoding } from '../../../../src/encoding/textEncoding';
import { type LineBreakKind, lineBreakOf } from '../../../../src/lines/lineBreak';
import { compileMatcher } from '../../../../src/search/lineMatches';
import type { SearchQuery } from '../../../../src/search/query';
import { DEFAULT_LIMITS } from '../../../../src/search/scanLimits';
import { searchStream } from '../../../../src/search/searchStream';
import { SegmentStream } from '../../../../src/search/segments';
import { textReadingOf } from '../../../../src/search/textReading';
import { visibleMatches } from '../../../../media/hex/hexMatches';
import { utf16Bytes } from '../../lines/utf16Text';
import { randInt, random, tempFile } from '../../testUtil';
import { randomQuery } from '../../search/randomInputs';

const PIECES = ['a', 'b', 'A', 'B', 'ab', ' ', '_', '1', '.', '-', 'é', 'É', 'ß', 'k', 'K', '€', 'Ċ', '\u0a0d', '😀'];
/** Those Windows-1252 has. */
const PIECES_1252 = PIECES.filter((p) => !/[Ċ\u0a0d😀]/u.test(p));

function randomText(rand: () => number, pieces: string[], kind: LineBreakKind): string {
  const lines = Array.from({ length: 1 + randInt(rand, 20) }, () => Array.from({ length: randInt(rand, 10) }, () => pieces[randInt(rand, pieces.length)]).join(''));
  const eol = () => (kind === 'cr' ? '\r' : rand() < 0.3 ? '\r\n' : '\n');
  return lines.map((l) => l + eol()).join('').slice(0, rand() < 0.5 ? undefined : -1);
}

/** Every match the engine finds in `file`, as [start, end). */
function engineMatches(file: string, query: SearchQuery, encoding: TextEncoding, kind: LineBreakKind): number[][] {
  const stream = new SegmentStream(file);
  try {
    const found: number[][] = [];
    searchStream(stream, { query, from: 0, to: stream.size, lines: false, maxMatches: Infinity, backwards: false, encoding, lineBreak: lineBreakOf(kind, encoding) },
      DEFAULT_LIMITS, { match: (offset, length) => found.push([offset, offset + length]), progress: () => true });
    return found;
  } finally {
    stream.close();
  }
}

const textQuery = (q: SearchQuery): boolean => q.kind !== 'bytes' && !/\\[rnsSWDbB]|[\r\n]|\[\^/.test(q.kind === 'text' ? q.text : q.source);

describe('hex view: visible text matches against the search engine', function () {
  this.timeout(120_000);

  it('marks what the engine finds, in UTF-8, UTF-16 LE/BE (byte order mark or not) and Windows-1252, LF and CR', () => {
    const compared = new Map<string, number>();
    for (let seed = 1; seed <= 600; seed++) {
      const rand = random(23_000 + seed);
      const id = ['utf8', 'utf16le', 'utf16be', 'windows1252'][randInt(rand, 4)];
      const encoding = encodingOf(id)!;
      const kind: LineBreakKind = rand() < 0.3 ? 'cr' : 'lf';
      const text = randomText(rand, id === 'windows1252' ? PIECES_1252 : PIECES, kind);
      const query = randomQuery(rand);
      if (!textQuery(query)) continue;
      const bytes = encoding.units === 'utf16' ? utf16Bytes(text, encoding.bigEndian, rand() < 0.5) : encoding.encode(text);
      // An empty match has nothing to highlight.
      const want = engineMatches(tempFile(`hex-${seed}.txt`, bytes), query, encoding, kind).filter(([a, b]) => b > a);
      const got = visibleMatches(query, compileMatcher(query), textReadingOf(encoding, kind), (i) => bytes[i], 0, bytes.length, bytes.length);
      assert.deepStrictEqual(got, want, `seed ${23_000 + seed}: ${JSON.stringify(query)} in ${id}, ${kind}: ${JSON.stringify(text)}`);
      compared.set(`${id} ${kind}`, (compared.get(`${id} ${kind}`) ?? 0) + 1);
    }
    for (const id of ['utf8', 'utf16le', 'utf16be', 'windows1252']) {
      for (const kind of ['lf', 'cr']) assert.ok((compared.get(`${id} ${kind}`) ?? 0) >= 20, `${id} ${kind}: ${compared.get(`${id} ${kind}`)} compared`);
    }
  });

  it('reads UTF-16 units from even file offsets when the bytes held start at an odd one', () => {
    const encoding = encodingOf('utf16le')!;
    const bytes = utf16Bytes('xx ERROR one\nERROR two ERROR\n', false, true);
    const query: SearchQuery = { kind: 'text', text: 'ERROR', matchCase: true, wholeWord: false };
    const want = engineMatches(tempFile('hex-odd.txt', bytes), query, encoding, 'lf');
    // Bytes 0..4 are not held: the run starts at 5, inside the unit at 4.
    const got = visibleMatches(query, compileMatcher(query), textReadingOf(encoding, 'lf'), (i) => (i < 5 ? undefined : bytes[i]), 0, bytes.length, bytes.length);
    assert.deepStrictEqual(got, want);
    assert.strictEqual(got.length, 3);
  });
});
