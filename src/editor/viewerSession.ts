import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { HugeDocument } from './hugeDocument';
import { deleteText, EditResult, positionOf, typeText } from '../edits/editCommands';
import { FilterController } from './filterController';
import { FindController } from './findController';
import { formatBytes } from './format';
import { readLineSlices, readSelection } from './lineService';
import { HostMessage, Position, validateViewerMessage, ViewerMessage } from './protocol';
import { errorHtml, viewerHtml } from './webviewHtml';

/** What the status bar shows for the active viewer. */
export interface CaretReport {
  document: HugeDocument;
  position: Position;
  byteOffset: number | undefined;
  overwrite: boolean;
}

/**
 * One webview showing a HugeDocument: answers its requests (validated, bounded),
 * pushes index progress and file changes to it, and runs the commands that act on
 * the active viewer (Go to Line, follow mode).
 */
export class ViewerSession extends Disposable {
  private caret: Position = { line: 0, column: 0 };
  private topLine = 0;
  private shownLines = 0;
  private readonly finder: FindController;
  private readonly filter: FilterController;

  constructor(
    readonly document: HugeDocument,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly onCaret: (report: CaretReport) => void,
  ) {
    super();
    const post = (message: HostMessage): void => this.post(message);
    this.finder = new FindController(document, post);
    this.filter = new FilterController(document, post);
    this.register({ dispose: () => { this.finder.stop(); this.filter.stop(); } });
    const webview = panel.webview;
    webview.options = {
      enableScripts: !document.openError,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
    if (document.openError) {
      webview.html = errorHtml(document.fileName, describeError(document.openError));
      return;
    }
    webview.html = viewerHtml(webview, extensionUri, document.fileName);
    this.register(webview.onDidReceiveMessage((raw) => this.onMessage(raw)));
    this.register(document.onDidChangeState((state) => {
      this.post({ type: 'state', state });
      if (state.following && state.knownLines > this.shownLines) this.post({ type: 'reveal', line: Math.max(0, state.knownLines - 1), select: false });
      this.shownLines = state.knownLines;
    }));
    this.register(document.onDidChangeContent((change) => {
      const text = document.text!;
      const caret = change.caretOffset === undefined ? this.caret : positionOf(text, change.caretOffset);
      this.post({ type: 'edited', fromLine: change.fromLine, caret, state: document.state() });
      this.finder.contentChanged();
      this.filter.contentChanged();
    }));
    this.register(document.onDidReset((reason) => {
      const what = reason === 'shrunk' ? 'got shorter (truncated)' : 'was replaced (rotated)';
      this.post({ type: 'notice', level: 'warning', text: `${document.fileName} ${what} on disk; the view was reloaded from the new content.` });
      this.post({ type: 'edited', fromLine: 0, caret: { line: 0, column: 0 }, state: document.state() });
      this.post({ type: 'reveal', line: 0, select: true });
      this.finder.contentChanged();
      this.filter.contentChanged();
    }));
  }

  /** Asks for a line number and shows it, waiting for the index if it is not there yet. */
  async goToLine(): Promise<void> {
    const state = this.document.state();
    const range = state.complete ? `1–${state.lineCount.toLocaleString('en-US')}` : `1–~${state.lineCount.toLocaleString('en-US')}, still indexing`;
    const text = await vscode.window.showInputBox({
      title: 'Go to Line',
      prompt: `Line number (${range})`,
      value: String(this.caret.line + 1),
      validateInput: (value) => (/^\s*\d+\s*$/.test(value) && Number(value) >= 1 ? undefined : 'Type a line number, 1 or more'),
    });
    if (text === undefined) return;
    await this.reveal(Number(text) - 1);
  }

  /** Opens the find widget or the filter pane (commands run from outside the webview). */
  open(what: 'find' | 'filter'): void {
    this.post({ type: 'open', what });
  }

  toggleFollow(): void {
    this.document.setFollowing(!this.document.isFollowing);
    const known = this.document.state().knownLines;
    if (this.document.isFollowing && known > 0) this.post({ type: 'reveal', line: known - 1, select: false });
  }

  /** Reveals `line` (0-based); past the end, the last line, saying so. */
  async reveal(line: number): Promise<void> {
    const index = this.document.index;
    if (!index) return;
    if (!index.isLineKnown(line) && !index.complete) {
      const done = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Indexing up to line ${(line + 1).toLocaleString('en-US')}`, cancellable: true },
        (progress, token) => new Promise<boolean>((resolve) => {
          const stop = index.onProgress((p) => progress.report({ message: `${Math.floor((100 * p.indexedBytes) / Math.max(1, p.fileSize))} %` }));
          token.onCancellationRequested(() => { stop(); resolve(false); });
          index.waitForLine(line).then(() => { stop(); resolve(true); }, () => { stop(); resolve(false); });
        }),
      );
      if (!done) return;
    }
    const last = this.document.text!.availableLines() - 1;
    if (line > last) {
      void vscode.window.showInformationMessage(`${this.document.fileName} has ${(last + 1).toLocaleString('en-US')} lines; showing the last one.`);
    }
    this.post({ type: 'reveal', line: Math.max(0, Math.min(line, last)), select: true });
  }

  private onMessage(raw: unknown): void {
    const message = validateViewerMessage(raw);
    if (!message) {
      console.warn('hugefile: ignored a malformed message from the viewer', raw);
      return;
    }
    try {
      this.handle(message);
    } catch (err) {
      this.post({ type: 'notice', level: 'error', text: describeError(err as Error) });
      this.document.refresh();
    }
  }

  private handle(message: ViewerMessage): void {
    const text = this.document.text!;
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', state: this.document.state(), topLine: this.topLine });
        break;
      case 'getLines': {
        // During a save the file is unmapped; the viewer asks again after the `edited` that follows it.
        const lines = this.document.isSaving ? [] : readLineSlices(text, message.start, message.count, message.fromByte, message.maxBytes);
        this.post({ type: 'lines', id: message.id, lines, state: this.document.state() });
        break;
      }
      case 'caret': {
        this.caret = message.position;
        this.topLine = message.topLine;
        const known = !this.document.isSaving && message.position.line < text.availableLines();
        const byteOffset = known ? text.lineBounds(message.position.line).start + message.position.column : undefined;
        this.onCaret({ document: this.document, position: message.position, byteOffset, overwrite: message.overwrite });
        break;
      }
      case 'copy':
        this.copy(message.from, message.to);
        break;
      case 'command':
        this.runCommand(message.command);
        break;
      case 'insert':
        this.edit(() => typeText(text, text.table, message.at, message.to, message.text, message.overwrite, this.document.eol));
        break;
      case 'delete':
        this.edit(() => deleteText(text, text.table, message.from, message.to, message.direction));
        break;
      case 'paste':
        void vscode.env.clipboard.readText().then((clip) => {
          if (clip) this.edit(() => typeText(text, text.table, message.at, message.to, clip, false, this.document.eol));
        });
        break;
      case 'find':
        void this.finder.find(message);
        break;
      case 'findStop':
        this.finder.stop();
        break;
      case 'filter':
        this.filter.start(message);
        break;
      case 'filterStop':
        this.filter.stop();
        break;
      case 'getFilterLines':
        void this.filter.lines(message);
        break;
      case 'revealLine':
        // The view scrolled past the indexed lines: tell it when they are known. No
        // reveal: the user may have moved on by then, and the view stays where it is.
        this.document.index?.waitForLine(message.line).then(() => this.post({ type: 'state', state: this.document.state() }), () => undefined);
        break;
    }
  }

  private runCommand(command: 'goToLine' | 'toggleFollow' | 'undo' | 'redo' | 'save'): void {
    if (command === 'goToLine') void this.goToLine();
    else if (command === 'toggleFollow') this.toggleFollow();
    else void vscode.commands.executeCommand(command === 'save' ? 'workbench.action.files.save' : command);
  }

  /** Runs an edit unless the file is read-only (then says why, in the view). */
  private edit(make: () => EditResult | undefined): void {
    const reason = this.document.readOnlyReason;
    if (reason) {
      this.post({ type: 'notice', level: 'warning', text: `${this.document.fileName} is read-only: ${reason}. Your typing was not applied.` });
      return;
    }
    if (this.document.isSaving) {
      this.post({ type: 'notice', level: 'info', text: `${this.document.fileName} is being saved; type again when the save is done.` });
      return;
    }
    const result = make();
    if (result) this.document.pushEdit(result);
  }

  private copy(from: Position, to: Position): void {
    let text: string;
    try {
      text = readSelection(this.document.text!, from, to);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      void vscode.window.showWarningMessage(`Not copied: ${err.message}.`);
      return;
    }
    void vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${formatBytes(Buffer.byteLength(text))}`, 3000);
  }

  private post(message: HostMessage): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  }
}

/** An error as a user reads it: "Permission denied (EACCES): /path". */
export function describeError(err: Error): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'The file does not exist',
    EACCES: 'Permission denied: you cannot read this file',
    EPERM: 'Operation not permitted',
    EISDIR: 'This is a folder, not a file',
    ENODEV: 'This is not a regular file (a pipe, socket or device), so it cannot be mapped',
    EFAULT: 'The file got shorter while it was being read',
  };
  const reason = e.code && reasons[e.code];
  return reason ? `${reason} (${e.code})${e.path ? `: ${e.path}` : ''}` : e.message;
}
