import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LineIndex, ResetReason } from '../lines';
import { Disposable } from './dispose';
import { FileState } from './protocol';

const WATCH_INTERVAL_MS = 500;
const STATE_THROTTLE_MS = 100;

/**
 * One open file, shared by every editor showing it. It owns the line index and
 * watches the file: growth is indexed as it comes (follow mode shows it), and a
 * file that shrank or was replaced resets the index with a notice. A file that
 * cannot be opened still makes a document, carrying the error to show.
 */
export class HugeDocument extends Disposable implements vscode.CustomDocument {
  private following = false;
  private lastState = 0;
  private pendingState: NodeJS.Timeout | undefined;
  private readonly stateEmitter = this.register(new vscode.EventEmitter<FileState>());
  private readonly resetEmitter = this.register(new vscode.EventEmitter<ResetReason>());

  /** Fires (at most every 100 ms) when counts, progress or follow mode change. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires when the file shrank or was replaced and the index started over. */
  readonly onDidReset = this.resetEmitter.event;

  /** Opens `uri` (a local file) and starts indexing it; never throws: see `openError`. */
  static async create(uri: vscode.Uri): Promise<HugeDocument> {
    if (uri.scheme !== 'file') {
      return new HugeDocument(uri, undefined, new Error(`Huge File Editor reads local files only; ${uri.scheme}: files are not supported.`));
    }
    try {
      return new HugeDocument(uri, LineIndex.open(uri.fsPath, { workers: 1 }), undefined);
    } catch (err) {
      return new HugeDocument(uri, undefined, err as Error);
    }
  }

  private constructor(
    readonly uri: vscode.Uri,
    readonly index: LineIndex | undefined,
    readonly openError: Error | undefined,
  ) {
    super();
    if (!index) return;
    this.register({ dispose: index.onProgress(() => this.emitState()) });
    this.register({ dispose: index.onReset((reason) => this.resetEmitter.fire(reason)) });
    this.register({ dispose: () => index.dispose() });
    const onChange = () => this.refresh();
    fs.watchFile(uri.fsPath, { interval: WATCH_INTERVAL_MS }, onChange);
    this.register({ dispose: () => fs.unwatchFile(uri.fsPath, onChange) });
  }

  get fileName(): string {
    return path.basename(this.uri.fsPath);
  }

  get isFollowing(): boolean {
    return this.following;
  }

  setFollowing(on: boolean): void {
    this.following = on;
    this.emitState(true);
  }

  /** Looks at the file now (the watcher also does, every 500 ms). */
  refresh(): void {
    if (this.isDisposed || !this.index) return;
    try {
      this.index.refresh();
    } catch {
      // The file is gone: the error is on the index and the state shows it.
    }
    this.emitState();
  }

  state(): FileState {
    const index = this.index;
    if (!index) {
      return { fileName: this.fileName, fileSize: 0, lineCount: 0, knownLines: 0, complete: true, progress: 1, following: false, readOnly: true };
    }
    const progress = index.progress;
    return {
      fileName: this.fileName,
      fileSize: progress.fileSize,
      lineCount: index.estimatedLineCount,
      knownLines: index.complete ? index.lineCount ?? 0 : index.knownNewlines,
      complete: progress.complete,
      progress: progress.fileSize === 0 ? 1 : progress.indexedBytes / progress.fileSize,
      following: this.following,
      readOnly: true,
    };
  }

  private emitState(now = false): void {
    if (this.isDisposed) return;
    const wait = this.lastState + STATE_THROTTLE_MS - Date.now();
    if (now || wait <= 0 || this.index?.complete) {
      clearTimeout(this.pendingState);
      this.pendingState = undefined;
      this.lastState = Date.now();
      this.stateEmitter.fire(this.state());
    } else {
      this.pendingState ??= setTimeout(() => {
        this.pendingState = undefined;
        this.emitState(true);
      }, wait);
    }
  }

  override dispose(): void {
    clearTimeout(this.pendingState);
    super.dispose();
  }
}
