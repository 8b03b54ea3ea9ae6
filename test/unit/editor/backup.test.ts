import * as assert from 'assert';
import * as fs from 'fs';
import { readBackup, writeBackup } from '../../../src/editor/backup';
import { PieceTable } from '../../../src/edits/pieceTable';
import { open } from '../../../src/mmap';
import { tempFile, tempPath } from '../testUtil';

describe('hot-exit backup', () => {
  function setUp(content: string) {
    const file = tempFile('doc.txt', content);
    const mf = open(file);
    const stat = fs.statSync(file);
    return { file, mf, baseline: { size: stat.size, mtimeMs: stat.mtimeMs }, table: () => new PieceTable(mf, stat.size) };
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
    assert.deepStrictEqual(result, { ok: true, baseline });
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
});
