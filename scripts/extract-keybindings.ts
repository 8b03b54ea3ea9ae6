/**
 * Regenerates test/fixtures/vscode-keybindings.<os>.json: the default keybindings of
 * the VS Code that code-server ships (test/e2e/setup.sh installs it), as VS Code itself
 * lists them in "Preferences: Open Default Keyboard Shortcuts (JSON)". The workbench
 * picks a platform's defaults from the browser's user agent, so one Linux machine
 * yields the Linux, Windows and macOS tables.
 *
 *   npx tsx scripts/extract-keybindings.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { openWorkbench, ROOT, runCommand, startCodeServer } from '../test/e2e/harness';

const AGENTS = {
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
} as const;

export interface DefaultKeybinding {
  key: string;
  command: string;
  when?: string;
}

/** The JSON with comments VS Code shows, as a list (comments and trailing commas dropped). */
function parseDefaults(text: string): DefaultKeybinding[] {
  const json = text.split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n').replace(/,(\s*[\]}])/g, '$1');
  return (JSON.parse(json) as DefaultKeybinding[]).map(({ key, command, when }) => (when ? { key, command, when } : { key, command }));
}

async function extract(platform: keyof typeof AGENTS, url: string, folder: string): Promise<DefaultKeybinding[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ userAgent: AGENTS[platform], viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await openWorkbench(page, url, folder);
    await runCommand(page, 'Preferences: Open Default Keyboard Shortcuts (JSON)');
    const editor = page.locator('.monaco-editor .view-lines', { hasText: '"command"' }).first();
    await editor.waitFor({ timeout: 60_000 });
    await editor.click();
    // Chromium on Linux does not copy on Meta+C: the menu commands work on every platform.
    await page.keyboard.press(platform === 'mac' ? 'Meta+a' : 'Control+a');
    await runCommand(page, 'Copy');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    return parseDefaults(text);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-keys-'));
  const server = await startCodeServer({ workspace: folder });
  try {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, '.cache/code-server/node_modules/code-server/lib/vscode/package.json'), 'utf8')).version as string;
    for (const platform of Object.keys(AGENTS) as (keyof typeof AGENTS)[]) {
      const bindings = await extract(platform, server.url, folder);
      if (bindings.length < 500) throw new Error(`only ${bindings.length} ${platform} keybindings: the copy was cut short`);
      const out = path.join(ROOT, `test/fixtures/vscode-keybindings.${platform}.json`);
      fs.writeFileSync(out, JSON.stringify({ vscode: version, platform, generatedBy: 'scripts/extract-keybindings.ts', bindings }, null, 1) + '\n');
      console.log(`${out}: ${bindings.length} keybindings (VS Code ${version})`);
    }
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
