import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { open } from '../../../src/mmap';
import { sha256File, tempPath } from '../testUtil';

const cli = path.resolve(__dirname, '../../../dist/cli.js');

/** GNU coreutils' `true` prints "true (GNU coreutils) 9.1": its package name is a C string constant in the binary. */
const program = '/bin/true';
const constant = 'GNU coreutils';
const replacement = 'hugefile test';

/** Offset of `text` as a whole NUL-terminated C string, found by reading the copy through the mmap module. */
function findCString(file: string, text: string): number[] {
  const mf = open(file);
  try {
    const bytes = mf.read(0, mf.size);
    const needle = Buffer.from(`\0${text}\0`);
    const found: number[] = [];
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) found.push(at + 1);
    return found;
  } finally {
    mf.close();
  }
}

describe('patching a real executable', () => {
  it(`changes a string constant in a copy of ${program}: the copy prints the new string, the original is unchanged`, function () {
    const version = spawnSync(program, ['--version'], { encoding: 'utf8' });
    if (version.status !== 0 || !version.stdout.includes(constant)) this.skip(); // not GNU coreutils (e.g. busybox)
    assert.strictEqual(replacement.length, constant.length);
    const originalHash = sha256File(program);
    const copy = tempPath('true-copy');
    fs.copyFileSync(program, copy);
    fs.chmodSync(copy, 0o755);

    const offsets = findCString(copy, constant);
    assert.strictEqual(offsets.length, 1, `"${constant}" as a C string in ${program}`);
    const r = spawnSync(process.execPath, [cli, 'patch', copy, `0x${offsets[0].toString(16)}`,
      Buffer.from(replacement).toString('hex'), '--expect', Buffer.from(constant).toString('hex')], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^patched .* 13 bytes at offset/);

    const patched = spawnSync(copy, ['--version'], { encoding: 'utf8' });
    assert.strictEqual(patched.status, 0, patched.stderr);
    assert.ok(patched.stdout.includes(replacement), patched.stdout);
    assert.strictEqual(patched.stdout, version.stdout.replaceAll(constant, replacement));
    assert.strictEqual(sha256File(program), originalHash);
    assert.strictEqual(spawnSync(program, ['--version'], { encoding: 'utf8' }).stdout, version.stdout);
  });
});
