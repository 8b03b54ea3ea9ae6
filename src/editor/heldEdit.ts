import { replaceBytes } from '../edits/byteEdits';
import { deleteText, EditResult, LinePosition, typeText } from '../edits/editCommands';
import type { EditedText } from '../edits/editedText';
import { applySplices, isSpliceRecordList, SpliceRecord } from '../edits/spliceRecord';

/**
 * An edit the user asked for, as data: where (lines and columns as the view saw
 * the content, or a byte offset) and what. During a save the content cannot be
 * read, so such an edit waits; as data, a hot-exit backup taken meanwhile records
 * it, and a restore carries it out. An undo or redo held so is its `splices`.
 */
export type HeldEdit =
  | { kind: 'type'; at: LinePosition; to?: LinePosition; text: string; overwrite: boolean; paste?: boolean }
  | { kind: 'delete'; from: LinePosition; to?: LinePosition; direction: 'backward' | 'forward' }
  | { kind: 'bytes'; offset: number; deleteLength: number; base64: string }
  | { kind: 'splices'; records: SpliceRecord[] };

/**
 * Carries out `edit` on `text` (line breaks typed become `eol`). Returns undefined
 * when there was nothing to change, or for `splices` (an undo or redo restored from a
 * backup, which has no caret to give). Throws RangeError for a line not indexed yet or
 * an offset outside the content, before changing anything.
 */
export function applyHeldEdit(text: EditedText, edit: HeldEdit, eol: string): EditResult | undefined {
  switch (edit.kind) {
    case 'type':
      return typeText(text, text.table, edit.at, edit.to, edit.text, edit.overwrite, eol, edit.paste ? 'paste' : 'typed');
    case 'delete':
      return deleteText(text, text.table, edit.from, edit.to, edit.direction);
    case 'bytes':
      return replaceBytes(text.table, edit.offset, edit.deleteLength, Buffer.from(edit.base64, 'base64'));
    case 'splices':
      applySplices(text.table, edit.records);
      return undefined;
  }
}

/** Whether `value` (read from a backup) is a HeldEdit. */
export function isHeldEdit(value: unknown): value is HeldEdit {
  const e = value as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null) return false;
  const position = (p: unknown) => typeof p === 'object' && p !== null
    && Number.isSafeInteger((p as LinePosition).line) && Number.isSafeInteger((p as LinePosition).column);
  const optionalPosition = (p: unknown) => p === undefined || position(p);
  switch (e.kind) {
    case 'type':
      return position(e.at) && optionalPosition(e.to) && typeof e.text === 'string' && typeof e.overwrite === 'boolean'
        && (e.paste === undefined || typeof e.paste === 'boolean');
    case 'delete':
      return position(e.from) && optionalPosition(e.to) && (e.direction === 'backward' || e.direction === 'forward');
    case 'bytes':
      return Number.isSafeInteger(e.offset) && Number.isSafeInteger(e.deleteLength) && typeof e.base64 === 'string';
    case 'splices':
      return isSpliceRecordList(e.records);
    default:
      return false;
  }
}
