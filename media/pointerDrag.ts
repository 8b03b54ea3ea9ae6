/** How often a drag held past an edge scrolls again. */
const AUTO_SCROLL_MS = 40;

/**
 * One mouse drag over a view: captures the pointer, keeps its latest point, calls
 * `follow` on every move and, once it has moved, `autoScroll` every AUTO_SCROLL_MS, so
 * that a drag held still past an edge keeps scrolling. Events of other pointers are
 * ignored. `end` (pointerup or pointercancel) or `dispose` stops it.
 */
export class PointerDrag {
  x: number;
  y: number;
  private readonly pointerId: number;
  private timer = 0;

  constructor(
    private readonly el: HTMLElement,
    down: PointerEvent,
    private readonly follow: () => void,
    private readonly autoScroll: () => void,
  ) {
    this.x = down.clientX;
    this.y = down.clientY;
    this.pointerId = down.pointerId;
    el.setPointerCapture(down.pointerId);
  }

  move(e: PointerEvent): void {
    if (e.pointerId !== this.pointerId) return;
    this.x = e.clientX;
    this.y = e.clientY;
    this.follow();
    if (!this.timer) this.timer = window.setInterval(this.autoScroll, AUTO_SCROLL_MS);
  }

  /** Ends the drag if `e` is its pointer's; returns whether it did. */
  end(e: PointerEvent): boolean {
    if (e.pointerId !== this.pointerId) return false;
    this.dispose();
    if (this.el.hasPointerCapture(e.pointerId)) this.el.releasePointerCapture(e.pointerId);
    return true;
  }

  /** Stops the scrolling timer (the drag ended, or the view is going away). */
  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = 0;
  }
}
