import * as assert from 'assert';
import { clampToLine, deleteText, positionOf, typeText } from '../../../src/edits/editCommands';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { undoEdit, redoEdit } from '../../../src/edits/textEdit';
import { LineIndex } from '../../../src/lines';
import { tempFile } from '../testUtil';

async function editable(content: string): Promise<{ text: EditedText; index: LineIndex; all: () => string }> {
  const index = LineIndex.open(tempFile('t.txt', content));
  await index.whenComplete();
  const text = new EditedText(index, new PieceTable(index, index.fileSize));
  return { text, index, all: () => text.read(0, text.size).toString() };
}

/** Types each part at the caret the previous edit left, from `start`, as the view does. */
function typeAlong(text: EditedText, start: { line: number; column: number }, parts: string[]): void {
  let at = start;
  for (const part of parts) {
    const r = typeText(text, text.table, at, undefined, part, false, '\n');
    text.invalidate();
    at = positionOf(text, r.caretOffset);
  }
}

describe('edit commands', () => {
  it('cuts a column past its line (the view\'s end of a line it has not loaded) to the line, and leaves lines not indexed alone', async () => {
    const t = await editable('alpha\r\nbe\n');
    assert.deepStrictEqual(clampToLine(t.text, { line: 0, column: Number.MAX_SAFE_INTEGER }), { line: 0, column: 5 }, 'without the CR');
    assert.deepStrictEqual(clampToLine(t.text, { line: 1, column: 1 }), { line: 1, column: 1 });
    assert.deepStrictEqual(clampToLine(t.text, { line: 2, column: 7 }), { line: 2, column: 0 }, 'the empty last line');
    assert.deepStrictEqual(clampToLine(t.text, { line: 9, column: 7 }), { line: 9, column: 7 });
    t.index.dispose();
  });

  it('Enter at the end of the last line starts a new last line, where the typing goes (issue #13 item 2)', async () => {
    let t = await editable('alpha\nbeta\n');
    // Ctrl+End: the empty line after the final newline, as in VS Code.
    assert.strictEqual(t.text.availableLines(), 3);
    typeAlong(t.text, { line: 2, column: 0 }, ['\n', 'gamma']);
    assert.strictEqual(t.all(), 'alpha\nbeta\n\ngamma');
    t.index.dispose();
    t = await editable('last line');
    typeAlong(t.text, { line: 0, column: 9 }, ['\n', 'added']);
    assert.strictEqual(t.all(), 'last line\nadded');
    t.index.dispose();
    t = await editable('x');
    typeAlong(t.text, { line: 0, column: 1 }, ['yz', '\n', 'second']);
    assert.strictEqual(t.all(), 'xyz\nsecond');
    t.index.dispose();
  });

  it('overwrites characters, not bytes, and Enter in overwrite mode inserts a line break (found by the model test)', async () => {
    const t = await editable('éa€b\n');
    typeText(t.text, t.text.table, { line: 0, column: 0 }, undefined, 'x', true, '\n');
    t.text.invalidate();
    assert.strictEqual(t.all(), 'xa€b\n', 'both bytes of é');
    typeText(t.text, t.text.table, { line: 0, column: 2 }, undefined, 'y', true, '\n');
    t.text.invalidate();
    assert.strictEqual(t.all(), 'xayb\n', 'all three bytes of €');
    typeText(t.text, t.text.table, { line: 0, column: 1 }, undefined, '\n', true, '\n');
    t.text.invalidate();
    assert.strictEqual(t.all(), 'x\nayb\n');
    t.index.dispose();
  });

  it('types into an empty file (issue #13 item 3)', async () => {
    const t = await editable('');
    assert.strictEqual(t.text.availableLines(), 1);
    typeAlong(t.text, { line: 0, column: 0 }, ['a', 'b', '\n', 'c']);
    assert.strictEqual(t.all(), 'ab\nc');
    t.index.dispose();
  });

  it('types, overwrites without eating the line ending, and inserts the file\'s line ending', async () => {
    const { text, index, all } = await editable('abc\r\ndef\r\n');
    let r = typeText(text, text.table, { line: 0, column: 1 }, undefined, 'X', false, '\r\n');
    text.invalidate();
    assert.strictEqual(all(), 'aXbc\r\ndef\r\n');
    assert.deepStrictEqual(positionOf(text, r.caretOffset), { line: 0, column: 2 });
    r = typeText(text, text.table, { line: 1, column: 1 }, undefined, 'WXYZ', true, '\r\n');
    text.invalidate();
    assert.strictEqual(all(), 'aXbc\r\ndWXYZ\r\n', 'overwrite stops at the line ending, then inserts');
    typeText(text, text.table, { line: 0, column: 4 }, undefined, '\n', false, '\r\n');
    text.invalidate();
    assert.strictEqual(all(), 'aXbc\r\n\r\ndWXYZ\r\n');
    assert.strictEqual(text.availableLines(), 4, 'three lines and the empty one after the last line break');
    index.dispose();
  });

  it('Backspace and Delete remove whole UTF-8 characters and whole CRLF line endings', async () => {
    const { text, index, all } = await editable('aé\r\n€b\n');
    let r = deleteText(text, text.table, { line: 0, column: 3 }, undefined, 'backward')!;
    text.invalidate();
    assert.strictEqual(all(), 'a\r\n€b\n');
    r = deleteText(text, text.table, { line: 1, column: 0 }, undefined, 'backward')!;
    text.invalidate();
    assert.strictEqual(all(), 'a€b\n', 'the CRLF went in one Backspace');
    assert.deepStrictEqual(positionOf(text, r.caretOffset), { line: 0, column: 1 });
    deleteText(text, text.table, { line: 0, column: 1 }, undefined, 'forward');
    text.invalidate();
    assert.strictEqual(all(), 'ab\n');
    assert.strictEqual(deleteText(text, text.table, { line: 0, column: 0 }, undefined, 'backward'), undefined);
    index.dispose();
  });

  it('deletes a selection spanning many lines, in either direction; undo and redo restore', async () => {
    const { text, index, all } = await editable('one\ntwo\nthree\nfour\n');
    const r = deleteText(text, text.table, { line: 3, column: 2 }, { line: 0, column: 1 }, 'backward')!;
    text.invalidate();
    assert.strictEqual(all(), 'our\n');
    undoEdit(text.table, r.edit);
    text.invalidate();
    assert.strictEqual(all(), 'one\ntwo\nthree\nfour\n');
    redoEdit(text.table, r.edit);
    text.invalidate();
    assert.strictEqual(all(), 'our\n');
    index.dispose();
  });
});
