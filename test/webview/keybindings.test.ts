// Every chord that VS Code (code-server's, Linux defaults: test/fixtures) or this
// extension binds where the webview has focus leaves the document unchanged, in the
// text view and in both columns of the hex view. VS Code runs the chord's command; the
// view must not also take it as typing (issue #13: Ctrl+Alt+F, Alt+Z typed "f", "z").
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import type { ViewerMessage } from '../../src/editor/protocol';
import { chordsReachingWebview, defaultBindings, extensionBindings } from '../keybindings/chords';
import { EDITING_CHORDS } from '../keybindings/editingKeys';
import { pageSuite } from './harness';

declare const fakeHost: { sent: ViewerMessage[]; text: string; readBytes(offset: number, length: number): number[] };

const EDITS = ['insert', 'delete', 'paste', 'replaceBytes', 'pasteBytes'];

/** Playwright's name for a chord: "Control+Alt+KeyF". */
function playwrightKey(c: { ctrl: boolean; shift: boolean; alt: boolean; meta: boolean; code: string }): string {
  return [c.ctrl && 'Control', c.shift && 'Shift', c.alt && 'Alt', c.meta && 'Meta', c.code].filter(Boolean).join('+');
}

describe('bound key chords never edit (fake host, Chromium)', function () {
  const openPage = pageSuite();
  const chords = [...chordsReachingWebview([...defaultBindings('linux'), ...extensionBindings('linux')])]
    .filter(([text]) => !EDITING_CHORDS.has(text));

  async function edits(page: Page): Promise<number> {
    return page.evaluate((types) => fakeHost.sent.filter((m) => types.includes(m.type)).length, EDITS);
  }

  /** Presses each chord twice (a hex digit waits for its second nibble), after `focus`; returns the chords that sent an edit. */
  async function pressAll(page: Page, focus: () => Promise<void>): Promise<string[]> {
    const edited: string[] = [];
    for (const [text, { chord }] of chords) {
      await focus();
      const before = await edits(page);
      await page.keyboard.press(playwrightKey(chord));
      await page.keyboard.press(playwrightKey(chord));
      if (await edits(page) !== before) edited.push(text);
    }
    return edited;
  }

  it(`the text view: ${chords.length} chords`, async () => {
    const page = await openPage('file=special', { width: 1000, height: 600 });
    await page.waitForSelector('.row[data-line] .text:not(.placeholder)');
    const before = await page.evaluate(() => fakeHost.text);
    const edited = await pressAll(page, () => page.focus('.editor'));
    assert.deepStrictEqual(edited, [], 'chords that edited the text');
    assert.strictEqual(await page.evaluate(() => fakeHost.text), before);
  });

  for (const column of ['hb', 'hc'] as const) {
    it(`the hex view's ${column === 'hb' ? 'hex' : 'text'} column`, async () => {
      const page = await openPage('file=binary', { width: 1100, height: 600 });
      await page.waitForSelector('.hex-row[data-offset="32"]');
      const before = await page.evaluate(() => fakeHost.readBytes(0, 4096));
      const edited = await pressAll(page, async () => {
        // A chord may have scrolled (Ctrl+End, PageDown): back to the top, where the byte is.
        await page.focus('.hex-editor');
        await page.keyboard.press('Control+Home');
        await page.click(`.hex-row[data-offset="32"] .${column}[data-i="0"]`);
      });
      assert.deepStrictEqual(edited, [], 'chords that edited the bytes');
      assert.deepStrictEqual(await page.evaluate(() => fakeHost.readBytes(0, 4096)), before);
    });
  }
});
