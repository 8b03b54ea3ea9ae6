/**
 * The overview ruler drawn in the text view's vertical scrollbar, as VS Code's editor
 * draws one: over the whole file, the find matches (right lane, from the host's count:
 * any number of them, kept as one bit per bucket of lines), the marked lines (left
 * lane) and the caret (across). A canvas behind the thumb; clicking the track scrolls
 * there, as it does without the ruler. Drawn again only when what it shows changed.
 */
import { el } from '../dom';

/** Colours of the theme, with VS Code's own defaults where a theme sets none. */
const COLOURS = {
  find: ['--vscode-editorOverviewRuler-findMatchForeground', 'rgba(209, 134, 22, 0.49)'],
  mark: ['--vscode-textLink-foreground', '#3794ff'],
  caret: ['--vscode-editorCursor-foreground', '#aeafad'],
} as const;

/** Least height of a mark on the ruler, in CSS pixels: one line of a long file must still show. */
const MIN_PX = 3;

export class OverviewRuler {
  private readonly canvas: HTMLCanvasElement;
  private find: { count: number; bits: Uint8Array } | undefined;
  private marks: readonly number[] = [];
  private drawn = '';
  /** Changes to marks or find since the last draw. */
  private version = 0;

  constructor(track: HTMLElement) {
    this.canvas = el('canvas', 'overview-ruler');
    track.insertBefore(this.canvas, track.firstChild);
  }

  /** The host's find lane (see RulerMessage); `count` 0 takes it away. */
  setFind(count: number, base64: string | undefined): void {
    let bits: Uint8Array | undefined;
    try {
      bits = count > 0 && base64 ? Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) : undefined;
    } catch {
      bits = undefined; // not base64: no lane rather than a broken view
    }
    this.find = bits ? { count, bits } : undefined;
    this.version++;
  }

  /** The marked lines, in order. */
  setMarks(lines: readonly number[]): void {
    this.marks = lines;
    this.version++;
  }

  /** Whether bucket `i` of the find lane holds a match (for tests and screen readers, none yet). */
  hasFind(i: number): boolean {
    return !!this.find && i < this.find.count && (this.find.bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  /** Draws the ruler for a file of `lineCount` lines with the caret on `caretLine`, in a track `heightPx` tall. */
  draw(lineCount: number, caretLine: number, heightPx: number, widthPx: number): void {
    const ratio = window.devicePixelRatio || 1;
    const key = `${lineCount}:${caretLine}:${heightPx}:${widthPx}:${ratio}:${this.version}:${document.body.className}`;
    if (key === this.drawn) return;
    this.drawn = key;
    const canvas = this.canvas;
    canvas.width = Math.max(1, Math.round(widthPx * ratio));
    canvas.height = Math.max(1, Math.round(heightPx * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx || lineCount <= 0) return;
    ctx.scale(ratio, ratio);
    const style = getComputedStyle(document.documentElement);
    const colour = (which: keyof typeof COLOURS) => style.getPropertyValue(COLOURS[which][0]).trim() || COLOURS[which][1];
    const y = (line: number) => (line / lineCount) * heightPx;
    const lane = widthPx / 3;
    if (this.find) {
      ctx.fillStyle = colour('find');
      const { count } = this.find;
      for (let i = 0; i < count; i++) {
        if (!this.hasFind(i)) continue;
        let end = i + 1;
        while (end < count && this.hasFind(end)) end++;
        const top = (i / count) * heightPx;
        ctx.fillRect(widthPx - lane - 1, top, lane, Math.max(MIN_PX, (end / count) * heightPx - top));
        i = end;
      }
    }
    ctx.fillStyle = colour('mark');
    for (const line of this.marks) ctx.fillRect(1, y(line), lane, MIN_PX + 1);
    if (caretLine >= 0 && caretLine < lineCount) {
      ctx.fillStyle = colour('caret');
      ctx.fillRect(0, y(caretLine), widthPx, MIN_PX);
    }
  }
}
