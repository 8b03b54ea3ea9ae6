import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeLog } from '../../../scripts/make-log';
import { tempFile, tempPath } from '../testUtil';

const repo = path.resolve(__dirname, '../../..');

/** Runs `hugefile grep` from the TypeScript sources; returns stdout and the exit status. */
function hugefile(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(repo, 'src/cli.ts'), 'grep', ...args], { cwd: repo, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** GNU grep's output, or '' when it found nothing (exit status 1). */
function grep(...args: string[]): string {
  try {
    return execFileSync('grep', args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  } catch (err) {
    if ((err as { status?: number }).status === 1) return (err as { stdout: string }).stdout;
    throw err;
  }
}

describe('hugefile grep (CLI) against GNU grep', function () {
  this.timeout(180000);

  it('counts the same matching lines as grep -c -F / -E / -i / -w on a generated log', () => {
    const log = tempPath('log.txt');
    const lines = makeLog(log, 6 * 1024 * 1024);
    const cases: [string[], string[]][] = [
      [['-F', `#${lines - 3} `], [`#${lines - 3} `]],
      [['-F', 'INFO  [worker-2]'], ['INFO  [worker-2]']],
      [['-F', 'nothing like this'], ['nothing like this']],
      [['-E', 'took=4[0-9]+ms'], ['took=4[0-9]+ms', '--regex']],
      [['-E', 'ERROR \\[worker-1[0-5]\\] .*(timeout|retry)'], ['ERROR \\[worker-1[0-5]\\] .*(timeout|retry)', '--regex']],
      [['-E', '^#1[0-9]{3} '], ['^#1[0-9]{3} ', '--regex']],
      [['-E', '[0-9]{4}ms$'], ['[0-9]{4}ms$', '--regex']],
      [['-F', '-i', 'warn  [WORKER-3]'], ['warn  [WORKER-3]', '--ignore-case']],
      [['-F', '-w', 'hit'], ['hit', '--word']],
      [['-F', '-w', '-i', 'Token'], ['Token', '--word', '--ignore-case']],
    ];
    for (const [grepArgs, ourArgs] of cases) {
      const want = grep('-c', ...grepArgs, log).trim();
      const ours = hugefile(log, ...ourArgs, '--count');
      assert.strictEqual(ours.stdout.trim(), want, `grep -c ${grepArgs.join(' ')}`);
      assert.strictEqual(ours.status, want === '0' ? 1 : 0, `exit status for ${grepArgs.join(' ')}`);
    }
  });

  it('prints LINE:text like grep -n, and hex offsets like grep -b -o', () => {
    const log = tempPath('small.log');
    makeLog(log, 300 * 1024);
    assert.strictEqual(hugefile(log, 'took=12').stdout, grep('-n', '-F', 'took=12', log));
    assert.strictEqual(hugefile(log, 'miss hit', '--ignore-case').stdout, grep('-n', '-i', '-F', 'miss hit', log));
    const offsets = grep('-b', '-o', '-F', 'cache miss', log).trim().split('\n').map((l) => Number(l.split(':')[0]));
    const hex = hugefile(log, '63 61 63 68 65 ?? 6d 69 73 73', '--hex');
    assert.deepStrictEqual(hex.stdout.trim().split('\n'), offsets.map((o) => `0x${o.toString(16)} ${o}`));
    assert.strictEqual(hugefile(log, '63 61 63 68 65 ?? 6d 69 73 73', '--hex', '--count').stdout.trim(), String(offsets.length));
  });

  it('prints lines without their \\r\\n and a last line without newline', () => {
    const file = tempFile('crlf.txt', 'one x\r\ntwo\r\nthree x');
    assert.strictEqual(hugefile(file, 'x').stdout, '1:one x\n3:three x\n');
  });

  it('exits with 1 when nothing matches and 2 on errors, with a message', () => {
    const file = tempFile('f.txt', 'abc\n');
    assert.strictEqual(hugefile(file, 'zzz').status, 1);
    for (const args of [[file, '('], [file, '(', '--regex'], [file, 'DE A', '--hex'], [`${file}.missing`, 'a'], [file], [file, 'a', '--nope'], [file, 'a', '--hex', '--word']]) {
      const r = hugefile(...args);
      if (args[1] === '(' && args.length === 2) {
        assert.strictEqual(r.status, 1, 'a literal ( is just text');
        continue;
      }
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^hugefile: /, args.join(' '));
    }
    assert.ok(fs.existsSync(file));
  });
});
