import * as assert from 'assert';
import * as fs from 'fs';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { reloadContent } from '../../../src/editor/contentReload';
import { LineIndex } from '../../../src/lines';
import { tempFile } from '../testUtil';

describe('reloadContent (after a save wrote the edits)', () => {
  // The document reads the content (line count, caret) each time the index reports
  // progress, and a reload reports at once. Rapid auto-saves hit this: a save that
  // shortened the file left the table naming bytes past its new end, and the rest of
  // the document's reset never ran ("offset 12 is past the end (9)").
  // Each edit keeps the file's last bytes, which the content then names past the new end.
  for (const [name, before, cut, insert] of [
    ['shorter', 'first line\nline 2\nline three\n', 11, ''],
    ['longer', 'a\nb\n', 1, 'longer\ntext'],
    ['emptied', 'abc', 3, ''],
  ] as const) {
    it(`lets the index's listeners read the new content while it reloads (file ${name})`, async () => {
      const file = tempFile(`reload-${name}.txt`, before);
      const index = LineIndex.open(file);
      await index.whenComplete();
      const text = new EditedText(index, new PieceTable(index, before.length));
      text.table.delete(0, cut);
      text.table.insert(0, Buffer.from(insert));
      text.invalidate();
      const after = insert + before.slice(cut);
      assert.strictEqual(text.availableLines(), after.split('\n').length);
      const seen: string[] = [];
      index.onProgress(() => {
        text.invalidate();
        seen.push(text.read(0, text.size).toString());
        text.availableLines();
      });
      fs.writeFileSync(file, after);
      const mark = reloadContent(file, text, index);
      await index.whenComplete();
      text.invalidate();
      assert.strictEqual(mark.size, after.length);
      assert.ok(text.table.isPristine);
      assert.ok(seen.length > 0, 'the reload reported progress');
      assert.ok(seen.every((content) => content === after), JSON.stringify(seen));
      assert.strictEqual(text.availableLines(), after.split('\n').length);
      index.dispose();
    });
  }
});
