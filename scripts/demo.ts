// `npm start`: the main job. Generates a 2 GiB log (once), counts its lines with the
// CLI, then installs the .vsix into code-server (a real VS Code in the browser), opens
// the log in the Huge File Editor, saves a screenshot, and serves until Ctrl+C.
// `--once` stops after the screenshot (used to check that this script works).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findInWebviews, launchBrowser, openFileWith, openWorkbench, ROOT, screenshot, startCodeServer } from '../test/e2e/harness';
import { makeLog } from './make-log';

async function main(): Promise<void> {
  const folder = path.join(ROOT, '.cache/demo');
  const log = path.join(folder, 'huge.log');
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(log) || fs.statSync(log).size !== 2 * 1024 ** 3) {
    console.log(`writing ${log} (2 GiB) ...`);
    makeLog(log, 2 * 1024 ** 3);
  }
  const t0 = Date.now();
  const count = execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'count', log], { encoding: 'utf8' }).trim();
  console.log(`hugefile count ${log}: ${count} lines in ${Date.now() - t0} ms`);

  const server = await startCodeServer({
    vsix: path.join(ROOT, 'dist/hugefile.vsix'),
    workspace: folder,
    settings: { 'workbench.editorAssociations': { '*.log': 'hugefile.editor' } },
  });
  const { browser, page } = await launchBrowser();
  await openWorkbench(page, server.url, folder);
  const opened = Date.now();
  await openFileWith(page, 'huge.log');
  await findInWebviews(page, '.row[data-line="0"] .text');
  console.log(`huge.log open in the Huge File Editor, first lines visible after ${Date.now() - opened} ms`);
  console.log(`screenshot: ${await screenshot(page, 'demo')}`);
  await browser.close();
  if (process.argv.includes('--once')) {
    await server.stop();
    return;
  }
  console.log(`\nVS Code with the extension: ${server.url}/?folder=${encodeURIComponent(folder)}\nopen huge.log there; Ctrl+C stops the server.`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await server.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
