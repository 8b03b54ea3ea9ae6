// Drives the extension in real VS Code: code-server (VS Code's workbench served by Node)
// opened in Debian's Chromium through playwright-core. Install first: test/e2e/setup.sh.
// Recipe and rationale: shared/e2e-code-server.md.
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CODE_SERVER = path.join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');

export interface CodeServer {
  url: string;
  port: number;
  /** Leader of the server's own process group: the extension host is in it too. */
  pid: number;
  /** Settles when the server process ends (with its exit code, or null when a signal ended it). */
  exited: Promise<number | null>;
  userDataDir: string;
  extensionsDir: string;
  /** VS Code's logs (exthost, remoteagent, ...); code-server's own output is in code-server.log beside. */
  logsDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A .vsix to install the way a user would; a folder path is refused by code-server. */
  vsix?: string;
  workspace: string;
  settings?: Record<string, unknown>;
  /** Keep Node running while the server runs (the demo); tests let Node exit when they are done. */
  foreground?: boolean;
  /** Address to listen on; default 127.0.0.1 and a free port. */
  bindAddr?: string;
}

/** Process group leader -> temp folder, for servers not stopped yet. */
const running = new Map<number, string>();
// A crashed or interrupted (Ctrl-C) test run must not leave servers behind.
process.on('exit', () => running.forEach((dir, pid) => {
  killGroup(pid, 'SIGKILL');
  removeUnlessKept(dir);
}));

function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

function removeUnlessKept(dir: string): void {
  if (process.env.E2E_KEEP) console.log(`e2e: kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`${CODE_SERVER} missing: run test/e2e/setup.sh`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-e2e-'));
  const userDataDir = path.join(dir, 'data');
  const extensionsDir = path.join(dir, 'ext');
  const logFile = path.join(dir, 'code-server.log');
  // An explicit config keeps code-server from writing a default one (with a password) to ~/.config.
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir];

  if (opts.vsix) {
    const out = execFileSync(CODE_SERVER, [...common, '--install-extension', opts.vsix],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (!/successfully installed/.test(out)) throw new Error(`installing ${opts.vsix} failed:\n${out}`);
  }
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false, // its modal dialog would block every click
    'workbench.startupEditor': 'none',
    'git.openRepositoryInParentFolders': 'never', // its toast would cover screenshots
    ...opts.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));

  // Output goes to a file, not a pipe: a pipe nobody drains would eventually block the server.
  const log = fs.openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, [...common, '--auth', 'none', '--bind-addr', opts.bindAddr ?? '127.0.0.1:0',
    '--disable-telemetry', '--disable-update-check', opts.workspace],
  { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pid = child.pid!;
  running.set(pid, dir);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (!opts.foreground) child.unref();

  const stop = async () => {
    if (!running.delete(pid)) return;
    killGroup(pid, 'SIGTERM');
    for (let i = 0; i < 50 && killGroup(pid, 0); i++) await sleep(100);
    killGroup(pid, 'SIGKILL');
    removeUnlessKept(dir);
  };

  // Port 0 lets the OS pick a free port with no race; the server prints which one it got.
  const deadline = Date.now() + 60_000;
  let port = 0;
  let host = '';
  while (!port) {
    const m = /HTTP server listening on http:\/\/([\d.]+):(\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
    if (m) [host, port] = [m[1], Number(m[2])];
    else if (child.exitCode !== null || Date.now() > deadline) {
      const text = fs.readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`code-server did not start (exit ${child.exitCode}):\n${text}`);
    } else await sleep(100);
  }
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return { url, port, pid, exited, userDataDir, extensionsDir, logsDir: path.join(userDataDir, 'logs'), stop };
}

/** Packages an extension folder with the project's vsce; returns the .vsix path. */
export function packageVsix(folder: string, out = path.join(folder, 'extension.vsix')): string {
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'),
    ['package', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  return out;
}

export async function launchBrowser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  return { browser, page };
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

// Quick input filters asynchronously, so Enter pressed straight after typing can pick a
// stale entry: wait until the focused row is the one asked for. A list computed before
// the extensions' contributions arrived never updates, so the text is typed again. The
// widget hides when the focus leaves it (VS Code giving the focus back to an editor a
// moment late), so a hidden widget is opened again with `open`.
async function pickInQuickInput(page: Page, open: () => Promise<void>, text: string, label: string, timeoutMs = 60_000): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label });
  const deadline = Date.now() + timeoutMs;
  await open();
  for (;;) {
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(text, { timeout: 2_000 });
      await row.waitFor({ timeout: 2_000 });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      if (await input.isVisible()) {
        await input.fill('').catch(() => undefined);
      } else {
        console.log(`      (quick input hid before "${text}" was picked: opened again)`);
        await open();
      }
    }
  }
  await page.keyboard.press('Enter');
}

/** Runs a command by its title as shown in the palette, e.g. "View: Reopen Editor With...". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pickInQuickInput(page, () => page.keyboard.press('F1'), `>${title}`, title);
}

/**
 * Runs a command that opens a quick input of its own, and waits until `shown` (inside it)
 * is visible. The palette closing hands the focus back to the editor, and a webview can
 * take it late, after the command's quick input appeared, which hides that at once (VS
 * Code's own behaviour): then the command runs again.
 */
export async function runCommandShowing(page: Page, title: string, shown: Locator, timeoutMs = 60_000): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  for (const deadline = Date.now() + timeoutMs; ;) {
    await runCommand(page, title);
    try {
      await shown.waitFor({ timeout: 10_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline || await widget.isVisible()) throw err;
      console.log(`      ("${title}"'s quick input hid as it opened: ran it again)`);
    }
  }
}

/**
 * Opens a workspace file through Quick Open; with editorLabel, reopens it in the editor
 * of that label (a custom editor's displayName) through "View: Reopen Editor With...".
 */
export async function openFileWith(page: Page, relativePath: string, editorLabel?: string): Promise<void> {
  await pickInQuickInput(page, () => page.keyboard.press('Control+P'), relativePath, path.basename(relativePath));
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) }).waitFor();
  if (editorLabel) {
    await pickInQuickInput(page, () => runCommand(page, 'View: Reopen Editor With...'), editorLabel, editorLabel);
  }
}

/** A code-server with the project's extension and a browser page on its workbench. */
export interface ExtensionSession {
  server: CodeServer;
  page: Page;
  stop(): Promise<void>;
}

/**
 * Installs dist/hugefile.vsix (built by `npm run package`) into a new code-server on
 * `workspace`, where `associated` files open straight in the Huge File Editor, with
 * user `settings` added, and opens the workbench in Chromium.
 */
export async function startExtensionSession(workspace: string, associated = ['*.log', '*.txt'], settings: Record<string, unknown> = {}): Promise<ExtensionSession> {
  const vsix = path.join(ROOT, 'dist/hugefile.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package (npm run test:e2e does)`);
  const server = await startCodeServer({
    vsix,
    workspace,
    settings: { 'workbench.editorAssociations': Object.fromEntries(associated.map((glob) => [glob, 'hugefile.editor'])), ...settings },
  });
  const { browser, page } = await launchBrowser();
  await openWorkbench(page, server.url, workspace);
  return { server, page, stop: async () => { await browser.close(); await server.stop(); } };
}

/** What suiteSession gives a suite's tests once its `before` ran. */
export interface SuiteSession {
  readonly workspace: string;
  readonly page: Page;
  readonly session: ExtensionSession;
}

/**
 * A suite's before and after (call it inside `describe`): a new workspace in a
 * temporary folder, filled by `populate`, opened in the extension's code-server
 * session (see startExtensionSession); each failed test leaves a screenshot named
 * `failed-<name>-<test>`; after the suite, the session stops and the folder goes.
 */
export function suiteSession(name: string, populate: (workspace: string) => void, associated?: string[], settings?: Record<string, unknown>): SuiteSession {
  let tmp: string | undefined;
  let workspace: string | undefined;
  let session: ExtensionSession | undefined;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `hugefile-${name}-e2e-`));
    workspace = path.join(tmp, 'workspace');
    fs.mkdirSync(workspace);
    populate(workspace);
    session = await startExtensionSession(workspace, associated, settings);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) await screenshot(session.page, `failed-${name}-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await session?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  return {
    get workspace() { return workspace!; },
    get page() { return session!.page; },
    get session() { return session!; },
  };
}

/**
 * Opens a workspace file as the only editor, so the only webview frame is its own, and
 * waits until the editor has the keyboard: VS Code hands focus to a webview once its
 * frame has loaded, which can come after the test has opened a quick input and so
 * hide it again.
 */
export async function openAlone(page: Page, relativePath: string): Promise<void> {
  await closeAllEditors(page);
  await openFileWith(page, relativePath);
  await until(`the keyboard focus in ${relativePath}'s editor`, () => page.evaluate(() => {
    const active = document.activeElement;
    return !!active && ((active.tagName === 'IFRAME' && active.classList.contains('webview')) || !!active.closest('.monaco-editor'));
  }));
}

/**
 * Closes every editor and waits until their webview frames are gone too: a closed
 * editor's frame outlives its tab for a moment, and a search for a selector among
 * the frames (findInWebviews) must not find the old file's view.
 */
export async function closeAllEditors(page: Page, timeoutMs = 20_000): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while (page.frames().some((frame) => frame.url().includes('/webview/browser/pre/'))) {
    if (Date.now() > deadline) throw new Error(`webview frames left ${timeoutMs} ms after Close All Editors: ${page.frames().map((f) => f.url()).join(', ')}`);
    await sleep(50);
  }
}

/** Polls `condition` (sync or async) until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Waits for a notification toast with this text to finish sliding in (for screenshots). */
export async function waitForNotification(page: Page, text: string, timeoutMs = 30_000): Promise<Locator> {
  const toast = page.locator('.notification-toast.notification-fade-in-done', { hasText: text });
  await toast.waitFor({ timeout: timeoutMs });
  return toast;
}

/** Webview DOM lives in nested iframes; returns the first frame where selector matches. */
export async function findInWebviews(page: Page, selector: string, timeoutMs = 30_000):
Promise<{ frame: Frame; locator: Locator }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const locator = frame.locator(selector).first();
      // A frame can detach while being queried; it is then simply not the one.
      if ((await locator.count().catch(() => 0)) > 0) return { frame, locator };
    }
    if (Date.now() > deadline) throw new Error(`no webview frame matched ${selector} in ${timeoutMs} ms`);
    await sleep(200);
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/**
 * Pid of the server's extension host. It is started a few seconds after a window
 * connects (and again after "Developer: Restart Extension Host"), so this polls.
 */
export async function extensionHostPid(server: CodeServer, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = descendants(server.pid).find((p) => readProc(p, 'cmdline').includes('--type=extensionHost'));
    if (pid) return pid;
    if (Date.now() > deadline) throw new Error(`no extension host under pid ${server.pid} in ${timeoutMs} ms`);
    await sleep(200);
  }
}

// '' when the process ended meanwhile.
function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const stat = /^\d+$/.test(entry) ? readProc(Number(entry), 'stat') : '';
    // The fields after the ")" closing the command name are: state, ppid, ...
    if (stat) parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const isBelow = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(isBelow);
}

/** Resident set size of a process in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readProc(pid, 'status'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) * 1024;
}

/** Types into Quick Open until the focused row is `name` (the list filters asynchronously). */
export async function quickOpenFocus(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: name });
  await input.waitFor({ state: 'visible' });
  for (let tries = 0; ; tries++) {
    await input.fill(name);
    try {
      await row.waitFor({ timeout: 2_000 });
      return;
    } catch (err) {
      if (tries > 20) throw err;
      await input.fill('');
    }
  }
}

/**
 * Removes VS Code's webview service worker registration (scope .../webview/browser/pre/)
 * from the workbench page, so that the next webview installs a new worker, as it does
 * where each webview has an origin of its own (VS Code desktop, vscode.dev). code-server
 * serves all webviews from one origin: there each new webview replaces the previous
 * webview's worker, and Chromium holds the webview's content for about 1 s meanwhile.
 */
export async function forgetWebviewWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) {
      if (r.scope.includes('/webview/browser/pre/')) await r.unregister();
    }
  });
}

/** `length` bytes of `file` from `offset`, as latin1 text (one character a byte): what a save left on disk. */
export function readAt(file: string, offset: number, length: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const got = fs.readSync(fd, buf, 0, length, offset);
    return buf.toString('latin1', 0, got);
  } finally {
    fs.closeSync(fd);
  }
}
