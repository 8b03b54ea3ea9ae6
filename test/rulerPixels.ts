import type { Frame, Page } from 'playwright-core';

/**
 * Which lanes of the text view's overview ruler (its left, middle and right thirds)
 * are painted at `fraction` of its height, in the page or frame that holds the view.
 */
export function rulerLanesAt(where: Page | Frame, fraction: number): Promise<boolean[]> {
  return where.$eval('canvas.overview-ruler', (c, f) => {
    // Read from a copy made for reading: reading the ruler's own canvas again and again makes Chromium warn.
    const canvas = c as HTMLCanvasElement;
    const copy = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
    const ctx = copy.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(canvas, 0, 0);
    const y = Math.min(canvas.height - 1, Math.round(f * canvas.height) + 1);
    return [0.2, 0.5, 0.8].map((x) => ctx.getImageData(Math.floor(x * canvas.width), y, 1, 1).data[3] > 0);
  }, fraction);
}
