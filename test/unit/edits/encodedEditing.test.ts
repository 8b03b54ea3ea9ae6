// Editing a file in its own encoding: typed text is written in it (or refused), Backspace
// steps a character, and a byte order mark stays the file's first bytes.
import * as assert from 'assert';
import { deleteText, offsetOf, positionOf, typeText } from '../../../src/edits/editCommands';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { encodingOf, UnencodableError } from '../../../src/encoding/textEncoding';
import { readLineSlices, readSelection } from '../../../src/editor/lineService';
import { LineIndex } from '../../../src/lines';
import { tempFile } from '../testUtil';

async function editable(bytes: Buffer, encodingId: string): Promise<{ text: EditedText; index: LineIndex; bytes: () => Buffer }> {
  const index = LineIndex.open(tempFile('t.txt', bytes), { encoding: encodingOf(encodingId) });
  await index.whenComplete();
  const text = new EditedText(index, new PieceTable(index, index.fileSize));
  return { text, index, bytes: () => text.read(0, text.size) };
}

describe('editing in the file\'s encoding', () => {
  it('Windows-1252: typing writes one byte a character, Backspace takes one, a character it has not is refused', async () => {
    const cp1252 = encodingOf('windows1252')!;
    const t = await editable(cp1252.encode('café\nx\n'), 'windows1252');
    assert.deepStrictEqual(readLineSlices(t.text, 0, 1, 0, 100)[0], { line: 0, text: 'café', length: 4, fromByte: 0 });
    const r = typeText(t.text, t.text.table, { line: 0, column: 4 }, undefined, ' €5', false, '\n');
    t.text.invalidate();
    assert.deepStrictEqual(t.bytes(), cp1252.encode('café €5\nx\n'));
    assert.deepStrictEqual(positionOf(t.text, r.caretOffset), { line: 0, column: 7 });
    deleteText(t.text, t.text.table, { line: 0, column: 4 }, undefined, 'backward');
    t.text.invalidate();
    assert.deepStrictEqual(t.bytes(), cp1252.encode('caf €5\nx\n'), 'the é was one byte');
    const before = t.bytes();
    assert.throws(() => typeText(t.text, t.text.table, { line: 1, column: 0 }, undefined, 'ő', false, '\n'), UnencodableError);
    assert.deepStrictEqual(t.bytes(), before, 'nothing changed');
    assert.strictEqual(readSelection(t.text, { line: 0, column: 0 }, { line: 1, column: 1 }), 'caf €5\nx');
    t.index.dispose();
  });

  it('UTF-8 with BOM: the mark stays first whatever is typed or deleted at the start, and is not copied', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const t = await editable(Buffer.concat([bom, Buffer.from('héllo\n')]), 'utf8bom');
    assert.strictEqual(readLineSlices(t.text, 0, 1, 0, 100)[0].text, '\ufeffhéllo', 'the BOM is in the text, as its bytes are in the line');
    typeText(t.text, t.text.table, { line: 0, column: 0 }, undefined, 'A', false, '\n');
    t.text.invalidate();
    assert.deepStrictEqual(t.bytes(), Buffer.concat([bom, Buffer.from('Ahéllo\n')]));
    assert.strictEqual(deleteText(t.text, t.text.table, { line: 0, column: 3 }, undefined, 'backward'), undefined, 'nothing before the text');
    deleteText(t.text, t.text.table, { line: 0, column: 0 }, { line: 0, column: 4 }, 'forward');
    t.text.invalidate();
    assert.deepStrictEqual(t.bytes(), Buffer.concat([bom, Buffer.from('héllo\n')]), 'a selection from the very start keeps the mark');
    assert.strictEqual(offsetOf(t.text, { line: 0, column: 1 }), 3);
    assert.strictEqual(readSelection(t.text, { line: 0, column: 0 }, { line: 0, column: 6 }), 'hé');
    t.index.dispose();
  });
});
