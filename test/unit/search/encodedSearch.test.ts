// Find, filter and the ruler search a file in its own encoding: in a single-byte
// encoding, text is looked for as that encoding's bytes and regexes read its
// characters, so offsets are the file's. Checked against a plain search of the
// decoded lines, where a character is a byte.
import * as assert from 'assert';
import { encodingOf, TextEncoding } from '../../../src/encoding/textEncoding';
import { filterStream } from '../../../src/search/filterStream';
import { SearchQuery } from '../../../src/search/query';
import { searchStream } from '../../../src/search/searchStream';
import { SegmentStream } from '../../../src/search/segments';
import { random, randInt, tempFile } from '../testUtil';
import { smallLimits } from './randomInputs';
import { LF_BREAK } from '../../../src/lines/lineBreak';

const CHARS = ['a', 'b', 'e', 'é', 'É', 'ü', 'Ü', 'ß', '€', '“', ' ', '-', '\n', '\r\n', 'x'];

function engine(file: string, query: SearchQuery, encoding: TextEncoding, limits = smallLimits(random(1))): [number, number][] {
  const stream = new SegmentStream(file);
  try {
    const found: [number, number][] = [];
    searchStream(stream, { query, from: 0, to: stream.size, lines: false, maxMatches: Infinity, backwards: false, encoding, lineBreak: LF_BREAK }, limits, {
      match: (offset, length) => found.push([offset, length]),
      progress: () => true,
    });
    return found;
  } finally {
    stream.close();
  }
}

/** The matches a RegExp finds in each decoded line (a character is a byte here). */
function reference(text: string, query: SearchQuery): [number, number][] {
  const source = query.kind === 'regex' ? query.source : query.kind === 'text' ? query.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : '';
  const re = new RegExp(source, query.kind !== 'bytes' && query.matchCase ? 'gu' : 'giu');
  const out: [number, number][] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const body = line.endsWith('\r') ? line.slice(0, -1) : line;
    for (const m of body.matchAll(re)) if (m[0].length > 0) out.push([start + m.index!, m[0].length]);
    start += line.length + 1;
  }
  return out;
}

describe('search in a single-byte encoding', () => {
  it('finds what a search of the decoded text finds, at the file\'s offsets (random Windows-1252 and ISO 8859-15 files)', function () {
    this.timeout(60_000);
    for (const id of ['windows1252', 'iso885915']) {
      const encoding = encodingOf(id)!;
      const usable = CHARS.filter((c) => { try { encoding.encode(c); return true; } catch { return false; } });
      for (let seed = 1; seed <= 60; seed++) {
        const rand = random(seed);
        const text = Array.from({ length: 50 + randInt(rand, 400) }, () => usable[randInt(rand, usable.length)]).join('');
        const file = tempFile(`${id}-${seed}.txt`, encoding.encode(text));
        const letters = usable.filter((c) => !/\s/.test(c));
        const word = Array.from({ length: 1 + randInt(rand, 3) }, () => letters[randInt(rand, letters.length)]).join('');
        const queries: SearchQuery[] = [
          { kind: 'text', text: word, matchCase: true, wholeWord: false },
          { kind: 'text', text: word, matchCase: false, wholeWord: false },
          { kind: 'regex', source: `[éÉ]\\w?|€+`, matchCase: rand() < 0.5 },
        ];
        for (const query of queries) {
          assert.deepStrictEqual(engine(file, query, encoding, smallLimits(rand)), reference(text, query), `${id} seed ${seed}: ${JSON.stringify(query)}`);
        }
      }
    }
  });

  it('a character the encoding has not is found nowhere; filter keeps the lines holding a non-ASCII word', () => {
    const latin1 = encodingOf('iso88591')!;
    const file = tempFile('latin1.txt', latin1.encode('café crème\nnaïve\nplain\nCAFÉ\n'));
    assert.deepStrictEqual(engine(file, { kind: 'text', text: 'ő', matchCase: true, wholeWord: false }, latin1), []);
    assert.deepStrictEqual(engine(file, { kind: 'text', text: 'café', matchCase: false, wholeWord: false }, latin1), [[0, 4], [23, 4]]);
    assert.deepStrictEqual(engine(file, { kind: 'text', text: 'crème', matchCase: true, wholeWord: true }, latin1), [[5, 5]]);
    assert.deepStrictEqual(engine(file, { kind: 'text', text: 'café', matchCase: true, wholeWord: false }, encodingOf('utf8')!), [], 'as UTF-8 the bytes are other');
    const stream = new SegmentStream(file);
    const lines: number[] = [];
    filterStream(stream, [{ kind: 'regex', source: '[éï]', matchCase: true }], [], smallLimits(random(2)), latin1, LF_BREAK, {
      run: (r) => { for (let i = 0; i < r.count; i++) lines.push(r.firstLine + i); },
      progress: () => true,
    });
    stream.close();
    assert.deepStrictEqual(lines, [0, 1]);
  });
});
