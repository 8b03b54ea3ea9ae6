import type { EditedText } from '../edits/editedText';
import { HitBuckets } from '../ruler/hitBuckets';
import type { RulerLane, RulerMessage } from './rulerProtocol';

/** A lane of the overview ruler is sent again at most this often while it fills (each costs a line lookup per hit bucket). */
export const RULER_INTERVAL_MS = 400;

/** A lane of the overview ruler as the view takes it (see RulerMessage); `rule` for the lane `highlight`. */
export function rulerMessage(lane: RulerLane, lines: HitBuckets | undefined, rule?: number): RulerMessage {
  const message: RulerMessage = lines ? { type: 'ruler', lane, count: lines.count, bits: Buffer.from(lines.bytes()).toString('base64') } : { type: 'ruler', lane, count: 0 };
  return rule === undefined ? message : { ...message, rule };
}

/**
 * Hits over the bytes of `text` moved over its lines (see HitBuckets.toLines), through
 * its index; where it is not indexed yet, as if its lines were alike.
 */
export function linesOfHits(text: EditedText, bytes: HitBuckets): HitBuckets {
  const lineCount = text.estimatedLineCount();
  return bytes.toLines((offset) => {
    try {
      return text.lineOfOffset(offset);
    } catch {
      return Math.floor((offset / Math.max(1, text.size)) * lineCount);
    }
  }, lineCount);
}

/**
 * Where `text` differs from the file, over its lines: bytes not saved yet (typed,
 * pasted) and the places bytes were deleted; undefined when it is the file.
 */
export function editedLines(text: EditedText): HitBuckets | undefined {
  if (text.table.isPristine) return undefined;
  const bytes = new HitBuckets(text.size);
  let any = false;
  for (const [start, end] of text.table.addedRanges(0, text.size)) {
    bytes.addRange(start, end);
    any = true;
  }
  for (const at of text.table.removedAt()) {
    bytes.add(Math.min(at, Math.max(0, text.size - 1)));
    any = true;
  }
  return any && text.size > 0 ? linesOfHits(text, bytes) : undefined;
}
