// A seeded run of random keys in real VS Code (code-server), with files.autoSave off,
// afterDelay (VS Code's 1000 ms) and afterDelay every 50 ms (saves run all the while
// the keys come, so keys wait behind saves and edits are held): type into a small file,
// save with Ctrl+S, and compare the bytes on disk with the reference editor
// (test/model/referenceEditor.ts). The webview and host-level
// model tests run thousands of keys; this checks the same keys end to end, through
// VS Code's own keybindings, undo stack and (auto-)save. The keys go in as fast as
// Playwright types, without waiting for the view: faster than the host answers, so
// keys act on lines the view has predicted, or wait for the host's.
// Replay: MODEL_SEED=<seed> [MODEL_TRACE=1: each key, the reference text and the rows shown] npx mocha --timeout 300000 test/e2e/editingModel.e2e.ts
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { randomFile, randomKey } from '../model/keySequences';
import { seeded } from '../seededRandom';
import { type Key, ReferenceEditor } from '../model/referenceEditor';
import { findInWebviews, launchBrowser, openAlone, openWorkbench, ROOT, screenshot, startCodeServer } from './harness';

const FIRST_SEED = Number(process.env.MODEL_SEED ?? 1);
const FILES = Number(process.env.MODEL_CASES ?? 3);
const STEPS = Number(process.env.MODEL_STEPS ?? 40);

/** Keys whose effect does not depend on the clipboard, the undo stack's timing or a save in the middle. */
function e2eKeys(rand: () => number, n: number): Key[] {
  const keys: Key[] = [];
  while (keys.length < n) {
    const key = randomKey(rand);
    if (!['paste', 'cut', 'undo', 'redo', 'save'].includes(key.kind)) keys.push(key);
  }
  return keys;
}

async function press(page: Page, key: Key): Promise<void> {
  const kb = page.keyboard;
  const shift = 'shift' in key && key.shift ? 'Shift+' : '';
  const named: Record<string, string> = { left: 'ArrowLeft', right: 'ArrowRight', up: 'ArrowUp', down: 'ArrowDown', home: 'Home', end: 'End', docStart: 'Control+Home', docEnd: 'Control+End', enter: 'Enter', backspace: 'Backspace', delete: 'Delete', insertKey: 'Insert' };
  if (key.kind === 'type') return key.text.charCodeAt(0) < 128 ? kb.press(key.text === ' ' ? 'Space' : key.text) : kb.type(key.text);
  return kb.press(`${shift}${named[key.kind]}`);
}

const MODES = [
  { autoSave: 'off', delayMs: 1000, seeds: FILES },
  { autoSave: 'afterDelay', delayMs: 1000, seeds: FILES },
  { autoSave: 'afterDelay', delayMs: 50, seeds: 2 * FILES },
] as const;

for (const { autoSave, delayMs, seeds } of MODES) {
  const mode = autoSave === 'off' ? 'off' : `${autoSave}-${delayMs}`;
  describe(`random keys in VS Code, saved bytes = the reference editor's (files.autoSave ${autoSave}, ${delayMs} ms)`, function () {
    let tmp: string;
    let page: Page;
    let stop: () => Promise<void>;

    before(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hugefile-model-e2e-'));
      const workspace = path.join(tmp, 'workspace');
      fs.mkdirSync(workspace);
      const server = await startCodeServer({
        vsix: path.join(ROOT, 'dist/hugefile.vsix'),
        workspace,
        settings: { 'files.autoSave': autoSave, 'files.autoSaveDelay': delayMs, 'workbench.editorAssociations': { '*.txt': 'hugefile.editor' } },
      });
      const browser = await launchBrowser();
      page = browser.page;
      await openWorkbench(page, server.url, workspace);
      stop = async () => { await browser.browser.close(); await server.stop(); };
    });

    after(async () => {
      await stop?.();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    /** Opens `content` as a new file, focused, caret at its start; returns its path and the view's frame. */
    async function openNew(name: string, content: string): Promise<{ file: string; frame: Frame }> {
      const file = path.join(tmp, 'workspace', name);
      fs.writeFileSync(file, content);
      await openAlone(page, name);
      const { frame } = await findInWebviews(page, '#root[data-line-count]');
      await frame.locator('.editor').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Home');
      return { file, frame };
    }

    async function saveAndRead(frame: Frame, file: string): Promise<string> {
      await settled(frame);
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 60_000 });
      return fs.readFileSync(file, 'utf8');
    }

    it('issue #13: Enter at the end of the last line, an empty file, bound chords, undo by words', async () => {
      let { file, frame } = await openNew(`x-${mode}.txt`, 'x');
      await page.keyboard.press('End');
      await page.keyboard.type('yz');
      await page.keyboard.press('Enter');
      await page.keyboard.type('second');
      assert.strictEqual(await saveAndRead(frame, file), 'xyz\nsecond');

      ({ file, frame } = await openNew(`ab-${mode}.txt`, 'alpha\nbeta\n'));
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('gamma');
      assert.strictEqual(await saveAndRead(frame, file), 'alpha\nbeta\n\ngamma');

      ({ file, frame } = await openNew(`empty-${mode}.txt`, ''));
      await page.keyboard.type('typed');
      assert.strictEqual(await saveAndRead(frame, file), 'typed');

      // Bound chords run their command and type nothing: Alt+Z (word wrap), Ctrl+Alt+F (follow, twice: off again).
      ({ file, frame } = await openNew(`chords-${mode}.txt`, 'abc\n'));
      for (const chord of ['Alt+z', 'Control+Alt+f', 'Control+Alt+f', 'Alt+z']) await page.keyboard.press(chord);
      await page.keyboard.type('hello world');
      await settled(frame);
      // One word, as VS Code undoes typing (a save ends the group too: auto-save every 50 ms would split it anywhere).
      if (autoSave === 'off') {
        await page.keyboard.press('Control+Z');
        await frame.locator('.row[data-line="0"] .text', { hasText: /^helloabc$/ }).waitFor({ timeout: 10_000 });
        // Undo and redo go to VS Code through the view, in order with the keys around them.
        await page.keyboard.press('Control+Y');
      }
      await page.keyboard.press('End');
      await page.keyboard.type('!');
      await frame.locator('.row[data-line="0"] .text', { hasText: /^hello worldabc!$/ }).waitFor({ timeout: 10_000 });
      assert.strictEqual(await saveAndRead(frame, file), 'hello worldabc!\n');
    });

    for (let n = 0; n < seeds; n++) {
      const seed = FIRST_SEED + n;
      it(`seed ${seed}: ${STEPS} keys, then Ctrl+S`, async () => {
        const rand = seeded(seed);
        const content = randomFile(rand);
        const keys = e2eKeys(rand, STEPS);
        const { file, frame } = await openNew(`model-${mode}-${seed}.txt`, content);
        const ref = new ReferenceEditor(content);
        for (const key of keys) {
          await press(page, key);
          ref.press(key);
          if (process.env.MODEL_TRACE) {
            await settled(frame);
            const rows = await frame.locator('.row[data-line] .text').allTextContents();
            const caret = await frame.locator('#root').getAttribute('data-caret');
            console.log(JSON.stringify(key), JSON.stringify(ref.text), JSON.stringify(rows), caret, JSON.stringify(ref.position(ref.caret)));
          }
        }
        await settled(frame);
        await page.keyboard.press('Control+S');
        const saved = await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 30_000 }).then(() => true, () => false);
        const onDisk = fs.readFileSync(file, 'utf8');
        const notices = await frame.locator('.notice-text').allTextContents();
        if (!saved) {
          await screenshot(page, `model-${mode}-${seed}-unsaved`);
          assert.fail(`seed ${seed}: still unsaved 30 s after Ctrl+S; on disk ${JSON.stringify(onDisk)}, expected ${JSON.stringify(ref.text)}, keys ${JSON.stringify(keys)}, notices ${JSON.stringify(notices)}`);
        }
        if (onDisk !== ref.text) await screenshot(page, `model-${mode}-${seed}`);
        assert.strictEqual(onDisk, ref.text, `seed ${seed} (MODEL_SEED=${seed}), file ${JSON.stringify(content)}, keys ${JSON.stringify(keys)}, notices ${JSON.stringify(notices)}`);
        assert.deepStrictEqual(await frame.locator('.notice-error .notice-text').allTextContents(), [], `seed ${seed}: no error shown`);
      });
    }
  });
}

/**
 * Waits until the view holds no key and has no edit waiting for the host. A key
 * reaches the page before its keydown runs: two frames first, then the count.
 */
async function settled(frame: Frame): Promise<void> {
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await frame.locator('#root[data-pending-edits="0"]').waitFor({ timeout: 10_000 });
}
