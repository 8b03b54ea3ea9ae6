// The hex view's model-based editing test: random keys on random small binary files,
// pressed in the real hex view in Chromium, whose fake host applies the edits with the
// extension host's own byte edit, undo and save code; after EVERY key the view (caret,
// anchor, column, insert mode, the pending digit, every byte of every row on screen
// in both columns) and the host's content must equal a plain reference hex editor
// (test/model/referenceHexEditor.ts); every Ctrl+S, and a last one, must have saved
// the reference's bytes. Rows are 16 bytes wide, or 8 for every third seed. Then a
// quarter of the seeds at full speed: every key pressed without waiting, the host
// answering 15 ms late (so keys run ahead of the edits they follow), the end compared.
// Replay a failure: HEX_MODEL_SEED=<seed> HEX_MODEL_CASES=1 npx mocha --timeout 120000 --require tsx/cjs test/webview/hexEditingModel.test.ts
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { randomHexCase } from '../model/hexKeySequences';
import { type HexKey, ReferenceHexEditor } from '../model/referenceHexEditor';
import { pageSuite } from './harness';

declare const fakeHost: { savedBytes(): number[]; setPasteText(text: string): void };

const CASES = Number(process.env.HEX_MODEL_CASES ?? 40);
const STEPS = Number(process.env.HEX_MODEL_STEPS ?? 32);
const FIRST_SEED = Number(process.env.HEX_MODEL_SEED ?? 1);
const PARALLEL = 4;

/** What the reference says; the page turns it into the rows it must show (see SHOWN). */
interface Want {
  caret: number;
  anchor: number;
  column: string;
  insert: boolean;
  pending: string;
  bytes: number[];
}

const want = (ref: ReferenceHexEditor): Want => ({
  caret: ref.caret, anchor: ref.anchor, column: ref.column, insert: ref.insert,
  pending: ref.pending === undefined ? '' : `${ref.caret}:${ref.pending.toString(16)}`, bytes: ref.bytes,
});

/**
 * In the page (plain JS: installed as `window.hexShown`): what the view shows, and
 * what it should show for `w` in the same rows (the view scrolls as it likes; the
 * caret's row must be among them).
 */
const SHOWN = `(w) => {
  const ds = document.getElementById('root').dataset;
  const perRow = Number(ds.bytesPerRow);
  const hex = (b) => b.toString(16).padStart(2, '0');
  const printable = (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');
  const shownRows = [];
  const wantRows = [];
  let pending = '';
  for (const row of document.querySelectorAll('.hex-row:not(.hidden):not(.hex-header)')) {
    const offset = Number(row.dataset.offset);
    const cells = Array.from(row.querySelectorAll('.hb'));
    const p = cells.findIndex((c) => c.classList.contains('hex-pending'));
    if (p >= 0) pending = (offset + p) + ':' + cells[p].textContent[0];
    shownRows.push(offset + ': ' + cells.map((c) => c.textContent).join(' ') + ' |' + Array.from(row.querySelectorAll('.hc'), (c) => c.textContent).join('') + '|');
    const at = Array.from({ length: perRow }, (_, i) => offset + i);
    const cellOf = (a) => {
      const text = a < w.bytes.length ? hex(w.bytes[a]) : '  ';
      return w.pending && a === w.caret ? w.pending.split(':')[1] + text[1] : text;
    };
    wantRows.push(offset + ': ' + at.map(cellOf).join(' ') + ' |' + at.map((a) => (a < w.bytes.length ? printable(w.bytes[a]) : ' ')).join('') + '|');
  }
  const caretRow = w.caret - (w.caret % perRow);
  const content = fakeHost.contentBytes();
  return {
    view: { caret: Number(ds.caret), anchor: Number(ds.anchor), column: ds.column, insert: ds.insert === 'true', pending, content, rows: shownRows },
    expected: { caret: w.caret, anchor: w.anchor, column: w.column, insert: w.insert, pending: w.pending, content: w.bytes,
      rows: shownRows.some((r) => r.startsWith(caretRow + ':')) ? wantRows : ['the caret row ' + caretRow + ' on screen'].concat(wantRows) },
  };
}`;

interface Shown {
  view: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const KEYS: Record<string, string> = {
  backspace: 'Backspace', delete: 'Delete', left: 'ArrowLeft', right: 'ArrowRight', up: 'ArrowUp', down: 'ArrowDown',
  home: 'Home', end: 'End', fileStart: 'Control+Home', fileEnd: 'Control+End', pageUp: 'PageUp', pageDown: 'PageDown',
  tab: 'Tab', insertKey: 'Insert', escape: 'Escape', selectAll: 'Control+A', paste: 'Control+V', cut: 'Control+X',
  undo: 'Control+Z', redo: 'Control+Y', save: 'Control+S',
};

/** Presses `key` in the view, whose typing goes to `column`. */
async function press(page: Page, key: HexKey, column: 'hex' | 'text'): Promise<void> {
  if (key.kind === 'paste') await page.evaluate((clip) => fakeHost.setPasteText(clip), column === 'hex' ? key.hex : key.text);
  if (key.kind === 'type' && key.text.charCodeAt(0) >= 128) {
    // Not on Playwright's US keyboard: the keydown a keyboard with the key sends.
    return page.$eval('.hex-editor', (e, k) => { e.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })); }, key.text);
  }
  if (key.kind === 'type') return page.keyboard.press(key.text === ' ' ? 'Space' : key.text);
  return page.keyboard.press(`${'shift' in key && key.shift ? 'Shift+' : ''}${KEYS[key.kind]}`);
}

describe('hex view model-based editing: random keys against a reference hex editor (fake host, Chromium)', function () {
  const openPage = pageSuite();

  /** Waits until the view shows what the reference says, nothing on its way; returns the difference after 10 s. */
  async function showsWithin(page: Page, w: Want): Promise<Shown | undefined> {
    try {
      await page.waitForFunction((x) => {
        const s = (window as unknown as { hexShown: (w: Want) => Shown }).hexShown(x);
        const ds = document.getElementById('root')!.dataset;
        const host = (window as unknown as { fakeHost: { undelivered: number } }).fakeHost;
        return ds.pendingEdits === '0' && host.undelivered === 0 && JSON.stringify(s.view) === JSON.stringify(s.expected);
      }, w, { timeout: 10_000, polling: 'raf' });
      return undefined;
    } catch {
      return page.evaluate((x) => (window as unknown as { hexShown: (w: Want) => Shown }).hexShown(x), w);
    }
  }

  /**
   * Runs one case in a fresh page; returns the first difference from the reference (and
   * the key it came after), or undefined. `fast`: every key pressed at once, the host
   * answering 15 ms late, only the end compared.
   */
  async function run(bytes: number[], perRow: number, keys: HexKey[], fast: boolean): Promise<{ step: number; message: string } | undefined> {
    const base64 = Buffer.from(bytes).toString('base64');
    const page = await openPage(`file=content&view=hex&perRow=${perRow}&latency=${fast ? 15 : 0}&name=model.bin&bytes=${encodeURIComponent(base64)}`, { width: 900, height: 260 });
    await page.waitForSelector('#root[data-row-count]');
    await page.waitForFunction(() => document.querySelector('.hex-row:not(.hidden):not(.hex-header)') && !document.querySelector('.hex-loading'));
    await page.evaluate(`window.hexShown = ${SHOWN}`);
    await page.focus('.hex-editor');
    const pageRows = Math.max(1, Number(await page.$eval('#root', (r) => (r as HTMLElement).dataset.visibleRows)) - 1);
    const ref = new ReferenceHexEditor(bytes.slice(), perRow, pageRows);
    const all: HexKey[] = [...keys, { kind: 'save' }];
    for (let i = 0; i < all.length; i++) {
      const key = all[i];
      if (!ref.takes(key)) continue;
      await press(page, key, ref.column);
      ref.press(key);
      if (fast && i < all.length - 1) continue;
      const got = await showsWithin(page, want(ref));
      if (got) return { step: i, message: `after step ${i} (${JSON.stringify(key)}), ${pageRows} rows a page:\n  expected ${JSON.stringify(got.expected)}\n  shown    ${JSON.stringify(got.view)}` };
      if (key.kind === 'save') {
        const saved = await page.evaluate(() => fakeHost.savedBytes());
        if (JSON.stringify(saved) !== JSON.stringify(ref.saved)) return { step: i, message: `after step ${i}: saved ${JSON.stringify(saved)}, expected ${JSON.stringify(ref.saved)}` };
      }
    }
    await page.close();
    return undefined;
  }

  /** Drops the keys after the failing one, then others while the case still fails (for at most 50 s, inside the test timeout): a shorter case to read. */
  async function shrink(bytes: number[], perRow: number, keys: HexKey[], failedAt: number, fast: boolean): Promise<HexKey[]> {
    let current = keys.slice(0, failedAt + 1);
    const deadline = Date.now() + 50_000;
    for (let i = current.length - 1; i >= 0 && current.length > 1 && Date.now() < deadline; i--) {
      const shorter = [...current.slice(0, i), ...current.slice(i + 1)];
      if (await run(bytes, perRow, shorter, fast)) current = shorter;
    }
    return current;
  }

  // A case waits on the page's frames far more than it computes: a few run side by side.
  // Pressed ahead of the host's answers, the keys leave out undo, redo and save (VS Code
  // runs them on the document at once, before the view knows of the edits on their way)
  // and paste (the host places the caret after the clipboard's bytes when it has read it).
  const variants = [{ fast: false, cases: CASES }, { fast: true, cases: Math.ceil(CASES / 4) }];
  for (const { fast, cases: count } of variants) {
    for (let first = 0; first < count; first += PARALLEL) {
      const cases = Array.from({ length: Math.min(PARALLEL, count - first) }, (_, i) => {
        const c = randomHexCase(FIRST_SEED + first + i, STEPS);
        return fast ? { ...c, keys: c.keys.filter((k) => !['undo', 'redo', 'save', 'paste'].includes(k.kind)) } : c;
      });
      const how = fast ? ', pressed ahead of the host\'s answers' : '';
      it(`seeds ${cases.map((c) => `${c.seed} (${c.bytes.length} bytes, ${c.perRow} a row)`).join(', ')}: ${STEPS} random keys each${how}`, async () => {
        const failures = await Promise.all(cases.map((c) => run(c.bytes, c.perRow, c.keys, fast)));
        const i = failures.findIndex((f) => f);
        if (i < 0) return;
        const [c, failure] = [cases[i], failures[i]!];
        const keys = await shrink(c.bytes, c.perRow, c.keys, failure.step, fast);
        const again = await run(c.bytes, c.perRow, keys, fast);
        const others = failures.flatMap((f, j) => (f && j !== i ? [cases[j].seed] : []));
        assert.fail(`seed ${c.seed}${how}, ${c.perRow} a row, file ${JSON.stringify(c.bytes)}\n${failure.message}\nshrunk to ${keys.length} keys: ${JSON.stringify(keys)}\n${again?.message ?? ''}${others.length ? `\nseeds ${others.join(', ')} failed too` : ''}`);
      });
    }
  }
});
