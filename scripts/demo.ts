// `npm start`: the main job. Generates a 2 GiB log (once), counts its lines with the
// CLI, installs the .vsix into code-server (a real VS Code in the browser) and serves
// it until Ctrl+C, at a URL that opens the log in the Huge File Editor. Before printing
// the URL it opens it in headless Chromium to check that the log shows (screenshot in
// test-artifacts/e2e/demo.png); with a display, it also opens it in the desktop's browser.
//   --once                 stop after the check (used to test this script)
//   --bind-addr HOST:PORT  where code-server listens (default 127.0.0.1 and a free port)
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { findInWebviews, launchBrowser, ROOT, screenshot, startCodeServer } from '../test/e2e/harness';
import { makeLog } from './make-log';

const LOG_SIZE = 2 * 1024 ** 3;

/**
 * The workbench URL with `folder` open and `file` open in it: VS Code for the web opens
 * the file named by the `payload` parameter's `openFile` at start (its editor is the
 * Huge File Editor, by the workspace's editor association for *.log).
 */
function workbenchUrl(serverUrl: string, folder: string, file: string): string {
  const fileUri = `vscode-remote://${new URL(serverUrl).host}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify([['openFile', fileUri]]))}`;
}

/** Opens `url` in the desktop's browser when there is a desktop; says whether it tried. */
function openInDesktopBrowser(url: string): boolean {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    execFileSync('sh', ['-c', 'command -v xdg-open'], { stdio: 'ignore' });
  } catch {
    return false;
  }
  spawn('xdg-open', [url], { detached: true, stdio: 'ignore' }).unref();
  return true;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const folder = path.join(ROOT, '.cache/demo');
  const log = path.join(folder, 'huge.log');
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(log) || fs.statSync(log).size !== LOG_SIZE) {
    console.log(`writing ${log} (2 GiB) ...`);
    makeLog(log, LOG_SIZE);
  }
  const t0 = Date.now();
  const count = execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'count', log], { encoding: 'utf8' }).trim();
  console.log(`hugefile count ${log}: ${count} lines in ${Date.now() - t0} ms`);

  const server = await startCodeServer({
    vsix: path.join(ROOT, 'dist/hugefile.vsix'),
    workspace: folder,
    settings: { 'workbench.editorAssociations': { '*.log': 'hugefile.editor' } },
    foreground: true,
    bindAddr: argValue('--bind-addr'),
  });
  const url = workbenchUrl(server.url, folder, log);

  const { browser, page } = await launchBrowser();
  try {
    const opened = Date.now();
    await page.goto(url);
    await findInWebviews(page, '.row[data-line="20"] .text:not(.placeholder)', 120_000);
    console.log(`checked: the URL shows huge.log in the Huge File Editor (first lines ${Date.now() - opened} ms after loading the page)`);
    console.log(`screenshot: ${await screenshot(page, 'demo')}`);
  } finally {
    await browser.close();
  }
  if (process.argv.includes('--once')) {
    await server.stop();
    return;
  }
  const opened = openInDesktopBrowser(url);
  console.log(`\nVS Code with the Huge File Editor, huge.log open:\n\n  ${url}\n`);
  console.log(opened ? 'Opened in your browser. Ctrl+C stops the server.' : 'Open it in a browser. Ctrl+C stops the server.');
  const signal = (name: NodeJS.Signals) => new Promise<string>((resolve) => process.once(name, () => resolve(name)));
  const why = await Promise.race([signal('SIGINT'), signal('SIGTERM'), server.exited.then((code) => `code-server exited (${code})`)]);
  console.log(`\nstopping (${why})`);
  await server.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
