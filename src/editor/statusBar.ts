import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { HugeDocument } from './hugeDocument';
import { formatBytes } from './format';
import type { HexCaret } from './hexRequests';
import { CaretReport } from './viewerSession';

/**
 * The status bar entry of the active viewer: caret line and column, byte offset,
 * and indexing progress until the index is complete; in hex, the caret's offset in
 * hex and decimal, the selection's length and the insert mode.
 */
export class ViewerStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('hugefile.position', vscode.StatusBarAlignment.Right, 100));
  private caret: CaretReport | undefined;
  private stateListener: vscode.Disposable | undefined;

  constructor() {
    super();
    this.item.name = 'Huge File: Position';
    this.register({ dispose: () => this.stateListener?.dispose() });
  }

  /** Shows the active viewer's document, or hides the entry when none is active. */
  show(document: HugeDocument | undefined): void {
    this.stateListener?.dispose();
    this.stateListener = undefined;
    if (!document || document.openError) {
      this.item.hide();
      return;
    }
    if (this.caret?.document !== document) this.caret = { document, position: { line: 0, column: 0 }, byteOffset: 0, overwrite: false };
    this.stateListener = document.onDidChangeState(() => this.render());
    this.render();
    this.item.show();
  }

  update(report: CaretReport): void {
    this.caret = report;
    this.render();
  }

  private render(): void {
    const caret = this.caret;
    if (!caret) return;
    const state = caret.document.state();
    if (caret.hex) {
      this.renderHex(caret.hex, state.fileSize);
      return;
    }
    this.item.command = 'hugefile.goToLine';
    this.item.tooltip = 'Go to Line';
    // Columns are bytes from the line's start; in UTF-16 a column is a code unit, as VS Code counts them.
    const column = caret.position.column / (caret.document.text?.encoding.unitBytes ?? 1);
    // The end of a line not indexed yet has no column number to show.
    const columnText = caret.position.column === Number.MAX_SAFE_INTEGER ? '' : `, Col ${Math.floor(column) + 1}`;
    const parts = [`Ln ${(caret.position.line + 1).toLocaleString('en-US')}${columnText}`];
    if (caret.byteOffset !== undefined) parts.push(`Byte ${caret.byteOffset.toLocaleString('en-US')}`);
    if (caret.overwrite) parts.push('Overwrite');
    if (!state.complete) parts.push(`$(sync~spin) Indexing ${Math.floor(state.progress * 100)} %`);
    else {
      // Counted as Count Lines and `wc -l` count, so the two never disagree (the view's empty line after a final break is no line of the log).
      const lines = caret.document.text?.countedLines() ?? state.lineCount;
      parts.push(`${lines.toLocaleString('en-US')} ${lines === 1 ? 'line' : 'lines'}`);
    }
    this.item.text = parts.join('  ');
  }

  private renderHex(hex: HexCaret, fileSize: number): void {
    this.item.command = 'hugefile.goToOffset';
    this.item.tooltip = 'Go to Offset';
    const parts = [`Offset 0x${hex.offset.toString(16).toUpperCase()} (${hex.offset.toLocaleString('en-US')})`];
    if (hex.selectionLength > 0) parts.push(`${hex.selectionLength.toLocaleString('en-US')} ${hex.selectionLength === 1 ? 'byte' : 'bytes'} selected`);
    parts.push(hex.insert ? 'Insert' : 'Overwrite');
    parts.push(formatBytes(fileSize));
    this.item.text = parts.join('  ');
  }
}
