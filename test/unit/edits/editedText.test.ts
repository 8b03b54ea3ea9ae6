import * as assert from 'assert';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { LineIndex } from '../../../src/lines';
import { naiveLines, randInt, random, tempFile } from '../testUtil';

const alphabet = [0x61, 0x62, 0x0a, 0x0d, 0x20];

describe('EditedText', () => {
  it('numbers the lines of edited content like a naive reference, after every random edit', async () => {
    const rand = random(11);
    for (let round = 0; round < 8; round++) {
      const original = Buffer.from(Array.from({ length: 2000 + randInt(rand, 3000) }, () => alphabet[randInt(rand, alphabet.length)]));
      const index = LineIndex.open(tempFile(`e${round}.txt`, original), { every: 3 });
      await index.whenComplete();
      const text = new EditedText(index, new PieceTable(index, original.length));
      let expected = Buffer.from(original);
      try {
        for (let step = 0; step < 30; step++) {
          const offset = randInt(rand, expected.length + 1);
          if (rand() < 0.6) {
            const bytes = Buffer.from(Array.from({ length: 1 + randInt(rand, 8) }, () => alphabet[randInt(rand, alphabet.length)]));
            text.table.insert(offset, bytes);
            expected = Buffer.concat([expected.subarray(0, offset), bytes, expected.subarray(offset)]);
          } else {
            const length = randInt(rand, Math.min(50, expected.length - offset) + 1);
            text.table.delete(offset, length);
            expected = Buffer.concat([expected.subarray(0, offset), expected.subarray(offset + length)]);
          }
          text.invalidate();
          const lines = naiveLines(expected);
          // As in VS Code: after a final line break (or in empty content) an empty line.
          if (expected.length === 0 || expected[expected.length - 1] === 0x0a) lines.push({ start: expected.length, end: expected.length });
          assert.strictEqual(text.availableLines(), lines.length, `line count, round ${round} step ${step}`);
          for (let probe = 0; probe < 20 && lines.length > 0; probe++) {
            const n = randInt(rand, lines.length);
            const b = text.lineBounds(n);
            assert.deepStrictEqual([b.start, b.end], [lines[n].start, lines[n].end], `line ${n}`);
            if (lines[n].end > lines[n].start) assert.strictEqual(text.lineOfOffset(lines[n].start), n);
          }
        }
      } finally {
        index.dispose();
      }
    }
  });

  it('answers from the index while unedited', async () => {
    const index = LineIndex.open(tempFile('u.txt', 'a\nbb\r\nccc'));
    await index.whenComplete();
    const text = new EditedText(index, new PieceTable(index, index.fileSize));
    assert.strictEqual(text.availableLines(), 3);
    assert.deepStrictEqual(text.lineBounds(1), { start: 2, end: 4, next: 6 });
    text.table.insert(0, Buffer.from('new\n'));
    text.invalidate();
    assert.strictEqual(text.availableLines(), 4);
    assert.deepStrictEqual(text.lineBounds(2), { start: 6, end: 8, next: 10 });
    assert.strictEqual(text.read(0, 5).toString(), 'new\na');
    index.dispose();
  });

  it('has an empty last line after a final line break, and one empty line when empty (as VS Code)', async () => {
    for (const [content, lines] of [['', 1], ['a\n', 2], ['a\r\nb', 2], ['a\n\n', 3]] as const) {
      const index = LineIndex.open(tempFile('f.txt', content));
      await index.whenComplete();
      const text = new EditedText(index, new PieceTable(index, index.fileSize));
      assert.strictEqual(text.availableLines(), lines, JSON.stringify(content));
      assert.strictEqual(text.estimatedLineCount(), lines);
      assert.strictEqual(text.lineBounds(lines - 1).end, content.length);
      text.table.insert(text.size, Buffer.from('x\n'));
      text.invalidate();
      assert.strictEqual(text.availableLines(), lines + 1, `${JSON.stringify(content)} + "x\\n"`);
      assert.deepStrictEqual(text.lineBounds(text.availableLines() - 1), { start: text.size, end: text.size, next: text.size });
      index.dispose();
    }
  });

  it('counts lines as wc -l does, plus a last line without a break (Count Lines and the status bar), edited or not', async () => {
    for (const [content, counted] of [['', 0], ['a', 1], ['a\n', 1], ['a\r\nb', 2], ['a\n\n', 2]] as const) {
      const index = LineIndex.open(tempFile('f.txt', content));
      await index.whenComplete();
      const text = new EditedText(index, new PieceTable(index, index.fileSize));
      assert.strictEqual(text.countedLines(), counted, JSON.stringify(content));
      text.table.insert(text.size, Buffer.from('x'));
      text.invalidate();
      assert.strictEqual(text.countedLines(), content.endsWith('\n') || content === '' ? counted + 1 : counted, `${JSON.stringify(content)} + "x"`);
      index.dispose();
    }
  });
});
