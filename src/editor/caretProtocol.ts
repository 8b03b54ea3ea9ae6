/**
 * The host asking the view where its caret is. Either view tells the host where the
 * caret is a tenth of a second late (it throttles its reports), and a command run
 * from a VS Code keybinding must act where the user sees the caret: a mark on the
 * line Ctrl+Home just went to, the hex view opened at the byte Ctrl+End just went to.
 */
import type { Position } from './position';
import { isCount, isPosition } from './validate';

/** Asks the view for its caret now; it answers with a `caretAt` of the same `id`. */
export interface CaretForMessage {
  type: 'caretFor';
  id: number;
}

/**
 * Where a view's caret is: the text view's `position` (its column may lie past the
 * line's end, for the end of a line the view has not read yet: the host takes the
 * line's end), or the hex view's byte `offset`.
 */
export type ViewCaret =
  | { position: Position; offset?: undefined }
  | { offset: number; position?: undefined };

/** The view's answer to `caretFor` `id`. */
export type CaretAtMessage = { type: 'caretAt'; id: number } & ViewCaret;

/** The answer if it is well formed (a position or an offset, never both), copying only its known fields; else undefined. */
export function validateCaretAt(m: Record<string, unknown>): CaretAtMessage | undefined {
  if (!isCount(m.id)) return undefined;
  if (isPosition(m.position) && m.offset === undefined) {
    return { type: 'caretAt', id: m.id, position: { line: m.position.line, column: m.position.column } };
  }
  return isCount(m.offset) && m.position === undefined ? { type: 'caretAt', id: m.id, offset: m.offset } : undefined;
}
