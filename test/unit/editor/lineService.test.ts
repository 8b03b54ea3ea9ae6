import * as assert from 'assert';
import { formatBytes } from '../../../src/editor/format';
import { readLineSlices, readSelection } from '../../../src/editor/lineService';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { LineIndex } from '../../../src/lines';
import { tempFile } from '../testUtil';

async function indexed(content: string | Buffer): Promise<EditedText & { dispose(): void }> {
  const index = LineIndex.open(tempFile('f.txt', content), { every: 2 });
  await index.whenComplete();
  return Object.assign(new EditedText(index, new PieceTable(index, index.fileSize)), { dispose: () => index.dispose() });
}

describe('lineService', () => {
  it('reads windows of lines and reports each line length', async () => {
    const index = await indexed('alpha\r\nbeta\n\ngamma');
    const slices = readLineSlices(index, 0, 10, 0, 100);
    assert.deepStrictEqual(slices.map((s) => [s.line, s.text, s.length, s.fromByte]), [
      [0, 'alpha', 5, 0], [1, 'beta', 4, 0], [2, '', 0, 0], [3, 'gamma', 5, 0],
    ]);
    assert.deepStrictEqual(readLineSlices(index, 1, 2, 2, 2).map((s) => s.text), ['ta', '']);
    assert.deepStrictEqual(readLineSlices(index, 10, 5, 0, 10), [], 'past the end: nothing');
    index.dispose();
  });

  it('cuts windows on UTF-8 character boundaries', async () => {
    const index = await indexed('aé€😀z\n');
    const bytes = Buffer.from('aé€😀z');
    for (let from = 0; from <= bytes.length; from++) {
      for (let max = 1; max <= bytes.length; max++) {
        const [slice] = readLineSlices(index, 0, 1, from, max);
        assert.ok(!slice.text.includes('\ufffd'), `from ${from} max ${max}: ${slice.text}`);
        assert.ok(slice.fromByte <= from && slice.fromByte >= from - 3);
        assert.strictEqual(Buffer.from(slice.text).toString(), bytes.subarray(slice.fromByte, slice.fromByte + Buffer.byteLength(slice.text)).toString());
      }
    }
    index.dispose();
  });

  it('shows invalid UTF-8 as replacement characters', async () => {
    const index = await indexed(Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]));
    assert.strictEqual(readLineSlices(index, 0, 1, 0, 100)[0].text, 'a\ufffd\ufffdb');
    index.dispose();
  });

  it('copies a selection across lines, in either direction, and refuses one over the limit', async () => {
    const index = await indexed('one\r\ntwo\nthree\n');
    assert.strictEqual(readSelection(index, { line: 0, column: 1 }, { line: 2, column: 2 }), 'ne\r\ntwo\nth');
    assert.strictEqual(readSelection(index, { line: 2, column: 2 }, { line: 0, column: 1 }), 'ne\r\ntwo\nth');
    assert.strictEqual(readSelection(index, { line: 1, column: 99 }, { line: 1, column: 0 }), 'two', 'columns clamp to the line');
    assert.throws(() => readSelection(index, { line: 0, column: 0 }, { line: 2, column: 0 }, 4), /selection is 9 bytes; copying is limited to 4 bytes/);
    assert.throws(() => readSelection(index, { line: 0, column: 0 }, { line: 7, column: 0 }), /not indexed/);
    index.dispose();
  });

  it('formats sizes', () => {
    assert.strictEqual(formatBytes(512), '512 bytes');
    assert.strictEqual(formatBytes(4 * 1024 ** 3), '4.0 GB');
    assert.strictEqual(formatBytes(200 * 1024 ** 2), '200 MB');
  });
});
