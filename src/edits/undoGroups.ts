/**
 * Which edits one undo takes back together, as VS Code's text editor groups typing:
 * characters typed one after another join a group; the first space after a word
 * starts a new one ("hello world" undoes as " world", then "hello"); so does a pause,
 * a line break, a paste or a replaced selection, typing somewhere else (the caret
 * moved), switching between typing and deleting, an undo, a redo or a save.
 * Backspaces in a row join, as do Deletes in a row. No `vscode` here.
 */

/** A pause in typing at least this long ends the group. */
export const UNDO_PAUSE_MS = 1000;

/** What the grouping needs to know of an edit. */
export interface EditShape {
  /** Where the edit starts, and how many bytes it removed there. */
  offset: number;
  removed: number;
  /** The bytes inserted (only their length and kind matter: a typed key's few bytes). */
  inserted: Uint8Array;
  /** 'type': a key typed (overwrite included); 'backspace' / 'delete': one character; 'other': anything else. */
  action: 'type' | 'backspace' | 'delete' | 'other';
}

type Run = 'word' | 'space' | 'backspace' | 'delete';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

export class UndoGroups {
  private run: Run | undefined;
  /** Offset where the open group's next edit must start to join it. */
  private next = -1;
  private lastAt = 0;

  /**
   * Whether `edit`, made at time `now` (ms), joins the open group; either way it
   * becomes the group's last edit. Call for every edit, in order.
   */
  joins(edit: EditShape, now: number): boolean {
    const run = runOf(edit);
    const continues = run !== undefined && this.run !== undefined && now - this.lastAt < UNDO_PAUSE_MS
      && (run === 'backspace' ? edit.offset + edit.removed : edit.offset) === this.next && follows(this.run, run);
    this.run = run;
    this.lastAt = now;
    this.next = run === 'backspace' ? edit.offset : edit.offset + edit.inserted.length;
    return continues;
  }

  /** Ends the open group: the next edit starts a new one (undo, redo, save, revert). */
  close(): void {
    this.run = undefined;
  }
}

/** The kind of run an edit belongs to; undefined for one that is a group of its own. */
function runOf(edit: EditShape): Run | undefined {
  if (edit.action === 'backspace' || edit.action === 'delete') return edit.inserted.length === 0 ? edit.action : undefined;
  if (edit.action !== 'type' || edit.inserted.length === 0 || edit.inserted.includes(LF) || edit.inserted.includes(CR)) return undefined;
  // A NUL byte is the other half of a UTF-16 space or tab.
  const blank = edit.inserted.every((b) => b === SPACE || b === TAB || b === 0) && edit.inserted.some((b) => b !== 0);
  return blank ? 'space' : 'word';
}

function follows(previous: Run, run: Run): boolean {
  if (run === 'backspace' || run === 'delete') return previous === run;
  if (previous === 'backspace' || previous === 'delete') return false;
  // A word then a space: the space starts a group, and the next word joins it.
  return !(previous === 'word' && run === 'space');
}
