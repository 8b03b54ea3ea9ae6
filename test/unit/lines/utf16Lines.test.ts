// Lines of UTF-16 text (little- and big-endian, with or without a byte order mark), read
// by the line index, the edited text and the search's line breaks, against the obvious
// reference: the decoded string split at its line breaks, each index two bytes. The
// text is full of traps: characters with a 0A or 0D byte that are not line breaks
// (U+010A, U+0A0D, U+0D0A, U+0A00, U+0A0A), surrogate pairs, lone CRs.
import * as assert from 'assert';
import * as fs from 'fs';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { encodingOf } from '../../../src/encoding/textEncoding';
import { LineIndex } from '../../../src/lines';
import { type LineBreakKind } from '../../../src/lines/lineBreak';
import { randInt, random, tempFile } from '../testUtil';
import { utf16Bytes, wideText } from './utf16Text';

/** Line [start, end) byte offsets of `text` as UTF-16 after `bom` bytes: split at LF (its CR eaten) or, for cr, at CR. */
function naiveWideLines(text: string, kind: LineBreakKind, bom: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const breakAt = kind === 'cr' ? /\r/g : /\r?\n/g;
  let start = 0;
  for (const m of text.matchAll(breakAt)) {
    out.push({ start: bom + 2 * start, end: bom + 2 * m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start: bom + 2 * start, end: bom + 2 * text.length });
  if (out.length > 0) out[0].start = 0;
  return out;
}

describe('UTF-16 lines', function () {
  this.timeout(120_000);

  it('the line index finds the lines of random UTF-16 text, LE and BE, LF and CR, past the first MiB too', async () => {
    const rand = random(1616);
    for (let round = 0; round < 16; round++) {
      const bigEndian = round % 2 === 1;
      const kind: LineBreakKind = round % 4 >= 2 ? 'cr' : 'lf';
      const bom = rand() < 0.5;
      const text = wideText(rand, round === 5 ? 700_000 : randInt(rand, 4000), kind);
      const bytes = utf16Bytes(text, bigEndian, bom);
      const index = LineIndex.open(tempFile(`wide${round}.txt`, bytes), { every: 4, encoding: encodingOf(bigEndian ? 'utf16be' : 'utf16le'), lineBreak: kind });
      try {
        await index.whenComplete();
        const want = naiveWideLines(text, kind, bom ? 2 : 0);
        const context = `round ${round} (${bigEndian ? 'BE' : 'LE'}, ${kind}, ${bytes.length} bytes)`;
        assert.strictEqual(index.lineCount, want.length, `line count, ${context}`);
        const probes = new Set([0, want.length - 1, ...Array.from({ length: 200 }, () => randInt(rand, want.length))]);
        for (const n of probes) {
          if (n < 0) continue;
          const { start, end } = index.lineBounds(n);
          assert.deepStrictEqual({ start, end }, want[n], `line ${n}, ${context}`);
          assert.strictEqual(index.lineOfOffset(want[n].start), n, `line of ${want[n].start}, ${context}`);
          if (want[n].end > want[n].start) assert.strictEqual(index.lineOfOffset(want[n].end - 1), n, `line of ${want[n].end - 1}, ${context}`);
        }
      } finally {
        index.dispose();
      }
    }
  });

  it('the edited text counts the lines of typed UTF-16 like those of the file', async () => {
    const rand = random(1617);
    const encoding = encodingOf('utf16le')!;
    for (let round = 0; round < 30; round++) {
      let text = wideText(rand, randInt(rand, 300), 'lf');
      const index = LineIndex.open(tempFile(`edit${round}.txt`, utf16Bytes(text, false, false)), { encoding });
      try {
        await index.whenComplete();
        const edited = new EditedText(index, new PieceTable(index, index.fileSize));
        for (let k = 0; k < 8; k++) {
          const at = randInt(rand, text.length + 1);
          const cut = Math.min(text.length - at, randInt(rand, 4));
          const typed = wideText(rand, randInt(rand, 6), 'lf');
          edited.table.delete(2 * at, 2 * cut);
          edited.table.insert(2 * at, encoding.encode(typed));
          edited.invalidate();
          text = text.slice(0, at) + typed + text.slice(at + cut);
        }
        const want = naiveWideLines(text, 'lf', 0);
        assert.strictEqual(edited.countedLines(), want.length, `round ${round}: ${JSON.stringify(text)}`);
        want.forEach((line, n) => {
          const { start, end } = edited.lineBounds(n);
          assert.deepStrictEqual({ start, end }, line, `round ${round}, line ${n}`);
        });
      } finally {
        index.dispose();
      }
    }
  });

  it('a file cut inside a unit: the odd byte is text of the last line; growth that completes it is read again', async () => {
    const file = tempFile('odd.txt', Buffer.concat([utf16Bytes('one\ntwo', false, false), Buffer.from([0x0a])]));
    const index = LineIndex.open(file, { encoding: encodingOf('utf16le')! });
    try {
      await index.whenComplete();
      assert.deepStrictEqual([index.lineCount, index.lineBounds(1)], [2, { start: 8, end: 15, next: 15 }]);
      fs.appendFileSync(file, Buffer.from([0x00, 0x33, 0x00]));
      assert.notStrictEqual(index.refresh(), 'unchanged');
      await index.whenComplete();
      assert.deepStrictEqual([index.lineCount, index.lineBounds(1), index.lineBounds(2)], [3, { start: 8, end: 14, next: 16 }, { start: 16, end: 18, next: 18 }]);
    } finally {
      index.dispose();
    }
  });
});
