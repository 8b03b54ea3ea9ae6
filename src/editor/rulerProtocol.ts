/**
 * What the text view's overview ruler shows of the whole file that the view cannot
 * know itself, one lane a message: where the find matches are (sent as the find's
 * count scans), the lines the filter shows (as it builds), where each highlight rule
 * matches, and the unsaved edits.
 * Count 0 clears the lane (the find or the filter closed).
 */
import { isCount } from './validate';

export interface RulerMessage {
  type: 'ruler';
  lane: RulerLane;
  /** Buckets the lines are split into: bucket i covers lines [i, i + 1) * lineCount / count. */
  count: number;
  /** Base64 of a bitset (bucket i at bit i % 8 of byte i / 8): buckets holding a hit. */
  bits?: string;
  /** Lane `highlight`: which of your highlight rules (its number among those shown, from 0). */
  rule?: number;
}

/** Most buckets a ruler message may have: more than any screen has pixels. */
export const MAX_RULER_BUCKETS = 1 << 16;

/** Whether a message from the host (checked by the views) holds a well-formed set of buckets: a count in range, and bits absent or a string no longer than that bound. */
export function hasRulerBuckets(m: { count?: unknown; bits?: unknown }): m is { count: number; bits?: string } {
  return isCount(m.count, MAX_RULER_BUCKETS) && (m.bits === undefined || (typeof m.bits === 'string' && m.bits.length <= MAX_RULER_BUCKETS));
}

export const RULER_LANES = ['find', 'filter', 'edits', 'highlight'] as const;
export type RulerLane = typeof RULER_LANES[number];
