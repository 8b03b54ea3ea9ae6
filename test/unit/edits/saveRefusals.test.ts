import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { journalPath, saveInPlace, SavePlan, Segment } from '../../../src/edits/saveEngine';
import { tempDir, tempFile, tempPath } from '../testUtil';

const repo = path.resolve(__dirname, '../../..');
const insertAtStart = (size: number): Segment[] => [{ kind: 'bytes', data: Buffer.from('x') }, { kind: 'original', offset: 0, length: size }];

function planFor(file: string, segments: Segment[]): SavePlan {
  const stat = fs.statSync(file);
  return { path: file, segments, originalSize: stat.size, originalMtimeMs: stat.mtimeMs };
}

/** Content hash (of the first MiB for huge sparse files), size and mtime. */
function snapshot(file: string): string {
  const stat = fs.statSync(file);
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(Math.min(stat.size, 1 << 20));
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  return `${createHash('sha256').update(head).digest('hex')} ${stat.size} ${stat.mtimeMs}`;
}

async function expectRefused(file: string, save: () => Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const before = fs.existsSync(file) ? snapshot(file) : 'missing';
  const journalBefore = fs.existsSync(journalPath(file));
  await assert.rejects(save(), (err: Error & { code?: string }) => {
    assert.strictEqual(err.code, code, err.message);
    if (message) assert.match(err.message, message);
    return true;
  });
  assert.strictEqual(fs.existsSync(file) ? snapshot(file) : 'missing', before, 'the file changed');
  assert.strictEqual(fs.existsSync(journalPath(file)), journalBefore, 'a journal was created or removed');
}

/**
 * Saves from a child process that cannot write where the file's owner can: as
 * `nobody` when the tests run as root (root ignores permission bits), else as us.
 */
function saveAsOther(plan: SavePlan): { code: string; message: string } | undefined {
  const script = `
    const { saveInPlace } = require(${JSON.stringify(path.join(repo, 'src/edits/saveEngine.ts'))});
    const plan = JSON.parse(process.argv[1]);
    plan.segments = plan.segments.map((s) => s.kind === 'bytes' ? { kind: 'bytes', data: Buffer.from(s.data) } : s);
    saveInPlace(plan).then(() => console.log('{"code":"saved"}'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })));`;
  const encoded = { ...plan, segments: plan.segments.map((s) => (s.kind === 'bytes' ? { kind: 'bytes', data: s.data.toString('latin1') } : s)) };
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const out = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script, JSON.stringify(encoded)], { cwd: repo, encoding: 'utf8', ...asNobody });
  if ((out.error as { code?: string } | undefined)?.code === 'EPERM') return undefined; // root without CAP_SETUID
  assert.strictEqual(out.status, 0, out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop()!);
}

describe('saveInPlace refusals (the file is left untouched)', () => {
  it('ENOENT: the file is missing', async () => {
    const file = tempPath('missing.txt');
    await expectRefused(file, () => saveInPlace({ path: file, segments: [], originalSize: 0 }), 'ENOENT');
  });

  it('EISDIR: the path is a folder', async () => {
    const dir = tempPath('folder');
    fs.mkdirSync(dir);
    await assert.rejects(saveInPlace({ path: dir, segments: [], originalSize: fs.statSync(dir).size }), { code: 'EISDIR' });
    assert.deepStrictEqual(fs.readdirSync(tempDir()), ['folder']);
  });

  it('ECHANGED: the size or mtime differs from when the edits were made', async () => {
    const file = tempFile('changed.txt', 'some text');
    const plan = planFor(file, insertAtStart(9));
    await expectRefused(file, () => saveInPlace({ ...plan, originalSize: 8, segments: insertAtStart(8) }), 'ECHANGED', /now 9 bytes/);
    await expectRefused(file, () => saveInPlace({ ...plan, originalMtimeMs: plan.originalMtimeMs! - 1000 }), 'ECHANGED', /modified/);
  });

  it('ECHANGED: the file changes while the journal is written (the journal is removed)', async () => {
    const file = tempFile('racing.bin', Buffer.alloc(200_000, 3));
    const plan = planFor(file, insertAtStart(200_000));
    const later = new Date(Date.now() + 5000);
    const touch = () => fs.utimesSync(file, later, later);
    await assert.rejects(saveInPlace(plan, { onProgress: (p) => p.phase === 'journal' && touch(), hooks: { chunkBytes: 65_536 } }), { code: 'ECHANGED' });
    assert.ok(fs.readFileSync(file).equals(Buffer.alloc(200_000, 3)));
    assert.strictEqual(fs.existsSync(journalPath(file)), false);
  });

  it('ERR_INVALID_ARG_VALUE: segments outside the original file', async () => {
    const file = tempFile('bad.txt', 'abc');
    await expectRefused(file, () => saveInPlace(planFor(file, [{ kind: 'original', offset: 2, length: 2 }])), 'ERR_INVALID_ARG_VALUE');
  });

  describe('permissions', () => {
    beforeEach(() => fs.chmodSync(tempDir(), 0o777));

    it('EACCES: a read-only file', function () {
      const file = tempFile('readonly.txt', 'locked content');
      fs.chmodSync(file, 0o444);
      const before = snapshot(file);
      const err = saveAsOther(planFor(file, insertAtStart(14))) ?? this.skip();
      assert.strictEqual(err.code, 'EACCES', err.message);
      assert.match(err.message, /read-only/);
      assert.strictEqual(snapshot(file), before);
      assert.strictEqual(fs.existsSync(journalPath(file)), false);
    });

    it('EACCES: the folder cannot hold the journal, and the message says why it is needed', function () {
      const file = tempFile('writable.txt', 'open content');
      fs.chmodSync(file, 0o666);
      fs.chmodSync(tempDir(), 0o555);
      const before = snapshot(file);
      const err = saveAsOther(planFor(file, insertAtStart(12))) ?? this.skip();
      assert.strictEqual(err.code, 'EACCES', err.message);
      assert.match(err.message, /crash-safe save first writes the old bytes to '.*writable\.txt\.hugefile-journal' beside the file/);
      assert.strictEqual(snapshot(file), before);
    });
  });

  it('ENOSPC: no room for the journal (a sparse file larger than the free space)', async function () {
    // Linux filesystems (ext4, xfs, btrfs, tmpfs) keep the file sparse; elsewhere it could really fill the disk.
    if (process.platform !== 'linux') this.skip();
    const dir = tempDir();
    const { bavail, bsize } = fs.statfsSync(dir);
    const size = Math.ceil((bavail * bsize * 1.5) / 4096) * 4096 + 2 ** 30;
    const file = tempPath('sparse-huge.bin');
    try {
      fs.writeFileSync(file, 'head');
      fs.truncateSync(file, size);
    } catch {
      this.skip(); // the filesystem cannot hold a sparse file that large
    }
    await expectRefused(file, () => saveInPlace(planFor(file, insertAtStart(size))), 'ENOSPC', /not enough free disk space/);
  });

  it('EBUSY: a journal is already there (another save, or a crash not yet recovered)', async () => {
    const file = tempFile('busy.txt', 'content');
    fs.writeFileSync(journalPath(file), 'someone else');
    await expectRefused(file, () => saveInPlace(planFor(file, insertAtStart(7))), 'EBUSY', /in progress/);
    assert.strictEqual(fs.readFileSync(journalPath(file), 'utf8'), 'someone else');
  });

  it('EBUSY: a second save of the same file while the first runs', async () => {
    const file = tempFile('twice.bin', Buffer.alloc(1_000_000, 4));
    const first = saveInPlace(planFor(file, insertAtStart(1_000_000)), { hooks: { chunkBytes: 65_536 } });
    await assert.rejects(saveInPlace(planFor(file, insertAtStart(1_000_000))), { code: 'EBUSY' });
    await first;
    assert.strictEqual(fs.statSync(file).size, 1_000_001);
  });
});
