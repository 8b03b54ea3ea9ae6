// Search and filter in UTF-16 text against the same engine on the same text in UTF-8:
// the same characters must match and the same lines be kept, whatever the byte order,
// line ending and window edges. Offsets are mapped through the string: a UTF-16 match
// starts at twice its first character's index (after the byte order mark).
import * as assert from 'assert';
import { encodingOf, type TextEncoding, UTF8 } from '../../../src/encoding/textEncoding';
import { type LineBreakKind, lineBreakOf } from '../../../src/lines/lineBreak';
import { filterStream } from '../../../src/search/filterStream';
import type { SearchQuery } from '../../../src/search/query';
import type { ScanLimits } from '../../../src/search/scanLimits';
import { searchStream } from '../../../src/search/searchStream';
import { SegmentStream } from '../../../src/search/segments';
import { utf16Bytes } from '../lines/utf16Text';
import { randInt, random, tempFile } from '../testUtil';
import { randomQuery } from './randomInputs';

const PIECES = ['a', 'b', 'A', 'B', 'ab', ' ', '_', '1', '.', '-', 'é', 'É', 'ß', 'k', 'K', '\u212a', 'Ċ', '\u0a0d', '\u0d0a', '\u0a00', '😀', '\u2028'];

/** Lines of at most 20 characters, so that every line fits a block in both encodings (regex results are exact then). */
function shortLines(rand: () => number, kind: LineBreakKind): string {
  const lines = Array.from({ length: 1 + randInt(rand, 30) }, () => Array.from({ length: randInt(rand, 12) }, () => PIECES[randInt(rand, PIECES.length)]).join('').slice(0, 20));
  const eol = () => (kind === 'cr' ? '\r' : rand() < 0.3 ? '\r\n' : '\n');
  return lines.map((l) => l + eol()).join('').slice(0, rand() < 0.5 ? undefined : -1);
}

function limits(rand: () => number): ScanLimits {
  return { chunk: 200 + randInt(rand, 100), block: 128 + randInt(rand, 64), overlap: 16 + randInt(rand, 8) };
}

function search(file: string, query: SearchQuery, encoding: TextEncoding, kind: LineBreakKind, l: ScanLimits, backwards: boolean): number[][] {
  const stream = new SegmentStream(file);
  try {
    const found: number[][] = [];
    searchStream(stream, {
      query, from: 0, to: stream.size, lines: true, maxMatches: Infinity, backwards, encoding, lineBreak: lineBreakOf(kind, encoding),
    }, l, { match: (offset, length, line) => found.push([offset, length, line!]), progress: () => true });
    return found;
  } finally {
    stream.close();
  }
}

function filter(file: string, include: SearchQuery[], exclude: SearchQuery[], encoding: TextEncoding, kind: LineBreakKind, l: ScanLimits): number[] {
  const stream = new SegmentStream(file);
  try {
    const lines: number[] = [];
    filterStream(stream, include, exclude, l, encoding, lineBreakOf(kind, encoding), {
      run: (r) => { for (let i = 0; i < r.count; i++) lines.push(r.firstLine + i); },
      progress: () => true,
    });
    return lines;
  } finally {
    stream.close();
  }
}

/** UTF-8 matches as [first character index, characters, line]. */
function inCharacters(text: string, matches: number[][]): number[][] {
  const indexOfByte = new Map<number, number>();
  let byte = 0;
  for (let i = 0; i <= text.length; i++) {
    indexOfByte.set(byte, i);
    if (i < text.length) byte += Buffer.byteLength(text[i]) === 3 && /[\ud800-\udfff]/.test(text[i]) ? 2 : Buffer.byteLength(text[i]);
  }
  return matches.map(([offset, length, line]) => {
    const start = indexOfByte.get(offset)!;
    return [start, indexOfByte.get(offset + length)! - start, line];
  });
}

const textQuery = (q: SearchQuery): boolean => q.kind !== 'bytes' && !/\\[rn]|[\r\n]/.test(q.kind === 'text' ? q.text : q.source);

describe('search and filter in UTF-16 text', function () {
  this.timeout(120_000);

  it('find the characters a search of the same text in UTF-8 finds, on the same lines, forwards and backwards', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(16_000 + seed);
      const kind: LineBreakKind = rand() < 0.25 ? 'cr' : 'lf';
      const bigEndian = rand() < 0.5;
      const bom = rand() < 0.5;
      const text = shortLines(rand, kind);
      const query = randomQuery(rand);
      const l = limits(rand);
      const backwards = rand() < 0.3;
      if (!textQuery(query)) continue;
      const want = inCharacters(text, search(tempFile(`u8-${seed}.txt`, Buffer.from(text)), query, UTF8, kind, l, backwards))
        .map(([start, chars, line]) => [(bom ? 2 : 0) + 2 * start, 2 * chars, line]);
      const wide = tempFile(`u16-${seed}.txt`, utf16Bytes(text, bigEndian, bom));
      const got = search(wide, query, encodingOf(bigEndian ? 'utf16be' : 'utf16le')!, kind, l, backwards);
      // The byte order mark is text of line 0 in UTF-16 only (as in UTF-8 with BOM): that line's matches cannot be compared.
      const comparable = (m: number[]) => !bom || m[2] > 0;
      assert.deepStrictEqual(got.filter(comparable), want.filter(comparable),
        `seed ${16_000 + seed}: ${JSON.stringify(query)} in ${JSON.stringify(text)} (${bigEndian ? 'BE' : 'LE'}, ${kind}, bom ${bom}, limits ${JSON.stringify(l)}, backwards ${backwards})`);
      compared++;
    }
    assert.ok(compared > 200, `only ${compared} compared`);
  });

  it('filter the lines a filter of the same text in UTF-8 keeps', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(17_000 + seed);
      const kind: LineBreakKind = rand() < 0.25 ? 'cr' : 'lf';
      const bigEndian = rand() < 0.5;
      const text = shortLines(rand, kind);
      const include = Array.from({ length: randInt(rand, 3) }, () => randomQuery(rand)).filter(textQuery);
      const exclude = Array.from({ length: randInt(rand, 3) }, () => randomQuery(rand)).filter(textQuery);
      const l = limits(rand);
      const want = filter(tempFile(`f8-${seed}.txt`, Buffer.from(text)), include, exclude, UTF8, kind, l);
      const got = filter(tempFile(`f16-${seed}.txt`, utf16Bytes(text, bigEndian, false)), include, exclude, encodingOf(bigEndian ? 'utf16be' : 'utf16le')!, kind, l);
      assert.deepStrictEqual(got, want, `seed ${17_000 + seed}: include ${JSON.stringify(include)} exclude ${JSON.stringify(exclude)} in ${JSON.stringify(text)}`);
    }
  });
});
