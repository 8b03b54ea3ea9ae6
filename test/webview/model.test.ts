// The model-based editing test: random keys on random small files, typed into the real
// webview in Chromium, whose fake host applies them with the extension host's own edit
// code; after EVERY key the view (text of every line, caret, selection) and the host's
// content must equal a plain reference editor with VS Code's semantics
// (test/model/referenceEditor.ts), and every Ctrl+S must have saved its bytes.
// Then the same at full speed: every key pressed without waiting, the host answering
// each message 15 ms later (so keys run ahead of the lines they change), and only the
// end compared: text, lines, caret, and the last save's bytes.
// Replay a failure: MODEL_SEED=<seed> [MODEL_STEPS=<n>] npx mocha --timeout 300000 test/webview/model.test.ts
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { randomCase } from '../model/keySequences';
import { type Key, ReferenceEditor } from '../model/referenceEditor';
import { encodingOf } from '../../src/encoding/textEncoding';
import { pageSuite } from './harness';

declare const fakeHost: { text: string; savedBytes(): number[]; queuePasteText(text: string): void };

const CASES = Number(process.env.MODEL_CASES ?? 30);
const STEPS = Number(process.env.MODEL_STEPS ?? 40);
const FIRST_SEED = Number(process.env.MODEL_SEED ?? 1);

interface Expected {
  text: string;
  lines: string[];
  caret: string;
  anchor: string;
}

function expected(ref: ReferenceEditor): Expected {
  const pos = (o: number) => { const p = ref.position(o); return `${p.line}:${p.column}`; };
  return { text: ref.text, lines: ref.lines().map(([s, e]) => ref.text.slice(s, e)), caret: pos(ref.caret), anchor: pos(ref.anchor) };
}

/** What the page shows now, in the shape of `Expected` (plain JS: it runs in the page as `window.shown`). */
const SHOWN = `() => {
  const root = document.getElementById('root');
  const lines = [];
  for (const r of document.querySelectorAll('.row[data-line]')) lines[Number(r.dataset.line)] = r.querySelector('.text').textContent ?? '';
  return { text: fakeHost.text, lines: lines.slice(0, Number(root.dataset.lineCount)), caret: root.dataset.caret ?? '', anchor: root.dataset.anchor ?? '' };
}`;

async function press(page: Page, key: Key): Promise<void> {
  const kb = page.keyboard;
  const shift = 'shift' in key && key.shift ? 'Shift+' : '';
  switch (key.kind) {
    case 'type': return key.text.length === 1 && key.text.charCodeAt(0) < 128 ? kb.press(key.text === ' ' ? 'Space' : key.text) : kb.type(key.text);
    case 'enter': return kb.press('Enter');
    case 'backspace': return kb.press('Backspace');
    case 'delete': return kb.press('Delete');
    case 'left': return kb.press(`${shift}ArrowLeft`);
    case 'right': return kb.press(`${shift}ArrowRight`);
    case 'up': return kb.press(`${shift}ArrowUp`);
    case 'down': return kb.press(`${shift}ArrowDown`);
    case 'home': return kb.press(`${shift}Home`);
    case 'end': return kb.press(`${shift}End`);
    case 'docStart': return kb.press(`${shift}Control+Home`);
    case 'docEnd': return kb.press(`${shift}Control+End`);
    case 'paste':
      await page.evaluate((t) => fakeHost.queuePasteText(t), key.text);
      return kb.press('Control+V');
    case 'cut': return kb.press('Control+X');
    case 'undo': return kb.press('Control+Z');
    case 'redo': return kb.press('Control+Y');
    case 'insertKey': return kb.press('Insert');
    case 'save': return kb.press('Control+S');
  }
}

describe('model-based editing: random keys against a reference editor (fake host, Chromium)', function () {
  const openPage = pageSuite();

  /** Waits until the view shows `want` with nothing on its way; returns what it shows instead after 10 s. */
  async function showsWithin(page: Page, want: Expected): Promise<Expected | undefined> {
    try {
      await page.waitForFunction((w) => {
        const s = (window as unknown as { shown: () => Expected }).shown();
        const ds = document.getElementById('root')!.dataset;
        return ds.pendingEdits === '0' && ds.heldKeys === '0' && JSON.stringify(s) === JSON.stringify(w);
      }, want, { timeout: 10_000, polling: 'raf' });
      return undefined;
    } catch {
      return page.evaluate(() => (window as unknown as { shown: () => Expected }).shown());
    }
  }

  /**
   * Runs one case in a fresh page; returns the first difference from the reference, or
   * undefined. `fast`: no wait between keys, replies 15 ms late, the end compared.
   */
  async function run(file: string, keys: Key[], fast: boolean, encodingId = 'utf8'): Promise<string | undefined> {
    const encoding = encodingOf(encodingId)!;
    const bytes = encoding.encode(file).toString('base64');
    const page = await openPage(
      `file=content&clock=frozen&latency=${fast ? 15 : 0}&name=model.txt&encoding=${encodingId}&bytes=${encodeURIComponent(bytes)}`, { width: 900, height: 700 },
    );
    await page.waitForSelector('#root[data-line-count]');
    await page.waitForFunction(() => !document.querySelector('.row .text.placeholder'));
    await page.evaluate(`window.shown = ${SHOWN}`);
    await page.focus('.editor');
    const ref = new ReferenceEditor(file, encoding.units === 'byte' ? 'byte' : 'utf8');
    for (let i = 0; i < keys.length; i++) {
      await press(page, keys[i]);
      ref.press(keys[i]);
      if (fast && i < keys.length - 1) continue;
      const want = expected(ref);
      const got = await showsWithin(page, want);
      if (got) return `after ${fast ? 'the last ' : ''}step ${i} (${JSON.stringify(keys[i])}):\n  expected ${JSON.stringify(want)}\n  shown    ${JSON.stringify(got)}`;
      if (keys[i].kind === 'save' || (fast && i === keys.length - 1)) {
        const saved = Buffer.from(await page.evaluate(() => fakeHost.savedBytes()));
        if (!saved.equals(encoding.encode(ref.saved))) return `after step ${i}: saved ${JSON.stringify(encoding.decode(saved))}, expected ${JSON.stringify(ref.saved)} (${encodingId})`;
      }
    }
    await page.close();
    return undefined;
  }

  /** Drops keys while the case still fails (for at most 90 s): a shorter case to read. */
  async function shrink(file: string, keys: Key[], fast: boolean, encodingId: string): Promise<Key[]> {
    let current = keys;
    const deadline = Date.now() + 90_000;
    for (let i = current.length - 1; i >= 0 && current.length > 1 && Date.now() < deadline; i--) {
      const shorter = [...current.slice(0, i), ...current.slice(i + 1)];
      if (await run(file, shorter, fast, encodingId)) current = shorter;
    }
    return current;
  }

  // UTF-8 at both speeds; then a file in Windows-1252 (one byte a character: columns, Backspace and saved bytes in it).
  const variants = [
    { fast: false, encodingId: 'utf8', cases: CASES },
    { fast: true, encodingId: 'utf8', cases: CASES },
    { fast: false, encodingId: 'windows1252', cases: Math.ceil(CASES / 3) },
  ];
  for (const { fast, encodingId, cases } of variants) {
    for (let n = 0; n < cases; n++) {
      const seed = FIRST_SEED + n;
      const how = `${fast ? ', pressed ahead of the host\'s answers' : ''}${encodingId === 'utf8' ? '' : `, in ${encodingId}`}`;
      it(`seed ${seed}: ${STEPS} random keys${how}`, async () => {
        const c = randomCase(seed, STEPS);
        const failure = await run(c.file, c.keys, fast, encodingId);
        if (!failure) return;
        const keys = await shrink(c.file, c.keys, fast, encodingId);
        const again = await run(c.file, keys, fast, encodingId);
        assert.fail(`seed ${seed}${how}, file ${JSON.stringify(c.file)}\n${failure}\nshrunk to ${keys.length} keys: ${JSON.stringify(keys)}\n${again ?? ''}`);
      });
    }
  }
});
