import type { EditResult } from './editCommands';
import type { PieceTable } from './pieceTable';
import { SpliceRecord, spliceRecords } from './spliceRecord';
import { editLabel, lengthOf, redoEdit, TextEdit, undoEdit } from './textEdit';
import { UndoGroups } from './undoGroups';

/** An edit kept for undo; a save replaces `edit` with its rebased version, or undefined when its old bytes are gone. */
export interface UndoEntry {
  edit: TextEdit | undefined;
}

/** What an undo or redo changed: refetch from `offset`, caret at `caretOffset`; undefined when an edit's bytes are gone. */
export type StepResult = { offset: number; caretOffset: number } | undefined;

/** One entry of VS Code's undo stack: a group of edits undone and redone together. */
export interface UndoStep {
  label: string;
  undo(): StepResult;
  redo(): StepResult;
  /** What undo (`forward` false) or redo would change now, as data (for a backup); undefined when an edit's bytes are gone. */
  splices(forward: boolean): SpliceRecord[] | undefined;
}

/**
 * Turns the edits applied to a piece table into undo steps, grouped as VS Code groups
 * typing (UndoGroups): an edit either starts a step (to push on the undo stack) or
 * joins the last one. No `vscode` here: HugeDocument hands the steps to VS Code, the
 * webview tests' fake host keeps its own stack of them.
 */
export class UndoSteps {
  private readonly groups = new UndoGroups();
  private open: { entries: UndoEntry[]; caretOffset: number; generation: number } | undefined;

  constructor(private readonly table: PieceTable) {}

  /**
   * Records `result` (already applied, kept as `entry`) at time `now` (ms): returns a
   * new step, or undefined when it joined the previous step.
   */
  add(entry: UndoEntry, result: EditResult, now: number): UndoStep | undefined {
    const edit = result.edit;
    const insertedLength = lengthOf(edit.inserted);
    const inserted = result.action === 'type' ? this.table.read(edit.offset, insertedLength) : new Uint8Array(0);
    const joins = this.groups.joins({ offset: edit.offset, removed: lengthOf(edit.removed), inserted, action: result.action ?? 'other' }, now);
    // A save or revert in between (a new generation of the table) ends the group.
    if (joins && this.open && this.open.generation === this.table.generation) {
      this.open.entries.push(entry);
      this.open.caretOffset = result.caretOffset;
      return undefined;
    }
    const group = { entries: [entry], caretOffset: result.caretOffset, generation: this.table.generation };
    this.open = group;
    // Where the caret was before the group: before a Backspace, after the character it removed.
    const caretBefore = edit.offset + (result.action === 'backspace' ? lengthOf(edit.removed) : 0);
    const apply = (forward: boolean): StepResult => {
      this.groups.close();
      const edits = group.entries.map((e) => e.edit);
      if (edits.some((e) => !e)) return undefined;
      for (const e of forward ? edits : [...edits].reverse()) (forward ? redoEdit : undoEdit)(this.table, e!);
      const offset = Math.min(...edits.map((e) => e!.offset));
      return { offset, caretOffset: forward ? group.caretOffset : Math.min(caretBefore, this.table.size) };
    };
    const splices = (forward: boolean): SpliceRecord[] | undefined => {
      const edits = group.entries.map((e) => e.edit);
      return edits.every((e): e is TextEdit => e !== undefined) ? spliceRecords(this.table, edits, forward) : undefined;
    };
    return { label: editLabel(edit), undo: () => apply(false), redo: () => apply(true), splices };
  }

  /** Ends the open group (the next edit starts a step): a caret move, a save. */
  close(): void {
    this.groups.close();
  }
}
