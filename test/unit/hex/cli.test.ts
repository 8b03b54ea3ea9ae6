import * as assert from 'assert';
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { permissionsApply, randInt, random, randomBytes, sha256File, tempDir, tempFile } from '../testUtil';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
const hasHexdump = spawnSync('hexdump', ['-C'], { input: '' }).status === 0;

interface Run { status: number | null; stdout: string; stderr: string }

function hugefile(args: string[], options: SpawnSyncOptions = {}): Run {
  assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run `npm run build` (npm test does)');
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The bytes shown in a dump's hex columns, read back the naive way. */
function dumpedBytes(dump: string): Buffer {
  const rows = dump.trimEnd().split('\n');
  const hex = rows.slice(0, -1).map((row) => row.slice(row.indexOf(' '), row.indexOf('|')).trim().split(/ +/).join(''));
  return Buffer.from(hex.join(''), 'hex');
}

describe('hugefile dump', () => {
  it('prints the bytes of the range (default 256), clipped at the end of the file', () => {
    const rand = random(101);
    const data = randomBytes(rand, 10000);
    const file = tempFile('dump.bin', data);
    const cases: [string, string | undefined][] = [['0', undefined], ['0x100', '17'], ['9990', '100'], ['1234', '0x40'], ['ffh', undefined], ['9999', '1']];
    for (const [offset, len] of cases) {
      const r = hugefile(['dump', file, offset, ...(len === undefined ? [] : [len])]);
      assert.strictEqual(r.status, 0, r.stderr);
      const start = Number(offset.endsWith('h') ? `0x${offset.slice(0, -1)}` : offset);
      assert.deepStrictEqual(dumpedBytes(r.stdout), data.subarray(start, start + Number(len ?? 256)), `${offset} ${len}`);
    }
  });

  it('prints exactly what `hexdump -C -v -s OFF -n LEN` prints, past 4 GiB too', function () {
    if (!hasHexdump) this.skip();
    const rand = random(102);
    const file = tempFile('sparse.bin', '');
    const size = 4 * 1024 ** 3 + 5000;
    fs.truncateSync(file, size);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, randomBytes(rand, 9000), 0, 9000, size - 9000);
    fs.writeSync(fd, randomBytes(rand, 3000), 0, 3000, 0);
    fs.closeSync(fd);
    for (const [off, len] of [[0, 3000], [1, 100], [size - 9000, 4500], [2 ** 32 - 7, 33], [size - 40, 1000], [size - 1, 1]]) {
      const r = hugefile(['dump', file, `0x${off.toString(16)}`, String(len)]);
      const want = spawnSync('hexdump', ['-C', '-v', '-s', String(off), '-n', String(len), file], { encoding: 'utf8' }).stdout;
      assert.strictEqual(r.stdout, want, `dump at ${off}, ${len} bytes`);
    }
  });

  it('refuses an offset past the end (exit 1), and bad or oversized arguments (exit 2)', () => {
    const file = tempFile('small.bin', 'abcdef');
    const past = hugefile(['dump', file, '7']);
    assert.strictEqual(past.status, 1);
    assert.match(past.stderr, /past the end of the file \(6 bytes\)/);
    assert.strictEqual(hugefile(['dump', file, '6']).status, 1);
    assert.match(hugefile(['dump', file, '6']).stderr, /nothing to dump/);
    for (const args of [['dump', file, 'zz'], ['dump', file, '0', String(64 * 1024 * 1024 + 1)], ['dump', file, '0', '0'], ['dump', file]]) {
      const r = hugefile(args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /usage:/);
    }
    assert.match(hugefile(['dump', file, '0', '0x8000000']).stderr, /LEN must be 1 to 67108864 \(64 MiB\)/);
    assert.match(hugefile(['dump', `${tempDir()}/missing`, '0']).stderr, /ENOENT/);
  });
});

describe('hugefile patch', () => {
  it('changes exactly the given bytes, prints old -> new, and keeps the size', () => {
    const rand = random(103);
    const want = randomBytes(rand, 70000);
    const file = tempFile('patch.bin', want);
    for (let i = 0; i < 8; i++) {
      const offset = i === 0 ? 4094 : randInt(rand, want.length - 10);
      const bytes = randomBytes(rand, 1 + randInt(rand, 10));
      const old = Buffer.from(want.subarray(offset, offset + bytes.length));
      const hex = (bytes.toString('hex').match(/../g) as string[]).join(i % 2 ? ' ' : ',0x');
      const args = ['patch', file, `0x${offset.toString(16)}`, i % 2 ? hex : `0x${hex}`];
      if (i % 3 === 0) args.push('--expect', old.toString('hex'));
      const r = hugefile(args);
      assert.strictEqual(r.status, 0, r.stderr);
      bytes.copy(want, offset);
      assert.deepStrictEqual(fs.readFileSync(file), want);
      const spaced = (b: Buffer) => (b.toString('hex').match(/../g) as string[]).join(' ');
      if (!old.equals(bytes)) assert.ok(r.stdout.includes(`at offset ${offset} (0x${offset.toString(16)}): ${spaced(old)} -> ${spaced(bytes)}`), r.stdout);
    }
  });

  it('leaves the file byte-identical when --expect does not match', () => {
    const file = tempFile('expect.bin', randomBytes(random(104), 5000));
    const hash = sha256File(file);
    const current = fs.readFileSync(file).subarray(100, 104).toString('hex');
    const wrong = (Number.parseInt(current, 16) ^ 1).toString(16).padStart(8, '0');
    const r = hugefile(['patch', file, '100', '00000000', `--expect=${wrong}`]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /ECHANGED: the bytes at 100 are .* not the expected .*; nothing was written/);
    assert.strictEqual(sha256File(file), hash);
  });

  it('refuses a range past the end (exit 1): the file keeps its size and bytes', () => {
    const file = tempFile('end.bin', randomBytes(random(105), 4096));
    const hash = sha256File(file);
    for (const [offset, hex] of [['4095', 'aabb'], ['4096', 'aa'], ['0x2000', 'aa']]) {
      const r = hugefile(['patch', file, offset, hex]);
      assert.strictEqual(r.status, 1, `${offset} ${hex}`);
      assert.match(r.stderr, /past the end/);
    }
    assert.strictEqual(sha256File(file), hash);
    assert.strictEqual(fs.statSync(file).size, 4096);
  });

  it('refuses bad arguments with exit 2 and the usage', () => {
    const file = tempFile('args.bin', 'abcdef');
    for (const args of [['patch', file, '0'], ['patch', file, '0', 'abc'], ['patch', file, '0', ''], ['patch', file, '0', 'aa', '--expect'],
      ['patch', file, '0', 'aa', '--expect', 'zz'], ['patch', file, '0', 'aa', 'bb'], ['patch', file, 'x', 'aa'], ['patch', file, '0', 'aa', '--force']]) {
      const r = hugefile(args);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /usage:/);
    }
    assert.match(hugefile(['patch', file, '0', 'aa', '--expect', 'zz']).stderr, /OLDHEX "zz": "z" is not a hex digit at position 0/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcdef');
  });

  it('refuses a read-only file with EACCES (exit 1), the file untouched', function () {
    // Root ignores permission bits: run the CLI as "nobody" then.
    const asRoot = process.getuid?.() === 0;
    const as: SpawnSyncOptions = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (!permissionsApply && !asRoot) this.skip();
    if (asRoot && hugefile(['--help'], as).status !== 0) this.skip(); // the checkout is not readable by "nobody"
    const file = tempFile('ro.bin', 'abcdef');
    fs.chmodSync(file, 0o444);
    fs.chmodSync(tempDir(), 0o755);
    const r = hugefile(['patch', file, '0', '41'], as);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stderr, /EACCES: permission denied, open '.*ro\.bin'/);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcdef');
  });
});
