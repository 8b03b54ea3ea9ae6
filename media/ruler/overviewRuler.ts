/**
 * The overview ruler drawn in the text view's vertical scrollbar, as VS Code's editor
 * draws one, over the whole file: unsaved edits (left lane), where your highlight rules
 * match (middle lane, each in its colour) and the lines the filter shows (middle lane,
 * over them), the find matches (right lane), each from the host as one bit per bucket
 * of lines however many there are; the marks and the caret across. A
 * canvas behind the thumb; clicking the track scrolls there, as it does without the
 * ruler. Drawn again only when what it shows changed.
 */
import type { RulerLane } from '../../src/editor/rulerProtocol';
import { el } from '../dom';

/** Colours of the theme, with VS Code's own defaults where a theme sets none. */
const COLOURS = {
  edits: ['--vscode-editorOverviewRuler-modifiedForeground', 'rgba(12, 125, 157, 0.6)'],
  filter: ['--vscode-editorOverviewRuler-selectionHighlightForeground', 'rgba(160, 160, 160, 0.8)'],
  find: ['--vscode-editorOverviewRuler-findMatchForeground', 'rgba(209, 134, 22, 0.49)'],
  mark: ['--vscode-textLink-foreground', '#3794ff'],
  caret: ['--vscode-editorCursor-foreground', '#aeafad'],
} as const;

/** Lane of each kind, as thirds of the ruler's width from the left. */
const LANE: Record<RulerLane, number> = { edits: 0, highlight: 1, filter: 1, find: 2 };

/** Least height of a mark on the ruler, in CSS pixels: one line of a long file must still show. */
const MIN_PX = 3;

interface Buckets {
  lane: RulerLane;
  /** Lane `highlight`: the rule's number. */
  rule: number;
  count: number;
  bits: Uint8Array;
}

export class OverviewRuler {
  private readonly canvas: HTMLCanvasElement;
  /** By `lane` (`highlight-<rule>` for a rule's), highlights first so the filter's draw over them. */
  private readonly lanes = new Map<string, Buckets>();
  private marks: readonly number[] = [];
  private drawn = '';
  /** Changes to the lanes or marks since the last draw. */
  private version = 0;

  constructor(track: HTMLElement) {
    this.canvas = el('canvas', 'overview-ruler');
    track.insertBefore(this.canvas, track.firstChild);
  }

  /** A lane from the host (see RulerMessage; `rule` for the lane `highlight`); `count` 0, or bits that are not base64, take it away. */
  setLane(lane: RulerLane, count: number, base64: string | undefined, rule = 0): void {
    let bits: Uint8Array | undefined;
    try {
      bits = count > 0 && base64 ? Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) : undefined;
    } catch {
      bits = undefined;
    }
    const key = lane === 'highlight' ? `highlight-${rule}` : lane;
    if (bits) this.lanes.set(key, { lane, rule, count, bits });
    else this.lanes.delete(key);
    // Which lanes show, for tests and for a look in the developer tools.
    this.canvas.dataset.lanes = [...this.lanes.keys()].sort().join(' ');
    this.version++;
  }

  /** The marked lines, in order. */
  setMarks(lines: readonly number[]): void {
    if (lines === this.marks) return;
    this.marks = lines;
    this.version++;
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
    // The canvas's own style: the theme's colours and the rules' (set on the view's root) reach it.
    const style = getComputedStyle(canvas);
    const colour = (which: keyof typeof COLOURS) => style.getPropertyValue(COLOURS[which][0]).trim() || COLOURS[which][1];
    const ruleColour = (rule: number) => style.getPropertyValue(`--hl-bg-${rule}`).trim() || style.getPropertyValue(`--hl-fg-${rule}`).trim() || colour('filter');
    const third = widthPx / 3;
    const ordered = [...this.lanes.values()].sort((a, b) => Number(b.lane === 'highlight') - Number(a.lane === 'highlight'));
    for (const buckets of ordered) {
      const lane = buckets.lane;
      ctx.fillStyle = lane === 'highlight' ? ruleColour(buckets.rule) : colour(lane);
      for (const [top, bottom] of runs(buckets)) {
        const y = (top / buckets.count) * heightPx;
        ctx.fillRect(LANE[lane] * third, y, third, Math.max(MIN_PX, (bottom / buckets.count) * heightPx - y));
      }
    }
    const y = (line: number) => (line / lineCount) * heightPx;
    ctx.fillStyle = colour('mark');
    for (const line of this.marks) ctx.fillRect(0, y(line), widthPx, MIN_PX);
    if (caretLine >= 0 && caretLine < lineCount) {
      ctx.fillStyle = colour('caret');
      ctx.fillRect(0, y(caretLine), widthPx, 2);
    }
  }
}

/** The runs of set buckets, [first, end). */
function* runs({ count, bits }: { count: number; bits: Uint8Array }): Generator<[number, number]> {
  const has = (i: number) => (bits[i >> 3] & (1 << (i & 7))) !== 0;
  for (let i = 0; i < count; i++) {
    if (!has(i)) continue;
    let end = i + 1;
    while (end < count && has(end)) end++;
    yield [i, end];
    i = end;
  }
}
