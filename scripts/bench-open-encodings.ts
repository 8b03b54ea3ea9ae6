// Opening a UTF-16 log against opening a UTF-8 one, in a real VS Code (code-server, the
// extension installed from the .vsix), measured as bench-viewer measures it: Enter in Quick
// Open to the file's first line painted (scripts/openTiming.ts). Three logs of the same size:
// UTF-8, UTF-16 LE with its byte order mark (found by the BOM), UTF-16 BE without one (found
// by the NUL pattern), the UTF-16 ones converted by iconv from half as much UTF-8 text.
// Issue #16's target: a UTF-16 log shows its first lines as fast as the UTF-8 one.
// Run: npm run bench:open-encodings   Env: BENCH_RUNS (opens per file, default 7), BENCH_SIZE (default 1G).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { type CodeServer, launchBrowser, openWorkbench, ROOT, startCodeServer } from '../test/e2e/harness';
import { makeLog, parseSize } from './make-log';
import { closeAllEditors, firstLineOf, nameShim, type OpenTiming, timeOpenHuge, webviewProbe } from './openTiming';

const VSIX = path.join(ROOT, 'dist/hugefile.vsix');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZE = parseSize(process.env.BENCH_SIZE ?? '1G');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

interface LogFile { label: string; name: string; decoder: string }

/** Writes `to` as the UTF-16 text of the UTF-8 file `from`, optionally after a BOM. */
function toUtf16(from: string, to: string, iconvName: string, bom: number[]): void {
  fs.writeFileSync(to, Buffer.from(bom));
  execFileSync('sh', ['-c', `iconv -f UTF-8 -t ${iconvName} "${from}" >> "${to}"`]);
}

async function main(): Promise<void> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-bench-open-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  process.on('SIGINT', () => process.exit(130));
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const half = path.join(tmp, 'half.txt');
  const files: LogFile[] = [
    { label: 'UTF-8', name: 'utf8.log', decoder: 'utf-8' },
    { label: 'UTF-16 LE, byte order mark', name: 'utf16le-bom.log', decoder: 'utf-16le' },
    { label: 'UTF-16 BE, no byte order mark', name: 'utf16be.log', decoder: 'utf-16be' },
  ];
  console.error('writing the logs ...');
  makeLog(path.join(workspace, 'warmup.log'), 64 * 1024);
  makeLog(path.join(workspace, files[0].name), SIZE);
  makeLog(half, SIZE / 2);
  toUtf16(half, path.join(workspace, files[1].name), 'UTF-16LE', [0xff, 0xfe]);
  toUtf16(half, path.join(workspace, files[2].name), 'UTF-16BE', []);
  fs.rmSync(half);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const runs = new Map<string, OpenTiming[]>(files.map((f) => [f.name, []]));
  try {
    server = await startCodeServer({ vsix: VSIX, workspace, settings: { 'workbench.editorAssociations': { '*.log': 'hugefile.editor' } } });
    let page;
    ({ browser, page } = await launchBrowser());
    await page.addInitScript(nameShim);
    await page.addInitScript(webviewProbe);
    await openWorkbench(page, server.url, workspace);
    console.error('warm-up ...');
    await timeOpenHuge(page, 'warmup.log', firstLineOf(path.join(workspace, 'warmup.log')));
    for (const f of files) await timeOpenHuge(page, f.name, firstLineOf(path.join(workspace, f.name), f.decoder));
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order, so no file always follows the same one's cleanup.
      for (let k = 0; k < files.length; k++) {
        const f = files[(i + k) % files.length];
        const t = await timeOpenHuge(page, f.name, firstLineOf(path.join(workspace, f.name), f.decoder));
        runs.get(f.name)!.push(t);
        console.error(`  ${f.name}: Enter -> first line ${Math.round(t.enterToText)} ms`);
      }
    }
    await closeAllEditors(page);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }

  const utf8 = median(runs.get(files[0].name)!.map((t) => t.enterToText));
  console.log(`${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, median of ${RUNS} opens each`);
  console.log('| log | size | Enter -> first line (median) | tab -> first line (median) | vs UTF-8 (target <= 1.10x) | all runs, Enter -> first line |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const f of files) {
    const rs = runs.get(f.name)!;
    const enter = median(rs.map((t) => t.enterToText));
    const tab = median(rs.map((t) => t.tabToText));
    const ratio = enter / utf8;
    const verdict = f === files[0] ? 'reference' : `${ratio.toFixed(2)}x ${ratio <= 1.1 ? 'met' : 'NOT met'}`;
    const size = `${(fs.statSync(path.join(workspace, f.name)).size / 1024 ** 3).toFixed(2)} GiB`;
    console.log(`| ${f.label} | ${size} | ${Math.round(enter)} ms | ${Math.round(tab)} ms | ${verdict} | ${rs.map((t) => Math.round(t.enterToText)).join(', ')} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
