/** The lines the document's marks are on, sent to the view whenever they change. */
export interface MarksMessage {
  type: 'marks';
  /** 0-based, in order; marks past the indexed part of the file are not among them yet. */
  lines: number[];
  /** To the hex view: the byte offset where each of those lines starts. */
  offsets?: number[];
}

/** The mark commands: each acts on the caret's line as the view has it (in the hex view, the line holding the caret's byte). */
export const MARK_ACTIONS = ['toggleMark', 'nextMark', 'previousMark', 'listMarks'] as const;
export type MarkAction = typeof MARK_ACTIONS[number];

/**
 * The host asks the view for its caret, to run a mark command there: either view tells
 * the host where the caret is a tenth of a second late (it throttles), and a mark must
 * land on the line the user sees the caret on (a key pressed right after Ctrl+Home).
 */
export interface CaretForMessage {
  type: 'caretFor';
  action: MarkAction;
}

/** The view's answer to `caretFor`: run `action` at the text view's caret `line`, or at the line holding the hex view's caret `offset`. */
export type MarkActionMessage =
  | { type: 'markAction'; action: MarkAction; line: number; offset?: undefined }
  | { type: 'markAction'; action: MarkAction; offset: number; line?: undefined };
