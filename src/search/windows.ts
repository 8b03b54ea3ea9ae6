import { LF_BREAK, type LineBreak } from '../lines/lineBreak';
import { LineCounter } from './lineCounter';
import { Matcher, STOP, Window } from './matcher';
import { ByteStream } from './segments';

/** How a stream is cut into windows for a set of matchers. */
export interface WindowPlan {
  /** Windows end right after a newline when the chunk holds one. */
  lineAligned: boolean;
  /** Bytes re-read before the scan position when it is not a line start. */
  context: number;
  /** Bytes a cut window keeps after its last accepted match start. */
  lookahead: number;
  /** Bytes read past the scan position per window. */
  chunk: number;
  /** How lines end in the stream (and how wide its code units are: windows start at a unit). */
  lineBreak: LineBreak;
}

/** The plan that suits every matcher in `matchers` (line-aligned only if all can be). */
export function windowPlan(
  matchers: readonly Matcher[], chunk: number, lineBreak: LineBreak = LF_BREAK, lineAligned = matchers.every((m) => m.lineAligned),
): WindowPlan {
  const context = Math.max(0, ...matchers.map((m) => m.context));
  const lookahead = Math.max(1, ...matchers.map((m) => m.lookahead));
  // A window must accept at least one byte past its lookahead, or the scan stalls.
  return { lineAligned, context, lookahead, chunk: Math.max(chunk, 2 * lookahead), lineBreak };
}

/** Bytes of scan buffer forEachWindow needs for `plan`. */
export function windowBytes(plan: WindowPlan): number {
  return plan.chunk + plan.context;
}

/** What runs alongside the windows: a line counter kept up with them, and a progress hook that can stop. */
export interface WindowHooks {
  counter?: LineCounter;
  /** Called after each window with the stream offset scanning goes on from; false stops. */
  onProgress?(pos: number): boolean;
}

/**
 * Reads [from, to) of `stream` window by window into `buffer` (at least
 * windowBytes(plan) long) and calls `visit` with each. `visit` returns STOP, or where
 * the next window must start scanning (an index into the window, used when the window
 * is cut; uncut line-aligned windows continue at their end). Windows may read past
 * `to` so that lines and lookahead are complete: callers drop matches past `to`.
 * Returns false when `visit` or `onProgress` stopped. Errors of `stream.read` (EFAULT) propagate.
 */
export function forEachWindow(
  stream: ByteStream, buffer: Buffer, from: number, to: number, plan: WindowPlan, visit: (w: Window) => number,
  hooks: WindowHooks = {},
): boolean {
  const unit = plan.lineBreak.unitBytes;
  // Offsets inside a two-byte unit start no match: scanning goes on at the next unit.
  const aligned = (at: number): number => at + (at % unit);
  let pos = aligned(from);
  let atLineStart = from === 0;
  // An empty range at the end of the stream still holds the empty match at its end (`$`).
  for (let first = true; pos < to || (first && pos === stream.size && pos > 0); first = false) {
    const readStart = atLineStart ? pos : Math.max(0, pos - plan.context - ((pos - plan.context) % unit));
    const readEnd = Math.min(stream.size, pos + plan.chunk);
    const view = buffer.subarray(0, readEnd - readStart);
    stream.read(readStart, view, view.length);
    const scanFrom = pos - readStart;
    let end = view.length;
    let cut = readEnd < stream.size;
    if (cut && plan.lineAligned) {
      const newline = plan.lineBreak.lastIndexOf(view);
      if (newline >= scanFrom) {
        end = newline + unit;
        cut = false;
      }
    }
    const w: Window = {
      buf: view.subarray(0, end),
      start: readStart,
      scanFrom,
      lineStart: atLineStart ? scanFrom : lineStartBefore(view, scanFrom, readStart, plan.lineBreak),
      acceptBefore: cut ? end - plan.lookahead + 1 : end,
      cut,
    };
    const resume = visit(w);
    if (resume === STOP) return false;
    pos = aligned(readStart + (cut || !plan.lineAligned ? resume : end));
    atLineStart = plan.lineAligned && !cut;
    hooks.counter?.at(w, pos);
    if (hooks.onProgress && !hooks.onProgress(pos)) return false;
  }
  return true;
}

/** Index of the line start at or before `at` in `view`, or -1 when the line began before it. */
function lineStartBefore(view: Buffer, at: number, viewStart: number, lineBreak: LineBreak): number {
  const u = lineBreak.unitBytes;
  const newline = at >= u ? lineBreak.lastIndexOf(view, at - u) : -1;
  if (newline >= 0) return newline + u;
  return viewStart === 0 ? 0 : -1;
}
