import * as assert from 'assert';
import * as fs from 'fs';
import { appendedTo, diskChangeOf, markOf } from '../../../src/editor/fileMark';
import { tempFile } from '../testUtil';

describe('fileMark: an append told from a rewrite', () => {
  const content = Buffer.from(Array.from({ length: 20_000 }, (_, i) => 97 + (i % 26)));

  it('a file grown by appending gives the new mark', () => {
    const file = tempFile('grow.log', content);
    const before = markOf(file);
    assert.strictEqual(appendedTo(file, before), undefined, 'unchanged is not an append');
    fs.appendFileSync(file, 'more\n');
    const now = appendedTo(file, before);
    assert.ok(now);
    assert.deepStrictEqual([now.size, now.inode], [content.length + 5, before.inode]);
    assert.deepStrictEqual(markOf(file), now);
  });

  it('is not an append: shrunk, replaced, unreadable, or a changed byte at either end of the old extent', () => {
    const file = tempFile('rewrite.log', content);
    const before = markOf(file);
    fs.truncateSync(file, 100);
    assert.strictEqual(appendedTo(file, before), undefined, 'shrunk');
    for (const at of [0, 4095, content.length - 4096, content.length - 1]) {
      const changed = Buffer.from(content);
      changed[at] ^= 1;
      fs.writeFileSync(file, Buffer.concat([changed, Buffer.from('more\n')]));
      assert.strictEqual(appendedTo(file, before), undefined, `byte ${at} changed`);
    }
    fs.writeFileSync(`${file}.new`, Buffer.concat([content, Buffer.from('more\n')]));
    fs.renameSync(`${file}.new`, file);
    assert.strictEqual(appendedTo(file, before), undefined, 'replaced (another inode)');
    fs.rmSync(file);
    assert.strictEqual(appendedTo(file, before), undefined, 'missing');
    assert.strictEqual(markOf(file).size, -1);
  });

  it('marks small and empty files whole', () => {
    const file = tempFile('small.log', '');
    const before = markOf(file);
    fs.appendFileSync(file, 'x');
    assert.strictEqual(appendedTo(file, before)?.size, 1);
  });
});

describe('fileMark: diskChangeOf', () => {
  const content = Buffer.from(Array.from({ length: 50_000 }, (_, i) => 97 + (i % 26)));

  it('tells an unchanged, appended, shrunk, replaced and deleted file apart', () => {
    const file = tempFile('disk.log', content);
    let before = markOf(file);
    assert.strictEqual(diskChangeOf(file, before).change, 'unchanged');
    fs.appendFileSync(file, 'more\n');
    assert.strictEqual(diskChangeOf(file, before).change, 'appended');
    before = markOf(file);
    fs.truncateSync(file, 10);
    assert.strictEqual(diskChangeOf(file, before).change, 'shrunk');
    before = markOf(file);
    fs.writeFileSync(`${file}.new`, 'rotated\n');
    fs.renameSync(`${file}.new`, file);
    assert.strictEqual(diskChangeOf(file, before).change, 'replaced');
    before = markOf(file);
    fs.rmSync(file);
    assert.strictEqual(diskChangeOf(file, before).change, 'gone');
  });

  it('a rewrite in place of the same size is seen by its new mtime, even in the middle of the file', () => {
    const file = tempFile('middle.log', content);
    const before = markOf(file);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('XXXXXXXX'), 0, 8, 25_000); // like dd conv=notrunc, away from both ends
    fs.closeSync(fd);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a new mtime, whatever the clock's resolution
    const { change, mark } = diskChangeOf(file, before);
    assert.strictEqual(change, 'rewritten');
    assert.strictEqual(mark.edges, before.edges, 'the ends did not change: only the mtime tells');
  });

  it('a rewrite at the start is seen by its bytes even with the old mtime (coarse clocks)', () => {
    const file = tempFile('head.log', content);
    const before = markOf(file);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('23 bytes over the start'), 0, 23, 0);
    fs.closeSync(fd);
    const stat = fs.statSync(file);
    fs.utimesSync(file, stat.atime, new Date(before.mtimeMs));
    assert.strictEqual(diskChangeOf(file, before).change, 'rewritten');
  });

  it('a file that grew but whose old bytes changed at the start is rewritten, not appended', () => {
    const file = tempFile('grownrewrite.log', content);
    const before = markOf(file);
    const changed = Buffer.from(content);
    changed[0] = 0x5a;
    fs.writeFileSync(file, Buffer.concat([changed, Buffer.from('more\n')]));
    assert.strictEqual(diskChangeOf(file, before).change, 'rewritten');
  });
});
