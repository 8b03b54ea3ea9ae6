import type { EditResult } from '../edits/editCommands';
import type { EditedText } from '../edits/editedText';
import type { Piece } from '../edits/pieceTable';
import { ReplacedRun, type Replacements } from '../edits/replacedRun';
import { replaceRange } from '../edits/textEdit';
import type { MatchList } from './matchList';
import type { ReplacePlan } from './replacePlan';

/**
 * Most matches Replace All changes in the editor. The edit itself costs a few bytes per
 * match (see ReplacedRun), but a save, a search and a backup take its result apart into
 * two pieces per match for as long as they run. `hugefile replace` has no such limit.
 */
export const MAX_EDITOR_REPLACEMENTS = 1_000_000;

/**
 * Most matches when each has its own replacement (groups, Preserve Case): each is worked
 * out on the extension host, the match read and the pattern run again (6.6 s for a
 * million here), so as many as before the compact runs, about a second.
 */
export const MAX_EACH_REPLACEMENTS = 200_000;

/** Most matches Replace All changes in the editor with `plan`. */
export function maxReplacements(plan: ReplacePlan): number {
  return plan.constant === undefined ? MAX_EACH_REPLACEMENTS : MAX_EDITOR_REPLACEMENTS;
}

/**
 * Replaces the match at [offset, offset + length) of `text` as one edit; the caret goes
 * after the replacement. Throws UnencodableError when the file's encoding cannot hold
 * the replacement, and the plan's errors (a regex that no longer matches there).
 */
export function replaceOne(text: EditedText, offset: number, length: number, plan: ReplacePlan): EditResult {
  const bytes = text.encoding.encode(plan.constant ?? plan.replacementOf(text, offset, length));
  return { edit: replaceRange(text.table, 'replace', offset, length, bytes), caretOffset: offset + bytes.length };
}

/**
 * Replaces every match in `matches` as one edit, so one undo takes all back; marks
 * between matches keep their places. The replaced span becomes one piece of the table
 * (a ReplacedRun), whatever the number of matches. Undefined when there is none. Every
 * replacement is worked out before anything changes: throws (changing nothing)
 * RangeError past maxReplacements(plan), UnencodableError, and the plan's errors.
 */
export function replaceAll(text: EditedText, matches: MatchList, plan: ReplacePlan): EditResult | undefined {
  const count = matches.count;
  if (count === 0) return undefined;
  const most = maxReplacements(plan);
  if (count > most) {
    throw new RangeError(`${count.toLocaleString('en-US')} matches are more than Replace All changes in the editor (${most.toLocaleString('en-US')}); \`hugefile replace\` changes any number, in place`);
  }
  const table = text.table;
  const first = matches.offset(0);
  const spanLength = matches.offset(count - 1) + matches.length(count - 1) - first;
  const replacements = plan.constant === undefined ? eachReplacement(text, matches, plan) : { bytes: table.addBytes(text.encoding.encode(plan.constant)) };
  const base = table.piecesIn(first, spanLength);
  const run = new ReplacedRun(base, {
    count,
    offset: (i) => matches.offset(i) - first,
    length: (i) => matches.length(i),
  }, replacements);
  const inserted: Piece[] = run.length > 0 ? [{ source: 'replaced', run, start: 0, length: run.length }] : [];
  table.splice(first, spanLength, inserted, run.shifts(first, true));
  // The run's own base as what it removed (the same bytes): a save then knows one from the other (see rebaseForSave).
  return { edit: { kind: 'replace', offset: first, removed: base, inserted, shifts: (forward) => run.shifts(first, forward) }, caretOffset: first };
}

/**
 * Each match's replacement, one after another in the table's added bytes (adding bytes
 * does not change the content the next replacement is worked out from).
 */
function eachReplacement(text: EditedText, matches: MatchList, plan: ReplacePlan): Replacements {
  const lengths = new Uint32Array(matches.count);
  const start = text.table.addBytes(Buffer.alloc(0)).start;
  let total = 0;
  for (let i = 0; i < matches.count; i++) {
    lengths[i] = text.table.addBytes(text.encoding.encode(plan.replacementOf(text, matches.offset(i), matches.length(i)))).length;
    total += lengths[i];
  }
  return { bytes: { source: 'added', start, length: total }, lengths: (i) => lengths[i] };
}
