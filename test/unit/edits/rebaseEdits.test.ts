// Undo and redo across saves in place: edits made before a save must take the content
// back to what it was, though the save rewrote the file their pieces pointed into.
import * as assert from 'assert';
import * as fs from 'fs';
import { PieceTable } from '../../../src/edits/pieceTable';
import { rebaseForSave } from '../../../src/edits/rebaseEdits';
import { saveInPlace } from '../../../src/edits/saveEngine';
import { planOf } from '../../../src/edits/savePlan';
import { redoEdit, replaceRange, TextEdit, undoEdit } from '../../../src/edits/textEdit';
import { fileSource, randInt, random, tempFile } from '../testUtil';

/** The editor's undo stack, naively: edits with the content before and after each. */
interface Done {
  edit: TextEdit | undefined;
  before: Buffer;
  after: Buffer;
}

async function save(file: string, table: PieceTable, stack: Done[], limit?: number): Promise<void> {
  const live = stack.filter((d) => d.edit);
  const finish = rebaseForSave(table, live.map((d) => d.edit!), limit);
  const stat = fs.statSync(file);
  await saveInPlace(planOf(file, table, { size: stat.size, mtimeMs: stat.mtimeMs }), { hooks: { applyIn: 'inline' } });
  finish().forEach((edit, i) => { live[i].edit = edit; });
  table.reset(fs.statSync(file).size);
}

const content = (table: PieceTable) => table.read(0, table.size);

describe('undo and redo across saves', () => {
  it('random edits, saves, undos and redos always give the content the reference history has', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rand = random(seed);
      const file = tempFile(`r${seed}.bin`, Buffer.from(Array.from({ length: randInt(rand, 5000) }, () => randInt(rand, 256))));
      const table = new PieceTable(fileSource(file), fs.statSync(file).size);
      const done: Done[] = [];
      const undone: Done[] = [];
      for (let step = 0; step < 40; step++) {
        const r = rand();
        if (r < 0.15) {
          await save(file, table, [...done, ...undone]);
          assert.ok(fs.readFileSync(file).equals(content(table)), `seed ${seed} step ${step}: saved content`);
        } else if (r < 0.4 && done.length) {
          const d = done.pop()!;
          undoEdit(table, d.edit!);
          assert.ok(content(table).equals(d.before), `seed ${seed} step ${step}: undo`);
          undone.push(d);
        } else if (r < 0.55 && undone.length) {
          const d = undone.pop()!;
          redoEdit(table, d.edit!);
          assert.ok(content(table).equals(d.after), `seed ${seed} step ${step}: redo`);
          done.push(d);
        } else {
          const before = content(table);
          const offset = randInt(rand, table.size + 1);
          const cut = Math.min(table.size - offset, randInt(rand, rand() < 0.2 ? 2000 : 8));
          const bytes = Buffer.from(Array.from({ length: randInt(rand, 6) }, () => randInt(rand, 256)));
          const edit = replaceRange(table, 'replace', offset, cut, bytes);
          done.push({ edit, before, after: content(table) });
          undone.length = 0;
        }
      }
      // Everything undone, saved: the original file again.
      while (done.length) {
        const d = done.pop()!;
        undoEdit(table, d.edit!);
        assert.ok(content(table).equals(d.before), `seed ${seed}: final undo`);
      }
    }
  });

  it('an overwrite saved in place, then undone and saved: the old byte is back on disk', async () => {
    const file = tempFile('o.bin', Buffer.from('0123456789'));
    const table = new PieceTable(fileSource(file), 10);
    const edit = replaceRange(table, 'overwrite', 4, 1, Buffer.from('X'));
    const stack: Done[] = [{ edit, before: Buffer.from('0123456789'), after: Buffer.from('0123X56789') }];
    await save(file, table, stack);
    assert.strictEqual(fs.readFileSync(file, 'latin1'), '0123X56789');
    undoEdit(table, stack[0].edit!);
    assert.strictEqual(content(table).toString(), '0123456789');
    assert.ok(!table.isPristine, 'the file says X: there is something to save');
    await save(file, table, stack);
    assert.strictEqual(fs.readFileSync(file, 'latin1'), '0123456789');
    redoEdit(table, stack[0].edit!);
    assert.strictEqual(content(table).toString(), '0123X56789');
  });

  it('keeps the old bytes of deletions up to the limit; past it, the edit is dropped', async () => {
    const file = tempFile('d.bin', Buffer.alloc(1000, 0x61));
    const table = new PieceTable(fileSource(file), 1000);
    const small = replaceRange(table, 'delete', 0, 100, Buffer.alloc(0));
    const big = replaceRange(table, 'delete', 0, 500, Buffer.alloc(0));
    const stack: Done[] = [{ edit: small, before: Buffer.alloc(0), after: Buffer.alloc(0) }, { edit: big, before: Buffer.alloc(0), after: Buffer.alloc(0) }];
    await save(file, table, stack, 300);
    assert.strictEqual(fs.statSync(file).size, 400);
    assert.ok(stack[0].edit, 'the first 100 bytes fit');
    assert.strictEqual(stack[1].edit, undefined, 'the next 500 did not');
  });
});
