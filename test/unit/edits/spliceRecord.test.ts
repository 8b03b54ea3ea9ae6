// An undo or redo held during a save is kept in a hot-exit backup as splices: data
// that, carried out on a table rebuilt from the backup's pieces, must give the
// content the undo or redo itself gives, also after saves renamed the file's runs.
import * as assert from 'assert';
import * as fs from 'fs';
import { PieceTable } from '../../../src/edits/pieceTable';
import { rebaseForSave } from '../../../src/edits/rebaseEdits';
import { saveInPlace } from '../../../src/edits/saveEngine';
import { planOf } from '../../../src/edits/savePlan';
import { applySplices, isSpliceRecordList } from '../../../src/edits/spliceRecord';
import { replaceRange } from '../../../src/edits/textEdit';
import { UndoEntry, UndoStep, UndoSteps } from '../../../src/edits/undoSteps';
import { fileSource, randInt, random, randomBytes, tempFile } from '../testUtil';

const content = (table: PieceTable) => table.read(0, table.size);

/** A table over `file` with the pieces of `table`, as a backup restores it: added bytes copied, original runs by offset. */
function restored(file: string, table: PieceTable): PieceTable {
  const copy = new PieceTable(fileSource(file), fs.statSync(file).size);
  copy.delete(0, copy.size);
  let at = 0;
  for (const piece of table.list()) {
    if (piece.source === 'added') copy.insert(at, Buffer.from(table.pieceBytes(piece)));
    else copy.insertPieces(at, [piece]);
    at += piece.length;
  }
  return copy;
}

describe('splice records (an undo or redo held during a save, as data)', () => {
  it('carried out on the restored pieces, give what the undo or redo gives, before and after saves', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rand = random(seed);
      const file = tempFile(`s${seed}.bin`, randomBytes(rand, randInt(rand, 3000)));
      const table = new PieceTable(fileSource(file), fs.statSync(file).size);
      const steps = new UndoSteps(table);
      const entries: UndoEntry[] = [];
      const done: UndoStep[] = [];
      const undone: UndoStep[] = [];
      let now = 0;
      let caret = 0;
      for (let i = 0; i < 60; i++) {
        const r = rand();
        const where = `seed ${seed} step ${i}`;
        if (r < 0.1) {
          const live = entries.filter((e) => e.edit);
          const finish = rebaseForSave(table, live.map((e) => e.edit!));
          const stat = fs.statSync(file);
          await saveInPlace(planOf(file, table, { size: stat.size, mtimeMs: stat.mtimeMs }), { hooks: { applyIn: 'inline' } });
          finish().forEach((edit, k) => { live[k].edit = edit; });
          table.reset(fs.statSync(file).size);
          steps.close();
        } else if (r < 0.45 && (done.length || undone.length)) {
          const forward = undone.length > 0 && (done.length === 0 || rand() < 0.4);
          const step = forward ? undone.pop()! : done.pop()!;
          const records = step.splices(forward);
          assert.ok(records, `${where}: the step's bytes are kept`);
          assert.ok(isSpliceRecordList(JSON.parse(JSON.stringify(records))), `${where}: records survive JSON`);
          const copy = restored(file, table);
          applySplices(copy, JSON.parse(JSON.stringify(records)));
          (forward ? step.redo : step.undo)();
          assert.ok(content(copy).equals(content(table)), `${where}: ${forward ? 'redo' : 'undo'} from the records`);
          (forward ? done : undone).push(step);
        } else {
          // Typing on at the caret mostly, so that steps group several edits.
          const typed = rand() < 0.7;
          const offset = typed && caret <= table.size ? caret : randInt(rand, table.size + 1);
          const cut = typed ? 0 : Math.min(table.size - offset, randInt(rand, rand() < 0.2 ? 500 : 4));
          const bytes = Buffer.from(typed ? 'abc'[randInt(rand, 3)] : 'xyz '.slice(0, 1 + randInt(rand, 4)));
          const edit = replaceRange(table, typed ? 'insert' : 'replace', offset, cut, bytes);
          const entry: UndoEntry = { edit };
          entries.push(entry);
          caret = offset + bytes.length;
          const step = steps.add(entry, { edit, caretOffset: caret, action: typed ? 'type' : undefined }, now += 10);
          if (step) done.push(step);
          undone.length = 0;
        }
      }
    }
  });

  it('tells a damaged list from a good one', () => {
    assert.ok(isSpliceRecordList([{ offset: 0, deleteLength: 2, insert: [{ start: 4, length: 1 }, { base64: 'QQ==' }] }]));
    assert.ok(!isSpliceRecordList([{ offset: -1, deleteLength: 2, insert: [] }]));
    assert.ok(!isSpliceRecordList([{ offset: 0, deleteLength: 2, insert: [{ start: 4 }] }]));
    assert.ok(!isSpliceRecordList([{ offset: 0, deleteLength: 2, insert: [{ base64: 7 }] }]));
    assert.ok(!isSpliceRecordList({ offset: 0 }));
  });
});
