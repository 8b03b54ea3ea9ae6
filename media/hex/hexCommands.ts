/**
 * What the hex view's key commands (hexKeys.ts) do: caret motion over the bytes,
 * scrolling, edits (hexEdits.ts), the selection, insert mode and the column typed
 * into. The clipboard's copy, cut and paste events come here too.
 */
import type { Column, HexCursor } from './hexCursor';
import type { HexEdits } from './hexEdits';
import type { HexCommand } from './hexKeys';
import { moveCaret } from './hexMotion';

/** What the commands need from the view. */
export interface CommandHost {
  readonly size: number;
  readonly bytesPerRow: number;
  /** Rows Page Up / Page Down move. */
  readonly pageRows: number;
  scrollBy(rows: number): void;
  /** The caret moved: scroll it into view. */
  revealCaret(): void;
  /** The caret changed column: scroll its cell into view. */
  revealCaretCell(): void;
  changed(): void;
}

/** Runs the hex view's commands on its cursor and edits. */
export class HexCommands {
  constructor(private readonly cursor: HexCursor, private readonly edits: HexEdits, private readonly host: CommandHost) {}

  /** Runs `command`; false when it does nothing here, so its key goes on (Escape with nothing to drop, Tab past the last column). */
  run(command: HexCommand): boolean {
    const c = this.cursor;
    const h = this.host;
    const size = h.size;
    switch (command.kind) {
      case 'move': {
        const { motion, extend } = command;
        let target = moveCaret(c.caret, motion, size, h.bytesPerRow, h.pageRows, extend, c.anchor);
        // Left / Right with a selection go to its start / end, as in a text editor.
        if (!extend && c.hasSelection && (motion === 'left' || motion === 'right')) target = motion === 'left' ? c.selection().start : c.selection().end;
        if (motion === 'pageUp' || motion === 'pageDown') h.scrollBy((motion === 'pageUp' ? -1 : 1) * h.pageRows);
        c.moveTo(target, extend);
        h.revealCaret();
        h.changed();
        return true;
      }
      case 'scroll':
        h.scrollBy(command.rows);
        return true;
      case 'type':
        this.edits.type(command.key);
        return true;
      case 'delete':
        this.edits.delete(command.direction);
        return true;
      case 'copy':
        this.edits.copy(command.asText);
        return true;
      case 'cut':
        this.edits.cut();
        return true;
      case 'paste':
        this.edits.paste();
        return true;
      case 'selectAll':
        c.select(0, size);
        h.changed();
        return true;
      case 'toggleInsert':
        c.insert = !c.insert;
        c.pendingNibble = undefined;
        h.changed();
        return true;
      case 'escape':
        if (c.pendingNibble === undefined && !c.hasSelection) return false;
        c.moveTo(c.caret, false);
        h.changed();
        return true;
      case 'column': {
        const to: Column = command.forward ? 'text' : 'hex';
        if (c.column === to) return false; // Tab past the last column moves focus on
        c.column = to;
        c.pendingNibble = undefined;
        h.revealCaretCell();
        h.changed();
        return true;
      }
    }
  }
}
