import type { EditResult } from '../edits/editCommands';
import type { EditedText } from '../edits/editedText';
import type { Piece, Shift } from '../edits/pieceTable';
import { replaceRange } from '../edits/textEdit';
import type { MatchList } from './matchList';
import type { ReplacePlan } from './replacePlan';

/**
 * Most matches Replace All changes in the editor: each costs two pieces of the piece
 * table (about 100 bytes) and the table's reads walk its pieces. `hugefile replace`
 * has no such limit.
 */
export const MAX_EDITOR_REPLACEMENTS = 200_000;

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
 * between matches keep their places. Undefined when there is none. Every replacement
 * is worked out before anything changes: throws (changing nothing) RangeError past
 * MAX_EDITOR_REPLACEMENTS, UnencodableError, and the plan's errors.
 */
export function replaceAll(text: EditedText, matches: MatchList, plan: ReplacePlan): EditResult | undefined {
  const count = matches.count;
  if (count === 0) return undefined;
  if (count > MAX_EDITOR_REPLACEMENTS) {
    throw new RangeError(`${count.toLocaleString('en-US')} matches are more than Replace All changes in the editor (${MAX_EDITOR_REPLACEMENTS.toLocaleString('en-US')}); \`hugefile replace\` changes any number, in place`);
  }
  const table = text.table;
  const constant = plan.constant === undefined ? undefined : table.addBytes(text.encoding.encode(plan.constant));
  const replacements: Piece[] = [];
  for (let i = 0; i < count; i++) {
    replacements.push(constant ?? table.addBytes(text.encoding.encode(plan.replacementOf(text, matches.offset(i), matches.length(i)))));
  }
  const first = matches.offset(0);
  const spanLength = matches.offset(count - 1) + matches.length(count - 1) - first;
  const old = new PieceCursor(table.list(), first);
  const inserted: Piece[] = [];
  let at = first;
  for (let i = 0; i < count; i++) {
    const offset = matches.offset(i);
    const length = matches.length(i);
    old.copy(offset - at, inserted);
    old.skip(length);
    if (replacements[i].length > 0) inserted.push(replacements[i]);
    at = offset + length;
  }
  // Last match first: each change's offset then holds as it is made.
  const shifts: Shift[] = [];
  for (let i = count - 1; i >= 0; i--) shifts.push([matches.offset(i), matches.length(i), replacements[i].length]);
  const removed = table.splice(first, spanLength, inserted, shifts);
  return { edit: { kind: 'replace', offset: first, removed, inserted, shifts }, caretOffset: first };
}

/**
 * Walks the pieces of a content from `offset` on: copies the pieces of the next run of
 * bytes, cut to fit, or steps over the run without making anything (the bytes before
 * the first match and each match's old bytes are only passed).
 */
class PieceCursor {
  private index = 0;
  /** Bytes of pieces[index] already copied or stepped over. */
  private into = 0;

  constructor(private readonly pieces: readonly Piece[], offset: number) {
    this.skip(offset);
  }

  /** Appends the pieces of the next `length` bytes to `out`. */
  copy(length: number, out: Piece[]): void {
    while (length > 0) {
      const piece = this.pieces[this.index];
      const n = Math.min(length, piece.length - this.into);
      out.push({ source: piece.source, start: piece.start + this.into, length: n });
      length -= n;
      this.step(n);
    }
  }

  /** Steps over the next `length` bytes. */
  skip(length: number): void {
    while (length > 0) {
      const n = Math.min(length, this.pieces[this.index].length - this.into);
      length -= n;
      this.step(n);
    }
  }

  private step(n: number): void {
    this.into += n;
    if (this.into === this.pieces[this.index].length) {
      this.index++;
      this.into = 0;
    }
  }
}
