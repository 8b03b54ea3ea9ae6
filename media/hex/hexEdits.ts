/**
 * Edits from the hex view, sent to the host as byte edits (`replaceBytes`,
 * `pasteBytes`), which applies them to the same document, undo stack and save as
 * text edits. The view shows overwrites at once and moves the caret where the edit
 * leaves it; the host's `bytesEdited` confirms.
 */
import type { FileState, ViewerMessage } from '../../src/editor/protocol';
import type { ByteCache } from './byteCache';
import type { HexCursor } from './hexCursor';
import { hexDigitValue } from './hexFormat';

export interface EditHost {
  readonly state: FileState | undefined;
  post(message: ViewerMessage): void;
  /** Says (once per attempt) why the file cannot be edited. */
  explainReadOnly(reason: string | undefined): void;
  /** The caret moved or a digit is half typed (`sent` false), or an edit went to the host (`sent` true). */
  changed(sent: boolean): void;
}

/** An edit the host refused sends no `bytesEdited`: stop waiting for it after this long. */
const CONFIRM_TIMEOUT_MS = 2000;
const encoder = new TextEncoder();

export class HexEdits {
  private inFlight = 0;
  private timer = 0;
  /** Where our last edit left the caret: the host's caret replaces it only if the user has not moved since. */
  private caretAfterEdit: number | undefined;
  /** The host's caret applies to what is confirmed next: false while an edit whose caret this view chose is on its way. */
  private hostPlacesCaret = true;
  /** How much each edit on its way changes the file's length, oldest first (a paste's is not known here: 0). */
  private growth: number[] = [];

  constructor(private readonly cursor: HexCursor, private readonly cache: ByteCache, private readonly host: EditHost) {}

  /** Edits sent and not confirmed yet. */
  get pending(): number {
    return this.inFlight;
  }

  /**
   * The file's size once the edits on their way are applied: where the caret may be and
   * what an edit may touch. Typing at the end puts the caret after bytes the host has
   * not confirmed yet; measured against the host's last size, the caret would be
   * clamped back onto them and the next byte overwrite them, or a Delete ask for a
   * negative length.
   */
  get size(): number {
    return (this.host.state?.fileSize ?? 0) + this.growth.reduce((a, b) => a + b, 0);
  }

  /**
   * A printable key: in the hex column a hex digit (the first one waits for the
   * second; other keys are ignored), in the text column the character's UTF-8 bytes.
   */
  type(key: string): void {
    if (!this.editable()) return;
    const c = this.cursor;
    // Overwriting a selection starts at its first byte (overwrite never changes the file's length); inserting replaces it.
    const overwriteFromStart = () => { if (c.hasSelection && !c.insert) c.moveTo(c.selection().start, false); };
    if (c.column === 'text') {
      overwriteFromStart();
      this.write(encoder.encode(key));
      return;
    }
    const digit = hexDigitValue(key);
    if (digit === undefined) return;
    if (c.pendingNibble === undefined) {
      // In insert mode the selection stays until the second digit replaces it.
      overwriteFromStart();
      c.pendingNibble = digit;
      this.host.changed(false);
      return;
    }
    const byte = (c.pendingNibble << 4) | digit;
    c.pendingNibble = undefined;
    this.write(Uint8Array.of(byte));
  }

  /** Backspace / Delete: the selection, or the byte before / at the caret; Backspace first drops a half-typed byte. */
  delete(direction: 'backward' | 'forward'): void {
    const c = this.cursor;
    if (direction === 'backward' && c.pendingNibble !== undefined) {
      c.pendingNibble = undefined;
      this.host.changed(false);
      return;
    }
    if (!this.editable()) return;
    let { start, end } = c.selection();
    if (start === end) {
      if (direction === 'backward') start = Math.max(0, start - 1);
      else end = Math.min(this.size, end + 1);
    }
    if (start === end) return;
    this.send({ type: 'replaceBytes', offset: start, deleteLength: end - start, bytes: [] }, start, start - end);
  }

  /** Writes `bytes` over the bytes at `offset` (the data inspector); returns false when the file is read-only. */
  overwriteAt(offset: number, bytes: Uint8Array): boolean {
    if (!this.editable()) return false;
    this.cache.patch(offset, bytes);
    this.send({ type: 'replaceBytes', offset, deleteLength: bytes.length, bytes: [...bytes] }, offset, Math.max(0, offset + bytes.length - this.size));
    return true;
  }

  /** Paste (the host reads the clipboard): hex pairs in the hex column, text in the text column. */
  paste(): void {
    if (!this.editable()) return;
    const c = this.cursor;
    const { start, end } = c.selection();
    this.send({ type: 'pasteBytes', offset: start, deleteLength: end - start, as: c.column, overwrite: !c.insert }, undefined, 0);
  }

  /** Copies the selection (or the byte at the caret): as hex from the hex column, as text from the text column or when asked. */
  copy(asText: boolean): void {
    const c = this.cursor;
    let { start, end } = c.selection();
    if (start === end) end = Math.min(this.size, start + 1);
    if (start === end) return;
    this.host.post({ type: 'copyBytes', offset: start, length: end - start, as: asText || c.column === 'text' ? 'text' : 'hex' });
  }

  cut(): void {
    if (!this.editable() || !this.cursor.hasSelection) return;
    this.copy(false);
    this.delete('forward');
  }

  /**
   * The host applied an edit (ours, another view's, undo, redo, a save): its caret
   * wins once none of ours is on its way, unless the user moved on meanwhile or this
   * view placed the caret itself (an inspector write keeps it on the value: the
   * host's caret, after the bytes, would arrive at a time that depends on the host
   * and move a caret the user may have placed since).
   */
  confirmed(caretOffset: number | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.growth.shift();
    if (this.inFlight > 0) return;
    this.growth = [];
    const c = this.cursor;
    const moved = this.caretAfterEdit !== undefined && (c.hasSelection || c.caret !== this.caretAfterEdit);
    if (!moved && this.hostPlacesCaret && caretOffset !== undefined) c.moveTo(caretOffset, false);
    this.caretAfterEdit = undefined;
    this.hostPlacesCaret = true;
  }

  /** Typed bytes at the caret: overwrite as many bytes, insert, or (inserting) replace the selection. */
  private write(bytes: Uint8Array): void {
    const c = this.cursor;
    const { start, end } = c.selection();
    const deleteLength = end > start ? end - start : c.insert ? 0 : Math.min(bytes.length, this.size - start);
    if (deleteLength === bytes.length) this.cache.patch(start, bytes);
    this.send({ type: 'replaceBytes', offset: start, deleteLength, bytes: [...bytes] }, start + bytes.length, bytes.length - deleteLength);
  }

  private send(message: ViewerMessage, caret: number | undefined, growth: number): void {
    this.host.post(message);
    this.inFlight++;
    this.growth.push(growth);
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.inFlight = 0;
      this.growth = [];
    }, CONFIRM_TIMEOUT_MS);
    const c = this.cursor;
    c.moveTo(caret ?? c.selection().start, false);
    this.caretAfterEdit = c.caret;
    this.hostPlacesCaret = caret === undefined;
    this.host.changed(true);
  }

  private editable(): boolean {
    const state = this.host.state;
    if (!state) return false;
    if (!state.readOnly) return true;
    this.host.explainReadOnly(state.readOnlyReason);
    return false;
  }
}
