import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { backupToRestore, deleteBackupsOf, leftoverBackup, readBackup, writeBackup } from '../../../src/editor/backup';
import { markOf } from '../../../src/editor/fileMark';
import { applyHeldEdit, HeldEdit } from '../../../src/editor/heldEdit';
import { EditedText } from '../../../src/edits/editedText';
import { PieceTable } from '../../../src/edits/pieceTable';
import { journalPath, recoverInterruptedSave, saveInPlace } from '../../../src/edits/saveEngine';
import { planOf } from '../../../src/edits/savePlan';
import { LineIndex } from '../../../src/lines';
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
    assert.deepStrictEqual(result, { ok: true, appended: 0, held: [] });
    assert.ok(restored.read(0, restored.size).equals(edited.read(0, edited.size)));
    mf.close();
  });

  it('restores the newest backup of the file when the one VS Code names is gone (an older id kept by its window)', async () => {
    const { file, mf, baseline, table } = setUp('abcdef');
    const dir = path.dirname(tempPath('backups/x'));
    fs.mkdirSync(dir, { recursive: true });
    const edited = table();
    edited.insert(1, Buffer.from('OLD'));
    await writeBackup(path.join(dir, 'h1'), file, baseline, edited);
    edited.insert(1, Buffer.from('NEW'));
    await writeBackup(path.join(dir, 'h2'), file, baseline, edited);
    await writeBackup(path.join(dir, 'other3'), '/elsewhere.txt', baseline, edited);
    fs.writeFileSync(path.join(dir, 'not-json'), 'x');
    const times = [1_000, 2_000, 3_000, 4_000];
    ['h1', 'h2', 'other3', 'not-json'].forEach((name, i) => fs.utimesSync(path.join(dir, name), times[i] / 1000, times[i] / 1000));
    assert.strictEqual(await backupToRestore(path.join(dir, 'h1'), file), path.join(dir, 'h1'), 'the one named, while it is there');
    fs.rmSync(path.join(dir, 'h1'));
    assert.strictEqual(await backupToRestore(path.join(dir, 'h1'), file), path.join(dir, 'h2'));
    const restored = table();
    assert.strictEqual((await readBackup(path.join(dir, 'h2'), file, baseline, restored)).ok, true);
    assert.strictEqual(restored.read(0, restored.size).toString(), 'aNEWOLDbcdef');
    fs.rmSync(path.join(dir, 'h2'));
    assert.strictEqual(await backupToRestore(path.join(dir, 'h1'), file), undefined, 'none of this file left');
    assert.strictEqual(await backupToRestore(path.join(dir, 'gone', 'h1'), file), undefined, 'no folder');
    mf.close();
  });

  it('offers no backup that holds no change (taken as an undo made the content the file again) and deletes it', async () => {
    const { file, mf, baseline, table } = setUp('line 1\nline 2\n');
    const dir = path.dirname(tempPath('pristine/x'));
    fs.mkdirSync(dir, { recursive: true });
    const undone = table();
    undone.insert(0, Buffer.from('A'));
    undone.delete(0, 1);
    await writeBackup(path.join(dir, 'undone'), file, baseline, undone);
    assert.strictEqual(await leftoverBackup(dir, file, markOf(file)), undefined);
    assert.deepStrictEqual(fs.readdirSync(dir), []);
    mf.close();
  });

  it('finds the newest leftover backup that fits the file as it is, deletes those of this file that no longer fit, and keeps other files\' backups', async () => {
    const { file, mf, baseline, table } = setUp('line 1\nline 2\n');
    const dir = path.dirname(tempPath('leftovers/x'));
    fs.mkdirSync(dir, { recursive: true });
    const edited = table();
    edited.insert(0, Buffer.from('A'));
    await writeBackup(path.join(dir, 'before-save'), file, { ...baseline, mtimeMs: baseline.mtimeMs - 5000 }, edited);
    await writeBackup(path.join(dir, 'older'), file, baseline, edited);
    edited.insert(0, Buffer.from('B'));
    await writeBackup(path.join(dir, 'newer'), file, baseline, edited);
    await writeBackup(path.join(dir, 'other'), '/elsewhere.txt', { ...baseline, mtimeMs: 1 }, edited);
    fs.writeFileSync(path.join(dir, 'not-json'), 'x');
    ['before-save', 'older', 'newer', 'other', 'not-json'].forEach((name, i) => fs.utimesSync(path.join(dir, name), 1000 + i, 1000 + i));
    const found = await leftoverBackup(dir, file, markOf(file));
    assert.deepStrictEqual(found, { at: path.join(dir, 'newer'), mtimeMs: 1002_000 });
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['newer', 'not-json', 'older', 'other'], 'the one made on other content is gone');
    const restored = table();
    assert.strictEqual((await readBackup(found!.at, file, markOf(file), restored)).ok, true);
    assert.strictEqual(restored.read(0, restored.size).toString(), 'BAline 1\nline 2\n');

    fs.appendFileSync(file, 'line 3\n');
    assert.strictEqual((await leftoverBackup(dir, file, markOf(file)))?.at, path.join(dir, 'newer'), 'a log that grew since still fits');
    fs.writeFileSync(file, 'other content\n');
    assert.strictEqual(await leftoverBackup(dir, file, markOf(file)), undefined, 'a rewritten file fits none');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['not-json', 'other']);
    await writeBackup(path.join(dir, 'again'), file, markOf(file), edited);
    await deleteBackupsOf(dir, file);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['not-json', 'other']);
    assert.strictEqual(await leftoverBackup(path.join(dir, 'gone'), file, markOf(file)), undefined, 'no folder');
    mf.close();
  });

  it('tells backups apart by the path at their head, whatever characters it holds and however many bytes they carry', async () => {
    const file = tempFile('we"ird \\ naïve 名前.log', 'abc\n');
    const mf = open(file);
    const baseline = markOf(file);
    const dir = path.dirname(tempPath('heads/x'));
    fs.mkdirSync(dir, { recursive: true });
    const edited = new PieceTable(mf, baseline.size);
    edited.insert(0, Buffer.alloc(300_000, 'p'));
    await writeBackup(path.join(dir, 'big'), file, baseline, edited);
    await writeBackup(path.join(dir, 'other'), `${file}.1`, baseline, edited);
    assert.strictEqual(await backupToRestore(path.join(dir, 'gone'), file), path.join(dir, 'big'));
    assert.strictEqual((await leftoverBackup(dir, file, markOf(file)))?.at, path.join(dir, 'big'));
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
    assert.deepStrictEqual(result, { ok: true, appended: 7, held: [] });
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

  /**
   * What a save that died after writing leaves, then what opening the file does:
   * saves `table` in place, puts its journal back (the process died before removing
   * it), and recovers. Returns what recovery says it rolled back to.
   */
  async function saveThenDie(file: string, table: PieceTable, baseline: ReturnType<typeof markOf>) {
    const kept = tempPath('kept-journal');
    await saveInPlace(planOf(file, table, baseline), { hooks: { beforeApply: () => fs.copyFileSync(journalPath(file), kept) } });
    fs.copyFileSync(kept, journalPath(file));
    const recovery = recoverInterruptedSave(file);
    assert.ok(recovery.recovered, recovery.detail);
    return recovery.restored;
  }

  it('restores onto the file journal recovery rolled back to the content it was made on (new mtime), never onto other content', async () => {
    const content = 'line 1\nline 2\nline 3\n'.repeat(500);
    const { file, mf, baseline, table } = setUp(content);
    const edited = table();
    edited.insert(5, Buffer.from('ONE'));
    const backup = tempPath('backup.json');
    await writeBackup(backup, file, baseline, edited);
    const expected = edited.read(0, edited.size).toString();
    mf.close();
    const rolledBack = await saveThenDie(file, edited, baseline);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), content, 'recovery restored the old bytes');
    const now = markOf(file);
    assert.notStrictEqual(now.mtimeMs, baseline.mtimeMs, 'the rolled-back file has a new mtime');
    assert.deepStrictEqual(rolledBack, { size: baseline.size, mtimeMs: baseline.mtimeMs, inode: baseline.inode });

    const reopened = open(file);
    const restored = new PieceTable(reopened, now.size);
    assert.deepStrictEqual(await readBackup(backup, file, now, restored, rolledBack), { ok: true, appended: 0, held: [] });
    assert.strictEqual(restored.read(0, restored.size).toString(), expected);
    const refused = { ok: false, reason: 'the file changed on disk since they were made' };
    assert.deepStrictEqual(await readBackup(backup, file, now, new PieceTable(reopened, now.size)), refused, 'no rollback: a new mtime is a change');
    const otherSave = { ...rolledBack!, mtimeMs: rolledBack!.mtimeMs - 1000 };
    assert.deepStrictEqual(await readBackup(backup, file, now, new PieceTable(reopened, now.size), otherSave), refused, 'rolled back to another version');
    reopened.close();
    fs.writeFileSync(file, `#${content.slice(1)}`);
    const rewritten = markOf(file);
    assert.strictEqual(rewritten.inode, baseline.inode);
    const changedTable = new PieceTable(open(file), rewritten.size);
    assert.deepStrictEqual(await readBackup(backup, file, rewritten, changedTable, rolledBack), refused, 'changed since the rollback');
  });

  it('records edits held during a save and gives them back to carry out on the restored content', async () => {
    const file = tempFile('held.txt', 'alpha\nbeta\n');
    const index = LineIndex.open(file, { every: 2 });
    await new Promise<void>((resolve) => { const stop = index.onProgress(() => { if (index.complete) { stop(); resolve(); } }); if (index.complete) resolve(); });
    const baseline = markOf(file);
    const edited = new PieceTable(index, index.fileSize);
    edited.insert(0, Buffer.from('> '));
    const held: HeldEdit[] = [
      { kind: 'type', at: { line: 1, column: 4 }, text: '\ngamma', overwrite: false },
      { kind: 'delete', from: { line: 0, column: 2 }, to: { line: 0, column: 3 }, direction: 'forward' },
      { kind: 'bytes', offset: 0, deleteLength: 1, base64: Buffer.from('<').toString('base64') },
      // An undo held during the save: the file's first byte back in place of "<", then "!" typed before it.
      { kind: 'splices', records: [{ offset: 0, deleteLength: 1, insert: [{ start: 0, length: 1 }] }, { offset: 0, deleteLength: 0, insert: [{ base64: 'IQ==' }] }] },
    ];
    const backup = tempPath('backup.json');
    await writeBackup(backup, file, baseline, edited, held);
    const text = new EditedText(index, new PieceTable(index, index.fileSize));
    const result = await readBackup(backup, file, baseline, text.table);
    assert.ok(result.ok);
    assert.deepStrictEqual(result.held, held);
    for (const edit of result.held) {
      applyHeldEdit(text, edit, '\n');
      text.invalidate();
    }
    assert.strictEqual(text.read(0, text.size).toString(), '!a lpha\nbeta\ngamma\n');
    index.dispose();
  });

  it('refuses a backup whose held edits are damaged', async () => {
    const { file, mf, baseline, table } = setUp('abc');
    const backup = tempPath('backup.json');
    await writeBackup(backup, file, baseline, table(), [{ kind: 'bytes', offset: 0, deleteLength: 0, base64: 'QQ==' }]);
    const json = JSON.parse(fs.readFileSync(backup, 'utf8'));
    json.held[0].offset = 'zero';
    fs.writeFileSync(backup, JSON.stringify(json));
    assert.deepStrictEqual(await readBackup(backup, file, baseline, table()), { ok: false, reason: 'the backup is damaged' });
    // A held undo naming bytes past the end of the file it was made on.
    await writeBackup(backup, file, baseline, table(), [{ kind: 'splices', records: [{ offset: 0, deleteLength: 0, insert: [{ start: 2, length: 2 }] }] }]);
    assert.deepStrictEqual(await readBackup(backup, file, baseline, table()), { ok: false, reason: 'the backup is damaged' });
    mf.close();
  });
});
