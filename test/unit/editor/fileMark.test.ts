import * as assert from 'assert';
import * as fs from 'fs';
import { appendedTo, markOf } from '../../../src/editor/fileMark';
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
