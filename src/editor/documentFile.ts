import type * as vscode from 'vscode';
import type { EditedText } from '../edits/editedText';
import type { LineIndex } from '../lines';
import type { FileMark } from './fileMark';
import type { NoticeMessage } from './protocol';

/**
 * What the parts of a document (its saves, what follows the file on disk) share:
 * the file as the pending edits know it, and how to tell the views of a change.
 * The document (HugeDocument) owns it.
 */
export interface DocumentFile {
  readonly uri: vscode.Uri;
  readonly fileName: string;
  readonly index: LineIndex;
  /** The content with its pending edits. */
  readonly text: EditedText;
  /** The file the edits were made on: a save refuses if it changed, unless only by appending. */
  baseline: FileMark;
  /** A save writes the file: reads wait for it (the index is released meanwhile). */
  saving: boolean;
  /** Whether the user was told that the file grew under their unsaved edits. */
  toldAppended: boolean;
  readonly isDirty: boolean;
  readonly isDisposed: boolean;
  /** Tells the views and VS Code that the content changed from `offset` on (caret there if given). */
  contentChanged(offset: number, caretOffset: number | undefined): void;
  /** Tells the views the counts, progress or follow mode changed (throttled unless `now`). */
  emitState(now?: boolean): void;
  /** Shows a message in the views (one with the same topic replaces it). */
  notice(message: NoticeMessage): void;
}
