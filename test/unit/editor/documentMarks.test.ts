import * as assert from 'assert';
import * as fs from 'fs';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { DocumentMarks } from '../../../src/editor/documentMarks';
import { type FileMark, markOf } from '../../../src/editor/fileMark';
import { LineIndex } from '../../../src/lines';
import { MarkStore } from '../../../src/marks/markStore';
import { memoryStore, random, randInt, tempFile } from '../testUtil';

interface Opened {
  file: string;
  text: EditedText;
  index: LineIndex;
  marks: DocumentMarks;
  /** The content as a string. */
  all(): string;
}

async function open(file: string, store: MarkStore<FileMark>): Promise<Opened> {
  const index = LineIndex.open(file);
  await index.whenComplete();
  const text = new EditedText(index, new PieceTable(index, index.fileSize));
  const baseline = markOf(file);
  const marks = new DocumentMarks(file, text, store, () => baseline, () => !text.table.isPristine);
  return { file, text, index, marks, all: () => text.read(0, text.size).toString('latin1') };
}

function close(o: Opened): void {
  o.marks.dispose();
  o.index.dispose();
}

/** The line holding content offset `offset` of `content` (0-based). */
function lineAt(content: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('document marks', () => {
  it('follow their lines through random edits, as marks anchored to characters do (the reference)', async () => {
    const rand = random(71);
    for (let round = 0; round < 12; round++) {
      const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'x'.repeat(randInt(rand, 12))}`);
      const o = await open(tempFile(`marks-${round}.txt`, `${lines.join('\n')}\n`), new MarkStore(memoryStore()));
      // The reference: every character has an id; a mark holds the id of the character it is on
      // (-1: the end of the content). A deleted character hands its marks to the one after the deletion.
      let chars = [...o.all()].map((ch, i) => ({ ch, id: i }));
      let nextId = chars.length;
      let anchors: number[] = [];
      for (let i = 0; i < 6; i++) {
        const line = randInt(rand, 30);
        if (o.marks.toggle(line)) {
          const start = o.text.lineBounds(line).start;
          anchors.push(chars[start].id);
        } else {
          const { start, next } = o.text.lineBounds(line);
          const ids = new Set(chars.slice(start, next).map((c) => c.id));
          anchors = anchors.filter((a) => !ids.has(a));
        }
      }
      for (let step = 0; step < 40; step++) {
        const size = o.text.size;
        if (rand() < 0.5 && size > 0) {
          const at = randInt(rand, size);
          const length = 1 + randInt(rand, Math.min(size - at, 25));
          o.text.table.delete(at, length);
          const heir = chars[at + length]?.id ?? -1;
          const gone = new Set(chars.slice(at, at + length).map((c) => c.id));
          anchors = anchors.map((a) => (gone.has(a) ? heir : a));
          chars.splice(at, length);
        } else {
          const at = randInt(rand, size + 1);
          const inserted = Array.from({ length: 1 + randInt(rand, 6) }, () => (rand() < 0.3 ? '\n' : 'abc'[randInt(rand, 3)])).join('');
          o.text.table.insert(at, Buffer.from(inserted, 'latin1'));
          chars.splice(at, 0, ...[...inserted].map((ch) => ({ ch, id: nextId++ })));
        }
        o.text.invalidate();
        const content = chars.map((c) => c.ch).join('');
        assert.strictEqual(o.all(), content);
        const expected = [...new Set(anchors.map((a) => {
          const offset = a === -1 ? chars.length : chars.findIndex((c) => c.id === a);
          return lineAt(content, offset);
        }))].sort((a, b) => a - b);
        assert.deepStrictEqual(o.marks.lines().lines, expected, `round ${round}, step ${step}`);
      }
      close(o);
    }
  });

  it('are kept for the next session when they fit the file: unchanged or grown by appending, not rewritten or truncated', async () => {
    const store = new MarkStore<FileMark>(memoryStore());
    const file = tempFile('kept.log', 'a\nb\nc\nd\n');
    let o = await open(file, store);
    o.marks.toggle(1);
    o.marks.toggle(3);
    close(o);

    o = await open(file, store);
    assert.deepStrictEqual(o.marks.lines().lines, [1, 3], 'unchanged');
    close(o);

    fs.appendFileSync(file, 'e\nf\n');
    o = await open(file, store);
    assert.deepStrictEqual(o.marks.lines().lines, [1, 3], 'grown by appending');
    close(o);

    fs.writeFileSync(file, 'A\nB\nC\nD\nE\nF\n');
    o = await open(file, store);
    assert.deepStrictEqual(o.marks.lines().lines, [], 'rewritten');
    o.marks.toggle(0);
    close(o);

    fs.truncateSync(file, 2);
    o = await open(file, store);
    assert.deepStrictEqual(o.marks.lines().lines, [], 'truncated');
    close(o);
  });

  it('set on unsaved edits are stored by the save; a revert takes the marks back to the file', async () => {
    const store = new MarkStore<FileMark>(memoryStore());
    const file = tempFile('edited.txt', 'one\ntwo\nthree\n');
    const o = await open(file, store);
    o.marks.toggle(2);
    o.text.table.insert(0, Buffer.from('zero\n'));
    o.text.invalidate();
    o.marks.toggle(0);
    assert.deepStrictEqual(o.marks.lines().lines, [0, 3]);
    assert.deepStrictEqual(store.get(file)?.offsets, [8], 'what is stored fits the file on disk: line 2 before the edit');
    o.marks.reverted();
    o.text.table.reset(o.index.fileSize);
    o.text.invalidate();
    assert.deepStrictEqual(o.marks.lines().lines, [2]);

    o.text.table.insert(0, Buffer.from('zero\n'));
    o.text.invalidate();
    o.marks.contentSaved();
    assert.deepStrictEqual(store.get(file)?.offsets, [13], 'the save stores the marks as they are on the edited content');
    close(o);
  });

  it('tells its listeners once per task, after the edit', async () => {
    const o = await open(tempFile('told.txt', 'a\nb\n'), new MarkStore(memoryStore()));
    o.marks.toggle(1);
    let told = 0;
    let seen: number[] = [];
    o.marks.onDidChange(() => { told++; seen = o.marks.lines().lines; });
    o.text.table.insert(0, Buffer.from('x\n'));
    o.text.table.insert(0, Buffer.from('y\n'));
    o.text.invalidate();
    await tick();
    assert.deepStrictEqual([told, seen], [1, [3]]);
    close(o);
  });

  it('refuses a mark past the limit, and leaves the marks as they were', async () => {
    const o = await open(tempFile('many.txt', 'x\n'.repeat(10_001)), new MarkStore(memoryStore(false)));
    // Unsaved edits: the marks are not stored at each toggle (which would make this test slow, not the editor).
    o.text.table.insert(o.text.size, Buffer.from('y'));
    o.text.invalidate();
    for (let line = 0; line < 10_000; line++) o.marks.toggle(line);
    assert.throws(() => o.marks.toggle(10_000), RangeError);
    assert.strictEqual(o.marks.count, 10_000);
    close(o);
  });
});
