import type { Segment } from '../edits/saveTypes';
import type { MatchList } from '../replace/matchList';

/**
 * The new content of a file of `size` bytes for saveInPlace: the old bytes between
 * matches, and `replacementOf(i)` in place of match i. A constant replacement is one
 * shared Buffer, so the list costs only its segment objects.
 */
export function replaceSegments(matches: MatchList, size: number, replacementOf: (i: number) => Buffer): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  for (let i = 0; i < matches.count; i++) {
    const offset = matches.offset(i);
    if (offset > pos) segments.push({ kind: 'original', offset: pos, length: offset - pos });
    const data = replacementOf(i);
    if (data.length > 0) segments.push({ kind: 'bytes', data });
    pos = offset + matches.length(i);
  }
  if (pos < size) segments.push({ kind: 'original', offset: pos, length: size - pos });
  return segments;
}
