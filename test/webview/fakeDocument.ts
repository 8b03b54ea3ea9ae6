/**
 * An editable document for the fake host, run by the extension host's own edit code
 * (bundled for the browser): the piece table, EditedText, the edit commands, the
 * byte edits, the line and byte services, and undo steps grouped as the host groups
 * them. What the real HugeDocument and ViewerSession add around it (VS Code's undo
 * stack, saving to disk) is played here in a few lines: a stack of steps, and a save
 * that makes the content the file.
 */
import { replaceBytes } from '../../src/edits/byteEdits';
import { deleteText, type EditResult, positionOf, typeText } from '../../src/edits/editCommands';
import { EditedText } from '../../src/edits/editedText';
import { PieceTable } from '../../src/edits/pieceTable';
import { rebaseForSave } from '../../src/edits/rebaseEdits';
import { type UndoEntry, type UndoStep, UndoSteps } from '../../src/edits/undoSteps';
import { readByteSelection, readByteWindow } from '../../src/editor/byteService';
import { readLineSlices, readSelection } from '../../src/editor/lineService';
import type { LineSlice, Position, ViewerMessage } from '../../src/editor/protocol';
import { type TextEncoding, UTF8 } from '../../src/encoding/textEncoding';
import { MemoryIndex } from './memoryIndex';

type TextMessage = Extract<ViewerMessage, { type: 'insert' | 'delete' | 'paste' }>;

/** What changed, as the host tells its views: refetch from `offset` (line `fromLine`), caret at `caretOffset`. */
export interface Change {
  offset: number;
  fromLine: number;
  caretOffset: number;
}

export class FakeDocument {
  private readonly index: MemoryIndex;
  readonly text: EditedText;
  private readonly steps: UndoSteps;
  private readonly undoStack: UndoStep[] = [];
  private readonly redoStack: UndoStep[] = [];
  /** Every edit kept for undo, which a save rebases onto the new file (as HugeDocument does). */
  private readonly entries: UndoEntry[] = [];
  /** Undo stack depth at the last save: undoing back to it is clean again, as in VS Code. */
  private savedDepth = 0;
  /** The file's bytes as last saved. */
  saved: Uint8Array;

  constructor(bytes: Uint8Array, private readonly now: () => number = () => performance.now(), encoding: TextEncoding = UTF8) {
    this.saved = bytes;
    this.index = new MemoryIndex(bytes, encoding);
    this.text = new EditedText(this.index, new PieceTable(this.index, bytes.length));
    this.steps = new UndoSteps(this.text.table);
  }

  get dirty(): boolean {
    return this.savedDepth !== this.undoStack.length;
  }

  get size(): number {
    return this.text.size;
  }

  /** The content with its edits. */
  bytes(): Uint8Array {
    return Uint8Array.from(this.text.read(0, this.text.size));
  }

  /** A text view's edit, as ViewerSession applies it; `clip` is what a paste inserts. Undefined when nothing changed. */
  applyText(m: TextMessage, eol: '\n' | '\r\n', clip: string): Change | undefined {
    const t = this.text;
    if (m.type !== 'paste' && m.moved) this.steps.close();
    if (m.type === 'insert') return this.push(typeText(t, t.table, m.at, m.to, m.text, m.overwrite, eol));
    if (m.type === 'paste') return clip ? this.push(typeText(t, t.table, m.at, m.to, clip, false, eol, 'paste')) : undefined;
    return this.push(deleteText(t, t.table, m.from, m.to, m.direction));
  }

  /** A hex view's edit, as HexRequests applies it. */
  applyBytes(offset: number, deleteLength: number, bytes: Uint8Array): Change | undefined {
    if (offset > this.text.size) return undefined;
    return this.push(replaceBytes(this.text.table, offset, deleteLength, bytes));
  }

  /**
   * A Replace or Replace All (`run` edits the text, see src/replace/replaceEdits.ts):
   * an undo step of its own, which typing before or after it never joins.
   */
  applyReplace(run: (text: EditedText) => EditResult | undefined): Change | undefined {
    this.steps.close();
    const change = this.push(run(this.text));
    this.steps.close();
    return change;
  }

  /** VS Code's Undo (Ctrl+Z) on this document. */
  undo(): Change | undefined {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    this.redoStack.push(step);
    return this.changed(step.undo());
  }

  /** VS Code's Redo (Ctrl+Y, Ctrl+Shift+Z). */
  redo(): Change | undefined {
    const step = this.redoStack.pop();
    if (!step) return undefined;
    this.undoStack.push(step);
    return this.changed(step.redo());
  }

  /** Save: the content becomes the file (HugeDocument's save, without the disk). */
  save(): Change {
    const live = this.entries.filter((e) => e.edit);
    const rebased = rebaseForSave(this.text.table, live.map((e) => e.edit!));
    this.saved = this.bytes();
    this.index.replace(this.saved);
    rebased().forEach((edit, i) => { live[i].edit = edit; });
    this.text.table.reset(this.saved.length);
    this.text.invalidate();
    this.steps.close();
    this.savedDepth = this.undoStack.length;
    return { offset: 0, fromLine: 0, caretOffset: -1 };
  }

  lines(start: number, count: number, fromByte: number, maxBytes: number): LineSlice[] {
    return readLineSlices(this.text, start, count, fromByte, maxBytes);
  }

  selection(from: Position, to: Position): string {
    return readSelection(this.text, from, to);
  }

  byteWindow(offset: number, length: number): ReturnType<typeof readByteWindow> {
    return readByteWindow(this.text.table, offset, length);
  }

  byteSelection(offset: number, length: number, as: 'hex' | 'text'): string {
    return readByteSelection(this.text.table, offset, length, as, this.text.encoding);
  }

  position(offset: number): Position {
    return positionOf(this.text, offset);
  }

  /** The file's line ending for Enter, as HugeDocument decides it. */
  get eol(): '\n' | '\r\n' {
    const t = this.text;
    if (t.availableLines() < 2) return '\n';
    const first = t.lineBounds(0);
    return first.next - first.end === 2 ? '\r\n' : '\n';
  }

  private push(result: EditResult | undefined): Change | undefined {
    if (!result) return undefined;
    this.text.invalidate();
    const entry: UndoEntry = { edit: result.edit };
    this.entries.push(entry);
    const step = this.steps.add(entry, result, this.now());
    if (step) {
      this.undoStack.push(step);
      this.redoStack.length = 0;
      // VS Code drops a save point that an edit after an undo made unreachable.
      if (this.savedDepth >= this.undoStack.length) this.savedDepth = -1;
    }
    return this.changed({ offset: result.edit.offset, caretOffset: result.caretOffset });
  }

  private changed(r: { offset: number; caretOffset: number } | undefined): Change | undefined {
    if (!r) return undefined;
    this.text.invalidate();
    const t = this.text;
    const fromLine = r.offset >= t.size ? Math.max(0, t.availableLines() - 1) : t.lineOfOffset(r.offset);
    return { offset: r.offset, fromLine, caretOffset: r.caretOffset };
  }
}

/** The document as the fake host's line file (find and filter read lines through it). */
export function documentLines(doc: FakeDocument, name: string): { name: string; readonly lineCount: number; readonly size: number; lineLength(line: number): number; lineBytes(line: number, from: number, to: number): Uint8Array } {
  return {
    name,
    get lineCount() {
      return doc.text.availableLines();
    },
    get size() {
      return doc.size;
    },
    lineLength: (n) => {
      const b = doc.text.lineBounds(n);
      return b.end - b.start;
    },
    lineBytes: (n, from, to) => {
      const b = doc.text.lineBounds(n);
      const start = Math.min(b.start + from, b.end);
      return Uint8Array.from(doc.text.read(start, Math.max(0, Math.min(b.start + to, b.end) - start)));
    },
  };
}

/** The document as the fake host's byte file, for the hex view. */
export function documentBytes(doc: FakeDocument, name: string): { name: string; readonly size: number; read(offset: number, length: number): Uint8Array; editedIn(offset: number, length: number): number[]; replace(offset: number, deleteLength: number, bytes: Uint8Array): void } {
  return {
    name,
    get size() {
      return doc.size;
    },
    read: (offset, length) => doc.byteWindow(offset, length).data,
    editedIn: (offset, length) => doc.byteWindow(offset, length).edited,
    replace: (offset, deleteLength, bytes) => { doc.applyBytes(offset, deleteLength, bytes); },
  };
}
