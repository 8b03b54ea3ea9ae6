/** The editor font's cell size, measured, and a watch for when the theme or font changes. */
import { IS_MAC } from './keys';

export interface FontMetrics {
  lineHeight: number;
  charWidth: number;
  digitWidth: number;
}

/** Measures with `probe`, an invisible element in the editor's font (its text is overwritten). */
export function measureFont(probe: HTMLElement): FontMetrics {
  probe.textContent = 'M'.repeat(64);
  const fontSize = parseFloat(getComputedStyle(probe).fontSize) || 14;
  const rect = probe.getBoundingClientRect();
  const charWidth = rect.width / 64 || 8;
  probe.textContent = '0123456789'.repeat(4);
  const digitWidth = probe.getBoundingClientRect().width / 40 || charWidth;
  // VS Code's own rule (round(size x 1.35), 1.5 on macOS), never less than the font's own height.
  const golden = Math.round(fontSize * (IS_MAC ? 1.5 : 1.35));
  return { lineHeight: Math.max(golden, Math.ceil(rect.height), 8), charWidth, digitWidth };
}

/** Calls `changed` when the theme or the editor font may have changed, until `signal` aborts. */
export function onFontChange(changed: () => void, signal: AbortSignal): void {
  // Theme and font changes arrive as new CSS variables on <html>.
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect());
  void document.fonts?.ready.then(() => {
    if (!signal.aborted) changed();
  });
}
