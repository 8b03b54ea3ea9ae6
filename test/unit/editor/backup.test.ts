import * as assert from 'assert';
import * as fs from 'fs';
import { readBackup, writeBackup } from '../../../src/editor/backup';
import { markOf } from '../../../src/editor/fileMark';
import { PieceTable } from '../../../src/edits/pieceTable';
import { open } from '../../../src/mmap';
import { tempFile, tempPath } from '../testUtil';

describe('hot-exit backup', () => {
  function setUp(content: string) {
    const file = tempFile('doc.txt', content);
    const mf = open(file);
    const baseline = markOf(file);
    return { file, mf, baseline, table: () => new PieceTable(mf, baseline.size) };
  }

  it('saves the edit list, not the file, and restores it onto the unchanged file', async () => {
    const { file, mf, baseline, table } = setUp('0123456789'.repeat(1000));
    const edited = table();
    edited.insert(5, Buffer.from('HELLO'));
    edited.delete(100, 2000);
    edited.insert(edited.size, Buffer.from('END'));
    const backup = tempPath('backup.json');
    await writeBackup(backup, file, baseline, edited);
    assert.ok(fs.statSync(backup).size < 500, 'the backup holds edits, not the 10 KB file');
    const restored = table();
    const result = await readBackup(backup, file, baseline, restored);
    assert.deepStrictEqual(result, { ok: true, appended: 0 });
    assert.ok(restored.read(0, restored.size).equals(edited.read(0, edited.size)));
    mf.close();
  });

  it('refuses to restore onto a file that changed on disk, a damaged or a foreign backup', async () => {
    const { file, mf, baseline, table } = setUp('abcdef');
    const edited = table();
    edited.insert(1, Buffer.from('X'));
    const backup = tempPath('backup.json');
    await writeBackup(backup, file, baseline, edited);
    const changed = await readBackup(backup, file, { ...baseline, mtimeMs: baseline.mtimeMs + 1 }, table());
    assert.deepStrictEqual(changed, { ok: false, reason: 'the file changed on disk since they were made' });
    assert.strictEqual((await readBackup(backup, '/elsewhere.txt', baseline, table())).ok, false);
    fs.writeFileSync(backup, '{ not json');
    const damaged = await readBackup(backup, file, baseline, table());
    assert.strictEqual(damaged.ok, false);
    mf.close();
  });

  it('restores onto the file grown by appending since (a log), with the new bytes after the edits', async () => {
    const { file, mf, baseline, table } = setUp('line 1\nline 2\nline 3\n');
    const edited = table();
    edited.insert(5, Buffer.from('ONE'));
    edited.delete(edited.size - 7, 7);
    const backup = tempPath('backup.json');
    await writeBackup(backup, file, baseline, edited);
    fs.appendFileSync(file, 'line 4\n');
    const grown = open(file);
    const restored = new PieceTable(grown, baseline.size);
    const result = await readBackup(backup, file, markOf(file), restored);
    assert.deepStrictEqual(result, { ok: true, appended: 7 });
    assert.strictEqual(restored.read(0, restored.size).toString(), 'line ONE1\nline 2\nline 4\n');
    grown.close();
    mf.close();
  });

  it('does not take a rewrite for an append: a changed first or last byte of the old extent refuses', async () => {
    for (const at of [0, 20]) {
      const { file, mf, baseline, table } = setUp('line 1\nline 2\nline 3\n');
      const edited = table();
      edited.insert(5, Buffer.from('ONE'));
      const backup = tempPath('backup.json');
      await writeBackup(backup, file, baseline, edited);
      const bytes = fs.readFileSync(file);
      bytes[at] = 0x23;
      fs.writeFileSync(file, Buffer.concat([bytes, Buffer.from('line 4\n')]));
      const result = await readBackup(backup, file, markOf(file), table());
      assert.deepStrictEqual(result, { ok: false, reason: 'the file changed on disk since they were made' }, `byte ${at} changed`);
      mf.close();
    }
  });
});
