/** The lines the document's marks are on, sent to the view whenever they change. */
export interface MarksMessage {
  type: 'marks';
  /** 0-based, in order; marks past the indexed part of the file are not among them yet. */
  lines: number[];
  /** To the hex view: the byte offset where each of those lines starts. */
  offsets?: number[];
}

/** The mark commands: each acts on the caret's line as the view has it now (see caretProtocol.ts; in the hex view, the line holding the caret's byte). */
export const MARK_ACTIONS = ['toggleMark', 'nextMark', 'previousMark', 'listMarks'] as const;
export type MarkAction = typeof MARK_ACTIONS[number];
