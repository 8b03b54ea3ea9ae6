// Checks the core of one unpacked package, using that package's own files only: the
// line index, search and filter, following a log that other programs change (this one
// and another process, see test/writer/), the save
// engine and the CLI, on a copy of a generated log. Run with Linux Node on the
// linux-x64 package and with Windows Node (under Wine) on the win32-x64 one;
// compare.ts then wants the same results.
//   node check.js EXTENSION_DIR WORK_DIR LOG OUT.json
// WORK_DIR is created and becomes the current folder: files are named relative to
// it, so paths in messages and CLI output read the same on both systems.
import * as fs from 'fs';
import * as path from 'path';
import { cliChecks } from './cliChecks';
import { followChecks } from './followChecks';
import { indexChecks } from './indexChecks';
import { loadPayload } from './payload';
import { Recorder } from './recorder';
import { saveChecks } from './saveChecks';
import { searchChecks } from './searchChecks';
import { writerChecks } from './writerChecks';

async function main(): Promise<void> {
  const [extensionDir, workDir, log, out] = process.argv.slice(2).map((arg) => path.resolve(arg));
  if (!out) throw new Error('usage: node check.js EXTENSION_DIR WORK_DIR LOG OUT.json');
  const payload = loadPayload(extensionDir);
  fs.mkdirSync(workDir, { recursive: true });
  process.chdir(workDir);
  fs.copyFileSync(log, 'log.txt');
  const r = new Recorder();
  const timings: Record<string, number> = {};
  const groups = [
    ['index', () => indexChecks(payload, 'log.txt', r)],
    ['search', () => searchChecks(payload, 'log.txt', r)],
    ['follow', () => followChecks(payload, r)],
    ['writer', () => writerChecks(payload, r)],
    ['save', () => saveChecks(payload, 'log.txt', r, path.join(__dirname, 'interruptedSave.js'))],
    ['cli', () => cliChecks(payload, 'log.txt', r)],
  ] as const;
  for (const [name, run] of groups) {
    const started = Date.now();
    await run();
    timings[name] = Date.now() - started;
  }
  // Proof that the package alone was used: koffi and its native module came from it too.
  const loaded = Object.keys(require.cache).filter((f) => f !== __filename);
  const outside = loaded.filter((f) => !f.startsWith(payload.dir + path.sep));
  if (outside.length > 0) throw new Error(`modules loaded from outside ${payload.dir}: ${outside.join(', ')}`);
  const native = loaded.filter((f) => f.endsWith('.node')).map((f) => path.relative(payload.dir, f));
  fs.writeFileSync(out, `${JSON.stringify({ platform: process.platform, node: process.version, native, timings, results: r.results }, null, 1)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
