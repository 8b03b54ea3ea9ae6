// Everything the payload check needs, in DIR: the linux-x64 and win32-x64 packages
// built by scripts/package-vsix.ts and unpacked (DIR/<target>/extension), a
// generated log of SIZE (DIR/log.txt), and the check bundled for plain Node
// (DIR/check/check.js and the children it runs, interruptedSave.js and writerAgent.js).
//   tsx test/wine/payload/prepare.ts DIR SIZE
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { makeLog, parseSize } from '../../../scripts/make-log';
import { zipEntries } from '../../unit/packaging/zipEntries';

const ROOT = path.resolve(__dirname, '../../..');
const TARGETS = ['linux-x64', 'win32-x64'];

function main(): void {
  const [dir, sizeText] = process.argv.slice(2);
  if (!dir || !sizeText) throw new Error('usage: tsx test/wine/payload/prepare.ts DIR SIZE');
  fs.mkdirSync(dir, { recursive: true });
  const packages = path.join(dir, 'packages');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts/package-vsix.ts'), ...TARGETS.flatMap((t) => ['--target', t]), '--out-dir', packages], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const target of TARGETS) unpack(path.join(packages, `hugefile-${target}.vsix`), path.join(dir, target));
  makeLog(path.join(dir, 'log.txt'), parseSize(sizeText));
  esbuild.buildSync({
    entryPoints: ['check.ts', 'interruptedSave.ts'].map((f) => path.join(__dirname, f)),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: path.join(dir, 'check'),
    logLevel: 'error', // the payload's modules are required by path at run time: esbuild warns that it leaves them out
  });
  fs.copyFileSync(path.join(ROOT, 'test/writer/writerAgent.js'), path.join(dir, 'check/writerAgent.js'));
}

/** Writes the files of the package `vsix` under `dir` (its extension/ folder among them). */
function unpack(vsix: string, dir: string): void {
  for (const [name, bytes] of zipEntries(vsix)) {
    if (name.endsWith('/')) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
}

main();
