// Timing an open in a real VS Code (code-server, see test/e2e/harness.ts) from the Enter of
// Quick Open to the first line painted in the Huge File Editor's webview, measured with the
// page's own clock. Shared by the benchmarks that open files (bench-viewer, bench-open-encodings).
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { closeAllEditors as closeAllTabs, forgetWebviewWorker, quickOpenFocus } from '../test/e2e/harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- in-page timing

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named inner functions in a
 * `__name(fn, "name")` call; functions sent to the page need that helper there too.
 */
export function nameShim(): void {
  (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
}

/**
 * Added to every frame: in VS Code's webview host frame (pre/index.html) it watches the
 * webview's content iframe (same origin) and records, with the page's clock, when row 0
 * first shows real text, and the next animation frame after that (= painted). It has to
 * sit in the host frame: the content iframe's document is replaced by document.write,
 * which drops timers and observers an init script would set up in it.
 */
export function webviewProbe(): void {
  if (window === window.top || !location.pathname.endsWith('/webview/browser/pre/index.html')) return;
  // hostStart: this frame's document was created; iframe: it made the content iframe (the
  // extension's HTML arrived); script: the viewer's script ran (it posts 'ready' then);
  // viewer: its root has the state ('ready' answered by 'init'); t: row 0 shows text;
  // painted: the animation frame after.
  const seen = { hostStart: Date.now() } as { hostStart: number; iframe?: number; script?: number; viewer?: number; t?: number; painted?: number; text?: string };
  (window as unknown as { __hfFirstRow: typeof seen }).__hfFirstRow = seen;
  const timer = setInterval(() => {
    const frames = Array.from(document.querySelectorAll('iframe'));
    if (!seen.iframe && frames.length) seen.iframe = Date.now();
    for (const f of frames) {
      let doc: Document | null | undefined;
      try {
        doc = f.contentDocument;
      } catch {
        continue;
      }
      if (!seen.script && doc?.querySelector('#root.hfe')) seen.script = Date.now();
      if (!seen.viewer && doc?.querySelector('[data-line-count]')) seen.viewer = Date.now();
      const el = doc?.querySelector('.row[data-line="0"] .text');
      if (!el || el.classList.contains('placeholder')) continue;
      seen.t = Date.now();
      seen.text = el.textContent ?? '';
      clearInterval(timer);
      f.contentWindow?.requestAnimationFrame(() => { seen.painted = Date.now(); });
      return;
    }
  }, 4);
}

export interface OpenMarks { enter?: number; tab?: number; button?: number; text?: number; painted?: number }

/**
 * Installed in the workbench page just before Enter: records when Enter goes down, when
 * the editor's tab appears and, for the text editor (`builtIn`), when the "Open Anyway"
 * placeholder shows and when the file's first line is in `.monaco-editor .view-lines`.
 */
export function workbenchProbe([name, firstLine, builtIn]: [string, string, boolean]): void {
  const w = window as unknown as { __hfOpen: OpenMarks; __hfStop?: () => void };
  w.__hfStop?.(); // a previous open's probe, if still polling
  const marks: OpenMarks = {};
  w.__hfOpen = marks;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !marks.enter) marks.enter = Date.now();
  };
  window.addEventListener('keydown', onKey, true);
  const norm = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');
  const timer = setInterval(() => {
    if (!marks.tab && Array.from(document.querySelectorAll('.tabs-container .tab')).some((t) => norm(t.textContent).includes(name))) marks.tab = Date.now();
    if (builtIn && !marks.button && document.querySelector('.editor-placeholder-buttons-container')) marks.button = Date.now();
    if (builtIn && !marks.text && Array.from(document.querySelectorAll('.monaco-editor .view-lines .view-line')).some((l) => norm(l.textContent) === firstLine)) {
      marks.text = Date.now();
      requestAnimationFrame(() => { marks.painted = Date.now(); });
    }
    if (marks.tab && (!builtIn || marks.text)) stop();
  }, 4);
  const stop = () => {
    clearInterval(timer);
    window.removeEventListener('keydown', onKey, true);
  };
  w.__hfStop = stop;
}

// ---------------------------------------------------------------- driving VS Code


/** Closes every editor and waits until their webviews are gone and disposed. */
export async function closeAllEditors(page: Page): Promise<void> {
  await closeAllTabs(page);
  await sleep(1_000); // let the closed editor's document be disposed too
}

/** The file's first line as text, without a byte order mark (the viewer is checked against it). */
export function firstLineOf(file: string, encoding = 'utf-8'): string {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(4096);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  return new TextDecoder(encoding).decode(buf.subarray(0, n)).split('\n')[0];
}


export interface OpenTiming {
  enterToText: number; tabToText: number; enterToTab: number;
  /** Steps of tab -> text: webview host frame, content iframe, viewer script, 'init', first line painted. */
  tabToHost: number; hostToIframe: number; iframeToScript: number; scriptToViewer: number; viewerToText: number;
  /** Part of iframeToScript: the content iframe's navigation waiting for VS Code's webview service worker. */
  swWait: number;
  /** Wall-clock time Enter went down (for timing the index from it). */
  enterAt: number;
}

/**
 * Opens `name` in the Huge File Editor (by the association) and times it to its first line.
 * `newWorker` unregisters the webview service worker first (see report: the service worker wait).
 */
export async function timeOpenHuge(page: Page, name: string, firstLine: string, newWorker = false): Promise<OpenTiming> {
  await closeAllEditors(page);
  if (newWorker) await forgetWebviewWorker(page);
  await quickOpenFocus(page, name);
  await page.evaluate(workbenchProbe, [name, firstLine, false] as [string, string, boolean]);
  await page.keyboard.press('Enter');
  // The probe recorded the times in the page; here we only find the frame it is in.
  const deadline = Date.now() + 60_000;
  for (;;) {
    for (const frame of page.frames()) {
      const seen = await frame.evaluate(() => (window as unknown as { __hfFirstRow?: { hostStart: number; iframe?: number; script?: number; viewer?: number; painted?: number; text?: string } }).__hfFirstRow).catch(() => undefined);
      if (!seen?.painted || seen.text === undefined) continue;
      // A byte order mark is line 0's first character (zero-width on screen); firstLineOf drops it.
      if (seen.text.replace(/^\uFEFF/, '') !== firstLine) throw new Error(`${name}: row 0 shows ${JSON.stringify(seen.text.slice(0, 80))}, not the file's first line`);
      const marks = await page.evaluate(() => (window as unknown as { __hfOpen: OpenMarks }).__hfOpen);
      if (!marks.enter || !marks.tab) throw new Error(`${name}: Enter or tab not seen (${JSON.stringify(marks)})`);
      // Navigation Timing of the content iframe: workerStart is when the service worker
      // (which serves the webview's resources) was ready to take its first request.
      const swWait = await frame.childFrames()[0]?.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.workerStart ?? NaN).catch(() => NaN) ?? NaN;
      return {
        swWait,
        enterAt: marks.enter,
        enterToText: seen.painted - marks.enter, tabToText: seen.painted - marks.tab, enterToTab: marks.tab - marks.enter,
        tabToHost: seen.hostStart - marks.tab,
        hostToIframe: (seen.iframe ?? seen.hostStart) - seen.hostStart,
        iframeToScript: (seen.script ?? seen.painted) - (seen.iframe ?? seen.hostStart),
        scriptToViewer: (seen.viewer ?? seen.painted) - (seen.script ?? seen.painted),
        viewerToText: seen.painted - (seen.viewer ?? seen.painted),
      };
    }
    if (Date.now() > deadline) throw new Error(`${name}: first line not visible in 60 s`);
    await sleep(20);
  }
}

