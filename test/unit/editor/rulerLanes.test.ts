import * as assert from 'assert';
import { offsetOf } from '../../../src/edits/editCommands';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { replaceRange } from '../../../src/edits/textEdit';
import { editedLines } from '../../../src/editor/rulerLanes';
import { LineIndex } from '../../../src/lines';
import { tempFile } from '../testUtil';

describe('the overview ruler\'s lane of unsaved edits', () => {
  it('shows typed text and deletions at their lines', async () => {
    const file = tempFile('edits.log', `${Array.from({ length: 4000 }, (_, i) => `line ${i}`).join('\n')}\n`);
    const index = LineIndex.open(file, { every: 4 });
    try {
      await index.whenComplete();
      const text = new EditedText(index, new PieceTable(index, index.fileSize));
      assert.strictEqual(editedLines(text), undefined, 'pristine');
      const bucketOf = (line: number) => Math.floor((line / text.estimatedLineCount()) * 4096);
      const set = () => {
        const lane = editedLines(text)!;
        return Array.from({ length: lane.count }, (_, b) => b).filter((b) => lane.has(b));
      };
      // A deletion only (part of line 3000): the lane shows where.
      replaceRange(text.table, 'delete', offsetOf(text, { line: 3000, column: 0 }), 4, Buffer.alloc(0));
      text.invalidate();
      const deleted = set();
      assert.ok(deleted.includes(bucketOf(3000)), `line 3000's bucket ${bucketOf(3000)} in ${deleted}`);
      assert.ok(deleted.every((b) => Math.abs(b - bucketOf(3000)) <= 2), `nothing else: ${deleted}`);
      // Text typed on line 1000 as well.
      replaceRange(text.table, 'insert', offsetOf(text, { line: 1000, column: 2 }), 0, Buffer.from('typed'));
      text.invalidate();
      const both = set();
      assert.ok(both.includes(bucketOf(1000)) && both.includes(bucketOf(3000)), `${both}`);
    } finally {
      index.dispose();
    }
  });
});
