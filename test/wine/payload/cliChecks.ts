import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { fileState } from './fileState';
import type { Payload } from './payload';
import type { Recorder } from './recorder';

/** Output kept whole up to this size; longer output is compared by its hash. */
const WHOLE = 4096;

/**
 * The CLI (dist/cli.js) run with this Node as a child process, the way a user runs
 * it, on a copy of the log and on a small CRLF file: stdout, stderr and exit status
 * of count, lines, grep, dump and patch, and the patched file's bytes.
 */
export async function cliChecks(p: Payload, log: string, r: Recorder): Promise<void> {
  fs.copyFileSync(log, 'cli.log');
  fs.writeFileSync('crlf.txt', 'one\r\ntwo\r\n\r\nthree has no newline');
  // Each is a node start, slow under Wine: one per command and output path, no more.
  const commands: string[][] = [
    ['count', 'cli.log'],
    ['count', 'missing.log'],
    ['lines', 'cli.log', '123457', '2'],
    ['lines', 'crlf.txt', '2', '9'],
    ['lines', 'cli.log', '99999999'],
    ['grep', 'cli.log', '^#1234\\d .*ERROR', '--regex'],
    ['grep', 'cli.log', 'error', '--ignore-case', '--count'],
    ['grep', 'cli.log', '0a 23 31 30 30 30 30 30 20', '--hex'],
    ['grep', 'cli.log', 'no such text anywhere'],
    ['dump', 'crlf.txt', '0'],
    ['patch', 'cli.log', '0x10', 'de ad be ef'],
    ['patch', 'cli.log', '16', '2a2a', '--expect', '00 00'],
  ];
  for (const args of commands) {
    await r.check(`cli: ${args.join(' ')}`, () => {
      const run = spawnSync(process.execPath, [p.cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (run.error) throw run.error;
      return { status: run.status, stdout: kept(run.stdout), stderr: kept(run.stderr) };
    });
  }
  await r.check('cli: cli.log after the patches', () => fileState('cli.log'));
  fs.rmSync('cli.log');
}

function kept(output: string): string | { bytes: number; sha256: string; head: string } {
  if (output.length <= WHOLE) return output;
  return { bytes: Buffer.byteLength(output), sha256: createHash('sha256').update(output).digest('hex'), head: output.slice(0, 400) };
}
