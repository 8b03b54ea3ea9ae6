/**
 * Builds the webview bundle and the fake host, serves them over a local HTTP server
 * (so the page's CSP can use 'self'), and opens pages in Chromium through
 * playwright-core. Run directly for manual work in any browser:
 *   npx tsx test/webview/harness.ts   (prints the URL; add ?file=long&theme=light ...)
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(__dirname, 'out');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/webview');

export async function build(): Promise<void> {
  await esbuild.build({
    entryPoints: [
      { in: path.join(ROOT, 'media/main.ts'), out: 'webview' },
      { in: path.join(__dirname, 'fakeHost.ts'), out: 'fakeHost' },
    ],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome114',
    outdir: OUT,
    // The fake host runs the extension host's edit code, which uses Node's Buffer.
    inject: [path.join(__dirname, 'bufferShim.ts')],
    sourcemap: true,
    logLevel: 'warning',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Serves ROOT's media/ and test/webview/ (nothing else) on 127.0.0.1. */
export async function serve(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(ROOT, rel);
    const allowed = [path.join(ROOT, 'media') + path.sep, path.join(ROOT, 'test/webview') + path.sep];
    if (!allowed.some((dir) => file.startsWith(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/test/webview/fakeHost.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Problems the page reported: console errors (CSP violations among them) and exceptions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * Mocha hooks for a suite of pages against the fake host: builds and serves once,
 * launches Chromium, and after each passed test checks that every page it opened
 * stayed quiet (no console error, CSP violation or exception) and sent only messages
 * the host's validator accepts. Returns the function that opens a page at `?query`.
 */
export function pageSuite(): (query: string, viewport: { width: number; height: number }) => Promise<Page> {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  const pages: { page: Page; errors: string[] }[] = [];
  before(async () => {
    await build();
    server = await serve();
    browser = await launch();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async function () {
    for (const { page, errors } of pages.splice(0)) {
      const invalid = await page.evaluate(() => (window as unknown as { fakeHost: { invalid: unknown[] } }).fakeHost.invalid).catch(() => []);
      await page.close();
      if (this.currentTest?.state === 'passed') {
        assert.deepStrictEqual(errors, [], 'console errors');
        assert.deepStrictEqual(invalid, [], 'messages the host would reject');
      }
    }
  });
  return async (query, viewport) => {
    const page = await browser.newPage({ viewport });
    pages.push({ page, errors: collectErrors(page) });
    await page.goto(`${server.url}?${query}`);
    return page;
  };
}

if (require.main === module) {
  void (async () => {
    await build();
    const { url } = await serve(Number(process.env.PORT ?? 0));
    console.log(`fake host: ${url}?file=huge|long|special|empty|indexing|follow&theme=dark|light`);
  })();
}

/** The view's `data-*` attributes on #root (what it drew: top line, caret, counts...). */
export async function data(page: Page): Promise<Record<string, string>> {
  return page.$eval('#root', (root) => ({ ...(root as HTMLElement).dataset }) as Record<string, string>);
}

/** Waits until the view's `data-<key>` is `value` (the view sets them when it draws), else fails naming what it is. */
export async function expectData(page: Page, key: string, value: string): Promise<void> {
  try {
    await page.waitForFunction(([k, v]) => document.getElementById('root')!.dataset[k] === v, [key, value] as const, { timeout: 10_000 });
  } catch {
    assert.strictEqual((await data(page))[key], value, `data-${key}`);
  }
}
