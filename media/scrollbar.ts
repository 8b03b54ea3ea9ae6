/**
 * A scrollbar drawn by hand. A native one needs an element as tall as the content,
 * and browsers clamp element sizes somewhere past 16.7 M px (under 1 M lines at 20 px),
 * so a 100 M-line file could never scroll to its end. This one only knows a ratio
 * (0 = start, 1 = end) and the visible fraction; the viewer maps the ratio to a line
 * (or a column) itself, in whole numbers.
 */

export type Orientation = 'vertical' | 'horizontal';

/** Width of a vertical scrollbar (viewer.css), where an overview ruler is drawn. */
export const VBAR_PX = 14;

/** Thumb never shrinks below this, so it stays grabbable on a 100 M-line file. */
export const MIN_THUMB_PX = 20;

export interface ScrollbarOptions {
  orientation: Orientation;
  trackClass: string;
  thumbClass: string;
  /** Called with the new ratio while the user drags the thumb or clicks the track. */
  onScroll(ratio: number): void;
  /** Called when a drag starts and ends (the viewer pauses follow mode, etc.). */
  onDrag?(dragging: boolean): void;
}

export class Scrollbar {
  readonly track: HTMLDivElement;
  readonly thumb: HTMLDivElement;
  private trackPx = 0;
  private thumbPx = 0;
  private grabOffset = 0;
  private dragging = false;

  constructor(parent: HTMLElement, private readonly opts: ScrollbarOptions) {
    this.track = document.createElement('div');
    this.track.className = `${opts.trackClass} scrollbar ${opts.orientation}`;
    this.track.setAttribute('aria-hidden', 'true');
    this.thumb = document.createElement('div');
    this.thumb.className = `${opts.thumbClass} scroll-slider`;
    this.track.appendChild(this.thumb);
    parent.appendChild(this.track);
    this.track.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.track.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.track.addEventListener('pointerup', (e) => this.pointerUp(e));
    this.track.addEventListener('pointercancel', (e) => this.pointerUp(e));
    // The editor underneath would start a text selection.
    this.track.addEventListener('mousedown', (e) => e.preventDefault());
  }

  get isDragging(): boolean {
    return this.dragging;
  }

  /**
   * Lays the thumb out. `ratio` is the scroll position in 0..1, `visibleFraction` how
   * much of the content is on screen (sets the thumb size), `trackPx` the track's
   * length (passed in so drawing never forces a layout).
   */
  update(ratio: number, visibleFraction: number, visible: boolean, trackPx: number): void {
    this.track.classList.toggle('hidden', !visible);
    if (!visible) return;
    const vertical = this.opts.orientation === 'vertical';
    this.trackPx = trackPx;
    const fraction = Math.min(1, Math.max(0, visibleFraction));
    this.thumbPx = Math.min(this.trackPx, Math.max(MIN_THUMB_PX, this.trackPx * fraction));
    const pos = clamp01(ratio) * (this.trackPx - this.thumbPx);
    if (vertical) {
      this.thumb.style.height = `${this.thumbPx}px`;
      this.thumb.style.transform = `translateY(${pos}px)`;
    } else {
      this.thumb.style.width = `${this.thumbPx}px`;
      this.thumb.style.transform = `translateX(${pos}px)`;
    }
  }

  private along(e: PointerEvent): number {
    const rect = this.track.getBoundingClientRect();
    return this.opts.orientation === 'vertical' ? e.clientY - rect.top : e.clientX - rect.left;
  }

  private ratioAt(pointer: number): number {
    const room = this.trackPx - this.thumbPx;
    return room > 0 ? clamp01((pointer - this.grabOffset) / room) : 0;
  }

  private pointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const pointer = this.along(e);
    if (e.target === this.thumb) {
      this.grabOffset = pointer - this.thumbStart();
    } else {
      // A click on the track jumps there (VS Code's default), thumb centred on the
      // pointer, and the same press keeps dragging.
      this.grabOffset = this.thumbPx / 2;
      this.opts.onScroll(this.ratioAt(pointer));
    }
    this.dragging = true;
    this.track.classList.add('active');
    this.track.setPointerCapture(e.pointerId);
    this.opts.onDrag?.(true);
  }

  private pointerMove(e: PointerEvent): void {
    if (!this.dragging) return;
    e.preventDefault();
    this.opts.onScroll(this.ratioAt(this.along(e)));
  }

  private pointerUp(e: PointerEvent): void {
    if (!this.dragging) return;
    this.dragging = false;
    this.track.classList.remove('active');
    if (this.track.hasPointerCapture(e.pointerId)) this.track.releasePointerCapture(e.pointerId);
    this.opts.onDrag?.(false);
  }

  private thumbStart(): number {
    const track = this.track.getBoundingClientRect();
    const thumb = this.thumb.getBoundingClientRect();
    return this.opts.orientation === 'vertical' ? thumb.top - track.top : thumb.left - track.left;
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
