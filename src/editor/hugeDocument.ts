import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EditResult } from '../edits/editCommands';
import { EditedText } from '../edits/editedText';
import { PieceTable } from '../edits/pieceTable';
import { recoverInterruptedSave } from '../edits/saveEngine';
import { rebaseForSave } from '../edits/rebaseEdits';
import { layoutOf, totalBytes } from '../edits/saveLayout';
import { planOf } from '../edits/savePlan';
import { editLabel, redoEdit, TextEdit, undoEdit } from '../edits/textEdit';
import { LineIndex, ResetReason } from '../lines';
import { autoSaveWaits } from './autoSavePolicy';
import { readBackup, RolledBack, writeBackup } from './backup';
import { Disposable } from './dispose';
import { appendedTo, diskChangeOf, FileMark, markOf } from './fileMark';
import { formatBytes } from './format';
import { applyHeldEdit, HeldEdit } from './heldEdit';
import { FileState, NoticeMessage } from './protocol';
import { SaveGate } from './saveGate';
import { saveDocument, saveDocumentAs } from './saving';
import { VIEW_TYPE } from './viewType';
import { whenIndexed } from './whenIndexed';

const WATCH_INTERVAL_MS = 500;
/** Saves planned over a file that keeps growing before one gives up. */
const SAVE_ATTEMPTS = 3;
const STATE_THROTTLE_MS = 100;
/** The index scan starts by then even if no view asked for a first screen (e.g. a background tab). */
const INDEX_START_MAX_DELAY_MS = 1000;
/** Changes held during a save wait at most this long for VS Code to mark the document saved. */
const SAVE_SETTLE_MAX_MS = 3000;
/** A save VS Code asks for this soon after the user's Save Now is that save. */
const EXPLICIT_SAVE_MS = 3000;

/** What changed in the content, for the viewers: refetch from `offset` (in lines, `fromLine`), caret at `caretOffset`. */
export interface ContentChange {
  offset: number;
  fromLine: number;
  caretOffset: number | undefined;
}

/**
 * One open file, shared by every editor showing it: its line index, its pending
 * edits (a piece table: memory grows with the edits, not the file) and the undo
 * stack entries it hands to VS Code. It watches the file: growth is indexed as it
 * comes, and joins the content after unsaved edits too; a file that shrank or was
 * replaced resets the index with a notice; any other change under unsaved edits
 * asks the user. A file that cannot be opened still
 * makes a document, carrying the error to show.
 */
export class HugeDocument extends Disposable implements vscode.CustomDocument {
  private following = false;
  private lastState = 0;
  private pendingState: NodeJS.Timeout | undefined;
  private saving = false;
  private lastStateValue: FileState | undefined;
  /** The file the edits were made on: a save refuses if it changed, unless only by appending. */
  private baseline: FileMark;
  /** Whether the user was told that the file grew under their unsaved edits. */
  private toldAppended = false;
  /** The user chose to write their version over a file that replaced theirs on disk. */
  private overwriteChosen = false;
  /** A question about a change on disk is showing. */
  private asking = false;
  /** Saves and reverts one at a time; edits, undo and redo asked for meanwhile wait for them. */
  private readonly gate = new SaveGate<HeldEdit>(() => this.savedInEditor(), (err) => this.noticeEmitter.fire({
    type: 'notice', level: 'error', topic: 'save', text: `A change made while ${this.fileName} was being saved could not be applied: ${(err as Error).message}`,
  }));
  /** Content changes so far, and as of the last save request: see autoSavePolicy. */
  private changes = 0;
  private changesAtLastSaveRequest = -1;
  /** When the user last asked for a save through the extension (Save Now, Ctrl+S in its editor). */
  private explicitSaveAt = Number.NEGATIVE_INFINITY;

  /**
   * Every edit VS Code may still undo or redo, in order. A save rebases them onto the
   * new file; one whose old bytes could not be kept becomes undefined.
   */
  private readonly edits: { edit: TextEdit | undefined }[] = [];
  private readonly stateEmitter = this.register(new vscode.EventEmitter<FileState>());
  private readonly resetEmitter = this.register(new vscode.EventEmitter<ResetReason>());
  private readonly contentEmitter = this.register(new vscode.EventEmitter<ContentChange>());
  private readonly editEmitter = this.register(new vscode.EventEmitter<vscode.CustomDocumentEditEvent<HugeDocument>>());
  private readonly unsavedEmitter = this.register(new vscode.EventEmitter<void>());
  private readonly noticeEmitter = this.register(new vscode.EventEmitter<NoticeMessage>());

  /** Fires (at most every 100 ms) when counts, progress or follow mode change. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires when the file shrank or was replaced on disk and the index started over. */
  readonly onDidReset = this.resetEmitter.event;
  /** Fires when the content changed: edit, undo, redo, revert, save. */
  readonly onDidChangeContent = this.contentEmitter.event;
  /** Fires once per edit, with its undo and redo, for VS Code's undo stack and dirty state. */
  readonly onDidEdit = this.editEmitter.event;
  /**
   * Fires when the content differs from the file without an edit VS Code could count:
   * an undo or redo asked for during a save, carried out after it (VS Code counted it
   * as saved); an edit held during a save (so that VS Code takes a backup, which
   * records it).
   */
  readonly onDidChangeUnsaved = this.unsavedEmitter.event;
  /** Fires with a message for the views; one with the same topic replaces it, empty text removes it. */
  readonly onNotice = this.noticeEmitter.event;

  /**
   * Opens `uri` (a local file): first rolls back a save that was interrupted (and
   * says so), then starts indexing; restores unsaved edits from a backup when the
   * file is unchanged since. Never throws: see `openError`.
   */
  static async create(uri: vscode.Uri, backupId: string | undefined): Promise<HugeDocument> {
    if (uri.scheme !== 'file') {
      return new HugeDocument(uri, undefined, new Error(`Huge File Editor reads local files only; ${uri.scheme}: files are not supported.`));
    }
    try {
      const recovery = recoverInterruptedSave(uri.fsPath);
      if (recovery.recovered) {
        void vscode.window.showWarningMessage(`A save of ${path.basename(uri.fsPath)} was interrupted. The file was restored to its content before that save. (${recovery.detail})`);
      }
      const document = new HugeDocument(uri, LineIndex.open(uri.fsPath, { workers: 1, deferWorkers: true, background: true }), undefined);
      if (backupId) await document.restoreBackup(backupId, recovery.restored);
      return document;
    } catch (err) {
      return new HugeDocument(uri, undefined, err as Error);
    }
  }

  /** The content with its pending edits, or undefined when the file could not be opened. */
  readonly text: EditedText | undefined;

  private constructor(
    readonly uri: vscode.Uri,
    readonly index: LineIndex | undefined,
    readonly openError: Error | undefined,
  ) {
    super();
    this.baseline = markOf(uri.fsPath);
    if (!index) return;
    this.text = new EditedText(index, new PieceTable(index, index.fileSize));
    this.register({ dispose: index.onProgress(() => { this.followFile(); this.emitState(); }) });
    this.register({ dispose: index.onReset((reason) => { this.followFile(); this.resetEmitter.fire(reason); }) });
    this.register({ dispose: () => index.dispose() });
    const start = setTimeout(() => index.startWorkers(), INDEX_START_MAX_DELAY_MS);
    this.register({ dispose: () => clearTimeout(start) });
    const onChange = () => this.onFileChanged();
    fs.watchFile(uri.fsPath, { interval: WATCH_INTERVAL_MS }, onChange);
    this.register({ dispose: () => fs.unwatchFile(uri.fsPath, onChange) });
  }

  /**
   * Starts the whole-file index scan, which waits for the first screen a view shows
   * (a view calls this once it has sent it), so that the scan does not take the CPU
   * from that screen; without a view it starts after INDEX_START_MAX_DELAY_MS.
   */
  startIndexing(): void {
    this.index?.startWorkers();
  }

  get fileName(): string {
    return path.basename(this.uri.fsPath);
  }

  get isFollowing(): boolean {
    return this.following;
  }

  /** True while a save writes the file: reads wait for it (the index is released meanwhile). */
  get isSaving(): boolean {
    return this.saving;
  }

  get isDirty(): boolean {
    return !!this.text && !this.text.table.isPristine;
  }

  /** Why edits are refused, or undefined when the file can be edited. */
  get readOnlyReason(): string | undefined {
    if (!this.text) return 'the file could not be opened';
    if (vscode.workspace.getConfiguration('hugefile').get<boolean>('readOnly', false)) return 'the hugefile.readOnly setting is on';
    try {
      const stat = fs.statSync(this.uri.fsPath);
      if ((stat.mode & 0o222) === 0) return 'the file is marked read-only';
      fs.accessSync(this.uri.fsPath, fs.constants.W_OK);
    } catch {
      return 'you have no permission to write this file';
    }
    return undefined;
  }

  /** The line ending Enter inserts: CRLF when the first line ends with one, else LF. */
  get eol(): '\n' | '\r\n' {
    const text = this.text;
    if (!text || text.availableLines() < 2) return '\n';
    const first = text.lineBounds(0);
    return first.next - first.end === 2 ? '\r\n' : '\n';
  }

  setFollowing(on: boolean): void {
    this.following = on;
    this.emitState(true);
  }

  /** Records an edit made through the edit commands: tells viewers and VS Code's undo stack. */
  pushEdit(result: EditResult): void {
    const text = this.text!;
    const entry = { edit: result.edit as TextEdit | undefined };
    this.edits.push(entry);
    text.invalidate();
    this.contentChanged(result.edit.offset, result.caretOffset);
    const apply = (change: (table: typeof text.table, edit: TextEdit) => void, caret: (edit: TextEdit) => number) => () => {
      const edit = entry.edit;
      if (!edit) {
        void vscode.window.showWarningMessage(`This change to ${this.fileName} cannot be undone or redone any more: the bytes it needs were overwritten by a save and were too many to keep.`);
        return;
      }
      change(text.table, edit);
      text.invalidate();
      this.contentChanged(edit.offset, caret(edit));
    };
    this.editEmitter.fire({
      document: this,
      label: editLabel(result.edit),
      undo: apply(undoEdit, (edit) => edit.offset),
      redo: apply(redoEdit, () => result.caretOffset),
    });
  }

  /**
   * Writes the edits into the file in place (crash-safe), then re-indexes it. What
   * a program appended meanwhile is kept: the save is planned again over the grown
   * file, a few times, before it gives up (nothing written) with ECHANGED. A file
   * deleted meanwhile is written again whole, as VS Code does; one replaced by
   * another file is written over only when the user chose to (see askReplaced).
   *
   * Saves run one at a time: one asked for during another waits for it, then writes
   * what is left. VS Code's cancellation token is not followed: VS Code cancels a
   * save only when it starts the next one, which now waits instead (the long-save
   * notification's Cancel stops a save). What looks like an auto-save and would
   * rewrite more than 64 MiB waits for the user (see autoSavePolicy): it throws a
   * CancellationError (VS Code shows no error, the document stays unsaved) and the
   * views say so.
   */
  async save(): Promise<void> {
    this.holdBackAutoSave();
    return this.gate.run(() => this.saveNow());
  }

  /** The next save request is the user's (Save Now, Ctrl+S in this editor): it never waits as an auto-save. */
  markExplicitSave(): void {
    this.explicitSaveAt = performance.now();
  }

  /**
   * Applies an edit now, or after the running save (see SaveGate): nothing typed
   * during a save is lost, and a backup taken meanwhile records it.
   */
  edit(edit: HeldEdit): void {
    const held = this.gate.busy;
    if (held) {
      this.noticeEmitter.fire({ type: 'notice', level: 'info', topic: 'save', text: `${this.fileName} is being saved. What you type now is kept and written by the next save.` });
    }
    this.gate.change(() => {
      const result = applyHeldEdit(this.text!, edit, this.eol);
      if (result) this.pushEdit(result);
    }, edit);
    if (held) this.unsavedEmitter.fire();
  }

  /** Runs an undo or redo VS Code asked for; during a save, after it, and the document then counts as unsaved. */
  undoOrRedo(change: () => void): void {
    if (!this.gate.busy) {
      change();
      return;
    }
    this.gate.change(() => {
      change();
      this.unsavedEmitter.fire();
    });
  }

  private holdBackAutoSave(): void {
    const text = this.text;
    if (!text || !this.isDirty) return;
    const changedSinceLastRequest = this.changes !== this.changesAtLastSaveRequest;
    this.changesAtLastSaveRequest = this.changes;
    const explicit = performance.now() - this.explicitSaveAt < EXPLICIT_SAVE_MS;
    this.explicitSaveAt = Number.NEGATIVE_INFINITY;
    const autoSaveOn = vscode.workspace.getConfiguration('files', this.uri).get<string>('autoSave', 'off') !== 'off';
    if (!autoSaveOn || explicit || !changedSinceLastRequest) return;
    let writeBytes: number;
    try {
      writeBytes = totalBytes(layoutOf(planOf(this.uri.fsPath, text.table, this.baseline).segments, this.baseline.size).writes);
    } catch {
      return; // the save itself says what is wrong
    }
    if (!autoSaveWaits({ autoSaveOn, explicit, changedSinceLastRequest, writeBytes })) return;
    this.noticeEmitter.fire({
      type: 'notice', level: 'info', topic: 'save',
      text: `Auto-save is waiting: saving this change rewrites ${formatBytes(writeBytes)} of ${this.fileName} (a change of length moves the rest of the file). Press Ctrl+S to save now.`,
    });
    throw new vscode.CancellationError();
  }

  private async saveNow(): Promise<void> {
    if (this.isDisposed) return;
    this.noticeEmitter.fire({ type: 'notice', level: 'info', topic: 'save', text: '' });
    if (this.text && this.isDirty && this.deletedOnDisk()) return this.writeWhole();
    if (this.text && this.isDirty && this.replacedOnDisk()) {
      if (!this.overwriteChosen) {
        this.askReplaced();
        throw Object.assign(new Error(`${this.fileName} was replaced on disk by another file since your changes; nothing was written. Choose Overwrite or Revert.`), { code: 'ECHANGED' });
      }
      return this.writeWhole();
    }
    for (let attempt = 1; ; attempt++) {
      this.adoptAppended();
      try {
        return await this.saveOnce();
      } catch (err) {
        if ((err as { code?: string }).code !== 'ECHANGED' || !appendedTo(this.uri.fsPath, this.baseline)) throw err;
        if (attempt === SAVE_ATTEMPTS) throw keptGrowing(this.fileName, err as Error);
      }
    }
  }

  private async saveOnce(): Promise<void> {
    const text = this.text;
    if (!text || !this.isDirty) return;
    const plan = planOf(this.uri.fsPath, text.table, this.baseline);
    // Before the save: the bytes it overwrites are read now, for undo afterwards.
    const live = this.edits.filter((e) => e.edit);
    const rebased = rebaseForSave(text.table, live.map((e) => e.edit!));
    this.saving = true;
    this.index!.release();
    let saved = false;
    try {
      await saveDocument(plan);
      saved = true;
      rebased().forEach((edit, i) => { live[i].edit = edit; });
    } finally {
      this.saving = false;
      if (saved) this.afterRewrite();
      else this.afterFailedSave();
    }
  }

  /**
   * Writes the edited content whole to a temporary file renamed over the path:
   * for when the file the edits were made on is no longer there (deleted, or
   * replaced by another), while they still read it through its mapping.
   */
  private async writeWhole(): Promise<void> {
    const text = this.text!;
    const live = this.edits.filter((e) => e.edit);
    const rebased = rebaseForSave(text.table, live.map((e) => e.edit!));
    const now = markOf(this.uri.fsPath);
    const mode = now.size >= 0 ? now.mode : this.baseline.mode;
    this.saving = true;
    try {
      await saveDocumentAs(text.table, this.uri.fsPath, undefined, mode);
      rebased().forEach((edit, i) => { live[i].edit = edit; });
    } finally {
      this.saving = false;
    }
    this.overwriteChosen = false;
    this.afterRewrite();
  }

  private deletedOnDisk(): boolean {
    return !fs.existsSync(this.uri.fsPath);
  }

  private replacedOnDisk(now = markOf(this.uri.fsPath)): boolean {
    return now.size >= 0 && now.inode !== this.baseline.inode;
  }

  private askReplaced(): void {
    if (this.asking) return;
    this.asking = true;
    void vscode.window.showWarningMessage(
      `${this.fileName} was replaced on disk by another file while you have unsaved changes.`,
      'Overwrite with my version', 'Revert (load from disk)',
    ).then((choice) => {
      this.asking = false;
      if (choice?.startsWith('Overwrite')) {
        this.overwriteChosen = true;
        void vscode.workspace.save(this.uri);
      } else if (choice?.startsWith('Revert')) {
        void this.revertInEditor();
      }
    });
  }

  /** VS Code's revert acts on the active editor: make it this document's first. */
  private async revertInEditor(): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', this.uri, VIEW_TYPE);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }

  /** Writes the edited content to another file; this document keeps its file. */
  async saveAs(destination: vscode.Uri, token?: vscode.CancellationToken): Promise<void> {
    if (destination.fsPath === this.uri.fsPath) return this.save();
    await saveDocumentAs(this.text!.table, destination.fsPath, token);
  }

  /** Drops the pending edits (those held during a save too) and reads the file from disk again, after a running save. */
  revert(): Promise<void> {
    return this.gate.run(async () => {
      this.gate.dropHeld();
      if (this.text && !this.isDisposed) this.afterRewrite();
    });
  }

  /**
   * Resolves once no tab shows this document unsaved any more (VS Code took the
   * save's success), or after SAVE_SETTLE_MAX_MS: an edit reaching VS Code before
   * that would be counted as saved.
   */
  private savedInEditor(): Promise<void> {
    const uri = this.uri.toString();
    const dirtyTab = () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.isDirty
      && tab.input instanceof vscode.TabInputCustom && tab.input.uri.toString() === uri));
    if (!dirtyTab()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, SAVE_SETTLE_MAX_MS);
      const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!dirtyTab()) done();
      });
    });
  }

  /** Saves the edit list (not the file) for hot exit, with the edits waiting for a running save. */
  async backup(destination: vscode.Uri): Promise<vscode.CustomDocumentBackup> {
    await writeBackup(destination.fsPath, this.uri.fsPath, this.baseline, this.text!.table, this.gate.heldRecords);
    return { id: destination.toString(), delete: () => fs.rmSync(destination.fsPath, { force: true }) };
  }

  /**
   * Looks at the file now (the watcher also does, every 500 ms). Under unsaved
   * edits only an append is taken in: the edits name bytes of the file as mapped,
   * so a replaced or rewritten file must not slip in under them. Without them the
   * content is the file as it is now (VS Code's rule: a clean editor reloads).
   */
  refresh(): void {
    if (this.isDisposed || !this.index || this.saving) return;
    if (this.isDirty) {
      this.adoptAppended();
      return;
    }
    this.followDisk();
  }

  /**
   * Before reading for a view: if the file's size, time or inode moved since it was
   * last looked at, takes the change in now rather than at the watcher's next poll,
   * so that a view is not sent lines of a file that is gone.
   */
  checkDisk(): void {
    if (this.isDisposed || !this.index || this.saving) return;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.uri.fsPath);
    } catch {
      stat = { size: -1, mtimeMs: -1, ino: -1 } as fs.Stats;
    }
    const b = this.baseline;
    if (stat.size !== b.size || stat.mtimeMs !== b.mtimeMs || stat.ino !== b.inode) this.onFileChanged();
  }

  /** An unedited document takes in whatever happened to its file: growth, truncation, replacement or a rewrite in place. */
  private followDisk(): void {
    const { change, mark } = diskChangeOf(this.uri.fsPath, this.baseline);
    if (change === 'unchanged') return;
    this.baseline = mark;
    if (change === 'rewritten') {
      this.index!.rewritten();
      this.text!.invalidate();
      this.emitState();
      return;
    }
    this.refreshIndex();
  }

  private refreshIndex(): void {
    try {
      this.index!.refresh();
    } catch {
      // The file is gone: the error is on the index and the state shows it.
    }
    this.text!.invalidate();
    this.emitState();
  }

  state(): FileState {
    // While a save runs the file is unmapped: the state from just before it stands.
    if (this.saving && this.lastStateValue) return this.lastStateValue;
    this.lastStateValue = this.computeState();
    return this.lastStateValue;
  }

  private computeState(): FileState {
    const text = this.text;
    const reason = this.readOnlyReason;
    const base = { fileName: this.fileName, following: this.following, readOnly: reason !== undefined, readOnlyReason: reason, dirty: this.isDirty };
    if (!text || !this.index) return { ...base, fileSize: 0, lineCount: 0, knownLines: 0, complete: true, progress: 1, eol: '\n' };
    const progress = this.index.progress;
    return {
      ...base,
      fileSize: text.size,
      lineCount: text.estimatedLineCount(),
      knownLines: text.availableLines(),
      complete: progress.complete,
      progress: progress.fileSize === 0 ? 1 : progress.indexedBytes / progress.fileSize,
      eol: this.eol,
    };
  }

  private async restoreBackup(backupId: string, rolledBack: RolledBack | undefined): Promise<void> {
    const text = this.text!;
    const restored = await readBackup(vscode.Uri.parse(backupId).fsPath, this.uri.fsPath, this.baseline, text.table, rolledBack);
    if (!restored.ok) {
      void vscode.window.showWarningMessage(`Unsaved changes to ${this.fileName} from the last session were not restored: ${restored.reason}`);
      return;
    }
    if (restored.appended > 0) {
      this.toldAppended = true;
      void vscode.window.showInformationMessage(`Unsaved changes to ${this.fileName} from the last session were restored. The file grew by ${formatBytes(restored.appended)} since; the new lines are shown after them.`);
    }
    text.invalidate();
    if (restored.held.length === 0) return;
    this.gate.run(() => this.replayHeld(restored.held)).catch((err: Error) => this.noticeEmitter.fire({
      type: 'notice', level: 'error', topic: 'save', text: `Changes typed into ${this.fileName} during a save that never ended could not all be restored: ${err.message}`,
    }));
  }

  /**
   * Carries out edits a backup kept from a save that never ended, once the lines
   * they name are indexed; edits asked for meanwhile wait for them (the gate).
   */
  private async replayHeld(held: readonly HeldEdit[]): Promise<void> {
    const text = this.text!;
    for (const edit of held) {
      await whenIndexed(this.index!, () => {
        applyHeldEdit(text, edit, this.eol);
        text.invalidate();
      });
    }
    this.contentChanged(0, undefined);
  }

  /** Without pending edits the content is the file as it is now, grown or replaced. */
  private followFile(): void {
    const text = this.text!;
    if (text.table.isPristine && text.table.size !== this.index!.fileSize) text.table.reset(this.index!.fileSize);
    text.invalidate();
  }

  private afterRewrite(): void {
    if (this.isDisposed) return;
    const text = this.text!;
    this.index!.reload();
    text.table.reset(this.index!.fileSize);
    text.invalidate();
    this.baseline = markOf(this.uri.fsPath);
    this.toldAppended = false;
    this.contentChanged(0, undefined);
  }

  /** The file is as it was (the engine refused, or rolled back): the edits stay pending. */
  private afterFailedSave(): void {
    if (this.isDisposed) return;
    try {
      this.index!.reload();
    } catch {
      // The file is gone: the index carries the error, and the state shows it.
    }
    this.text!.invalidate();
    this.contentChanged(0, undefined);
  }

  /**
   * When the file grew by appending (a log being written), its new bytes join the
   * content after the unsaved edits, which still fit it; says so once. Returns
   * whether it did.
   */
  private adoptAppended(): boolean {
    const text = this.text;
    const grown = text && !this.saving && this.isDirty ? appendedTo(this.uri.fsPath, this.baseline) : undefined;
    if (!text || !grown) return false;
    const end = text.size;
    text.table.appendOriginal(grown.size);
    this.baseline = grown;
    this.refreshIndex();
    this.contentChanged(end, undefined);
    if (!this.toldAppended) {
      this.toldAppended = true;
      void vscode.window.showInformationMessage(`${this.fileName} grew on disk; your unsaved changes are kept.`);
    }
    return true;
  }

  private onFileChanged(): void {
    if (this.saving || this.isDisposed) return;
    if (!this.isDirty) {
      this.refresh();
      return;
    }
    if (this.adoptAppended()) return;
    const now = markOf(this.uri.fsPath);
    if (now.size === this.baseline.size && now.mtimeMs === this.baseline.mtimeMs && now.inode === this.baseline.inode) return;
    if (this.replacedOnDisk(now)) {
      this.askReplaced();
      return;
    }
    if (this.deletedOnDisk()) {
      void vscode.window.showWarningMessage(`${this.fileName} was deleted on disk. Your unsaved changes are kept; saving writes the file again.`);
      return;
    }
    if (this.asking) return;
    this.asking = true;
    void vscode.window.showWarningMessage(
      `${this.fileName} changed on disk while you have unsaved changes. Your changes refer to the old content: saving them in place is refused until you revert.`,
      'Revert (load from disk)', 'Keep my changes',
    ).then((choice) => {
      this.asking = false;
      if (choice?.startsWith('Revert')) void this.revertInEditor();
    });
  }

  private contentChanged(offset: number, caretOffset: number | undefined): void {
    const text = this.text!;
    let fromLine = 0;
    try {
      fromLine = offset >= text.size ? Math.max(0, text.availableLines() - 1) : text.lineOfOffset(offset);
    } catch {
      fromLine = 0;
    }
    this.changes++;
    this.contentEmitter.fire({ offset, fromLine, caretOffset });
    this.emitState(true);
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

/** The error of a save that gave up because another program kept appending to the file. */
function keptGrowing(fileName: string, cause: Error): Error {
  return Object.assign(new Error(
    `${fileName} kept growing while it was saved (another program is appending to it); nothing was written. `
    + 'A change of length moves everything after it, which takes longer than the pause between two appends: '
    + 'stop the program writing the file and save again, or keep the length (the Insert key switches to overwrite). '
    + `(${cause.message})`,
  ), { code: 'ECHANGED' });
}
