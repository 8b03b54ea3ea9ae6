import * as vscode from 'vscode';
import { parseHexBytes } from '../hex/hexDump';
import { parseOffset } from '../hex/offsetExpr';
import { readByteSelection, readByteWindow } from './byteService';
import { formatBytes } from './format';
import type { HeldEdit } from './heldEdit';
import type { HugeDocument } from './hugeDocument';
import { HostMessage, MAX_INSERT_BYTES, ViewerMessage } from './protocol';

type HexMessage = Extract<ViewerMessage, { type: 'getBytes' | 'byteCaret' | 'replaceBytes' | 'pasteBytes' | 'copyBytes' }>;

/** The hex caret as the view last reported it. */
export interface HexCaret {
  offset: number;
  selectionLength: number;
  /** Typing inserts bytes (Insert key) instead of overwriting them. */
  insert: boolean;
}

/**
 * The hex view's side of a viewer session: answers reads by byte offset, turns its
 * edits into the document's undoable edits (the same piece table, undo stack and
 * save as text edits), copies and pastes through the host's clipboard, and runs
 * Go to Offset.
 */
export class HexRequests {
  caret: HexCaret = { offset: 0, selectionLength: 0, insert: false };

  constructor(
    private readonly document: HugeDocument,
    private readonly post: (message: HostMessage) => void,
    /** Applies an edit unless the document refuses edits (read-only, saving), saying why. */
    private readonly edit: (edit: HeldEdit) => void,
    private readonly onCaret: () => void,
  ) {}

  handle(message: HexMessage): void {
    const table = this.document.text!.table;
    switch (message.type) {
      case 'getBytes': {
        // During a save the file is unmapped: an empty reply; the view asks again after the save's `bytesEdited`.
        const window = this.document.isSaving ? { offset: message.offset, data: new Uint8Array(0), edited: [] }
          : readByteWindow(table, message.offset, message.length);
        this.post({ type: 'bytes', id: message.id, ...window, state: this.document.state() });
        this.document.startIndexing();
        break;
      }
      case 'byteCaret':
        this.caret = { offset: message.offset, selectionLength: message.selectionLength, insert: message.insert };
        this.onCaret();
        break;
      case 'replaceBytes':
        // An offset past the end comes from a view that has not seen a truncation yet: dropped.
        if (message.offset <= table.size) this.edit({ kind: 'bytes', offset: message.offset, deleteLength: message.deleteLength, base64: Buffer.from(message.bytes).toString('base64') });
        break;
      case 'pasteBytes':
        void vscode.env.clipboard.readText().then((clip) => this.paste(clip, message));
        break;
      case 'copyBytes':
        this.copy(message.offset, message.length, message.as);
        break;
    }
  }

  /** Asks for an offset (decimal, 0x hex, +N/-N from the caret at `caret`) and moves the caret there. */
  async goToOffset(caret: number): Promise<void> {
    const size = this.document.state().fileSize;
    const text = await vscode.window.showInputBox({
      title: 'Go to Offset',
      prompt: `Offset: decimal (4096), hex (0x1000), or relative to the caret (+16, -0x10). The file has ${size.toLocaleString('en-US')} bytes.`,
      value: `0x${caret.toString(16)}`,
      validateInput: (value) => {
        try {
          parseOffset(value, caret, size);
          return undefined;
        } catch (err) {
          return (err as Error).message;
        }
      },
    });
    if (text === undefined) return;
    try {
      this.reveal(parseOffset(text, caret, this.document.state().fileSize), 0);
    } catch (err) {
      // The file changed size while the box was open.
      void vscode.window.showWarningMessage(`Go to Offset: ${(err as Error).message}`);
    }
  }

  /** Shows `offset` in the view with the caret on it, `length` bytes selected. */
  reveal(offset: number, length: number): void {
    this.caret = { ...this.caret, offset: offset + length, selectionLength: length };
    this.post({ type: 'revealOffset', offset, length });
    this.onCaret();
  }

  private paste(clip: string, message: Extract<HexMessage, { type: 'pasteBytes' }>): void {
    if (!clip) return;
    if (clip.length > MAX_INSERT_BYTES) {
      this.post({ type: 'notice', level: 'warning', text: `Not pasted: the clipboard holds more than ${formatBytes(MAX_INSERT_BYTES)}.` });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = message.as === 'hex' ? parseHexBytes(clip) : this.document.text!.encoding.encode(clip);
    } catch (err) {
      // A hex column paste that is no hex, or text the file's encoding cannot hold.
      const why = (err as Error).message.replace(/\.$/, '');
      const hint = message.as === 'hex' ? ' Paste in the text column to insert the clipboard as text.' : '';
      this.post({ type: 'notice', level: 'warning', text: `Not pasted: ${why}.${hint}` });
      return;
    }
    const table = this.document.text!.table;
    const deleteLength = message.overwrite && message.deleteLength === 0 ? bytes.length : message.deleteLength;
    if (message.offset <= table.size) this.edit({ kind: 'bytes', offset: message.offset, deleteLength, base64: Buffer.from(bytes).toString('base64') });
  }

  private copy(offset: number, length: number, as: 'hex' | 'text'): void {
    let text: string;
    try {
      text = readByteSelection(this.document.text!.table, offset, length, as, this.document.text!.encoding);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      void vscode.window.showWarningMessage(`Not copied: ${err.message}.`);
      return;
    }
    void vscode.env.clipboard.writeText(text);
    const copied = Math.max(0, Math.min(length, this.document.text!.size - offset));
    vscode.window.setStatusBarMessage(`Copied ${formatBytes(copied)} as ${as}`, 3000);
  }
}
