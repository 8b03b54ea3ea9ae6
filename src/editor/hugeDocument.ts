import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EditResult } from '../edits/editCommands';
import { EditedText } from '../edits/editedText';
import { PieceTable } from '../edits/pieceTable';
import { recoverInterruptedSave } from '../edits/saveEngine';
import type { SpliceRecord } from '../edits/spliceRecord';
import { StepResult, UndoEntry, UndoSteps } from '../edits/undoSteps';
import { GUESS_BYTES } from '../encoding/detectEncoding';
import { fileHead } from '../encoding/fileHead';
import { UTF8 } from '../encoding/textEncoding';
import { LineIndex, ResetReason } from '../lines';
import { LF_BREAK } from '../lines/lineBreak';
import { textReadingOf } from '../search/textReading';
import type { MarkStore } from '../marks/markStore';
import { backupToRestore, LeftoverBackup, leftoverBackup, readBackup, RolledBack, writeBackup } from './backup';
import { DiskFollower } from './diskFollower';
import { DiskPrompts } from './diskPrompts';
import { Disposable } from './dispose';
import { DocumentEncoding, documentEncoding } from './documentEncoding';
import type { DocumentFile } from './documentFile';
import { DocumentSaves } from './documentSaves';
import { DocumentMarks } from './documentMarks';
import { FileMark, markOf } from './fileMark';
import type { IndexCache } from './indexCache';
import { formatBytes } from './format';
import { applyHeldEdit, HeldEdit } from './heldEdit';
import { Eol, FileState, NoticeMessage } from './protocol';
import { DocumentLineBreak, documentLineBreak } from './reopenWithLineEnding';
import { saveDocumentAs } from './saving';

const WATCH_INTERVAL_MS = 500;
const STATE_THROTTLE_MS = 100;
/** The index scan starts by then even if no view asked for a first screen (e.g. a background tab). */
const INDEX_START_MAX_DELAY_MS = 1000;

/** What changed in the content, for the viewers: refetch from `offset` (in lines, `fromLine`), caret at `caretOffset`. */
export interface ContentChange {
  offset: number;
  fromLine: number;
  caretOffset: number | undefined;
  /** Who asked for the edit, when a viewer did: that viewer answers its edit with it. */
  origin?: EditOrigin;
}

/** A viewer's edit request: the viewer, and its number for the edit. */
export interface EditOrigin {
  viewer: object;
  id: number;
}

/** What the user chose for how a file is read (Reopen with Encoding, Reopen with Line Ending); detected when absent. */
export interface FileReadingChoices {
  encoding?: string;
  lineBreak?: string;
}

/** The parts of a document whose file could be opened. */
interface Parts {
  file: DocumentFile;
  follower: DiskFollower;
  saves: DocumentSaves;
  marks: DocumentMarks;
}

/**
 * One open file, shared by every editor showing it: its line index, its pending
 * edits (a piece table: memory grows with the edits, not the file) and the undo
 * stack entries it hands to VS Code. It follows the file on disk (DiskFollower)
 * and saves one save at a time (DocumentSaves). A file that cannot be opened still
 * makes a document, carrying the error to show.
 */
export class HugeDocument extends Disposable implements vscode.CustomDocument {
  private following = false;
  private lastState = 0;
  private pendingState: NodeJS.Timeout | undefined;
  private lastStateValue: FileState | undefined;
  private readonly parts: Parts | undefined;

  /**
   * Every edit VS Code may still undo or redo, in order. A save rebases them onto the
   * new file; one whose old bytes could not be kept becomes undefined.
   */
  private readonly edits: UndoEntry[] = [];
  private undoSteps: UndoSteps | undefined;
  /** The viewer edit being applied: its content change is that viewer's answer. */
  private origin: EditOrigin | undefined;
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
   * file is unchanged since (or was rolled back to what it was). Never throws: see
   * `openError`.
   */
  static async create(
    uri: vscode.Uri, backupId: string | undefined, marks: MarkStore<FileMark>, chosen: FileReadingChoices = {}, indexCache?: IndexCache,
  ): Promise<HugeDocument> {
    if (uri.scheme !== 'file') {
      return new HugeDocument(uri, undefined, new Error(`Huge File Editor reads local files only; ${uri.scheme}: files are not supported.`), marks);
    }
    try {
      const recovery = recoverInterruptedSave(uri.fsPath);
      if (recovery.recovered) {
        void vscode.window.showWarningMessage(`A save of ${path.basename(uri.fsPath)} was interrupted. The file was restored to its content before that save. (${recovery.detail})`);
      }
      // Read once for both guesses: the encoding's, then the line ends' in it.
      const head = fileHead(uri.fsPath, GUESS_BYTES);
      const encoding = documentEncoding(uri, chosen.encoding, head);
      const lineBreak = documentLineBreak(chosen.lineBreak, encoding.encoding, head);
      const restore = indexCache?.load(uri.fsPath);
      const index = LineIndex.open(uri.fsPath, {
        workers: 1, deferWorkers: true, background: true, encoding: encoding.encoding, lineBreak: lineBreak.lineBreak.kind, restore,
      });
      const document = new HugeDocument(uri, index, undefined, marks, encoding, lineBreak);
      if (indexCache) document.register({ dispose: indexCache.follow(uri.fsPath, index, restore !== undefined && index.complete) });
      document.rolledBack = recovery.restored;
      if (backupId) await document.restoreBackup(backupId);
      return document;
    } catch (err) {
      return new HugeDocument(uri, undefined, err as Error, marks);
    }
  }

  /** The content with its pending edits, or undefined when the file could not be opened. */
  readonly text: EditedText | undefined;
  /** The file before the save that recovery rolled back as this document opened, if any. */
  private rolledBack: RolledBack | undefined;
  /** The backup the edits were restored from: out of date once they are saved or reverted. */
  private restoredFrom: string | undefined;
  /** The backups VS Code had this document write (see forgetBackups). */
  private readonly backups = new Set<string>();

  private constructor(
    readonly uri: vscode.Uri,
    readonly index: LineIndex | undefined,
    readonly openError: Error | undefined,
    markStore: MarkStore<FileMark>,
    /** The encoding the file is read in (see documentEncoding). */
    readonly encoding: DocumentEncoding = { encoding: UTF8, reason: 'default' },
    /** How the file's lines end (see documentLineBreak). */
    readonly lineBreak: DocumentLineBreak = { lineBreak: LF_BREAK, chosen: false },
  ) {
    super();
    if (!index) return;
    const text = new EditedText(index, new PieceTable(index, index.fileSize));
    this.text = text;
    const document = this;
    const file: DocumentFile = {
      uri, index, text,
      get fileName() { return document.fileName; },
      baseline: markOf(uri.fsPath),
      saving: false,
      toldAppended: false,
      get isDirty() { return document.isDirty; },
      get isDisposed() { return document.isDisposed; },
      contentChanged: (offset, caretOffset) => this.contentChanged(offset, caretOffset),
      emitState: (now) => this.emitState(now),
      notice: (message) => this.noticeEmitter.fire(message),
    };
    const prompts = new DiskPrompts(uri, () => this.fileName);
    const follower = new DiskFollower(file, prompts);
    const saves = new DocumentSaves(file, this.edits, follower, prompts, () => this.unsavedEmitter.fire());
    const marks = this.register(new DocumentMarks(uri.fsPath, text, markStore, () => file.baseline, () => this.isDirty));
    this.parts = { file, follower, saves, marks };
    this.register({ dispose: index.onProgress(() => { follower.followIndex(); this.emitState(); }) });
    this.register({ dispose: index.onReset((reason) => { follower.followIndex(); marks.diskReset(reason); this.resetEmitter.fire(reason); }) });
    this.register({ dispose: () => index.dispose() });
    const start = setTimeout(() => index.startWorkers(), INDEX_START_MAX_DELAY_MS);
    this.register({ dispose: () => clearTimeout(start) });
    const onChange = () => follower.onFileChanged();
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

  /** The marks on the document's lines; undefined when the file could not be opened. */
  get marks(): DocumentMarks | undefined {
    return this.parts?.marks;
  }

  get fileName(): string {
    return path.basename(this.uri.fsPath);
  }

  get isFollowing(): boolean {
    return this.following;
  }

  /** True while a save writes the file: reads wait for it (the index is released meanwhile). */
  get isSaving(): boolean {
    return this.parts?.file.saving ?? false;
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

  /** The line ending Enter inserts: CR for a file read with lone CR line ends, CRLF when the first line ends with one, else LF. */
  get eol(): Eol {
    const text = this.text;
    if (text?.lineBreak.kind === 'cr') return '\r';
    if (!text || text.availableLines() < 2) return '\n';
    const first = text.lineBounds(0);
    return first.next - first.end === 2 * text.lineBreak.unitBytes ? '\r\n' : '\n';
  }

  setFollowing(on: boolean): void {
    this.following = on;
    this.emitState(true);
  }

  /**
   * Records an edit made through the edit commands: tells viewers, and VS Code's undo
   * stack, where typing is grouped as VS Code groups it (UndoSteps): an edit that joins
   * the last step adds no entry.
   */
  pushEdit(result: EditResult): void {
    const text = this.text!;
    const entry: UndoEntry = { edit: result.edit };
    this.edits.push(entry);
    text.invalidate();
    this.contentChanged(result.edit.offset, result.caretOffset);
    this.undoSteps ??= new UndoSteps(text.table);
    const step = this.undoSteps.add(entry, result, Date.now());
    if (!step) return;
    const apply = (change: () => StepResult) => () => {
      const changed = change();
      if (!changed) {
        void vscode.window.showWarningMessage(`This change to ${this.fileName} cannot be undone or redone any more: the bytes it needs were overwritten by a save and were too many to keep.`);
        return;
      }
      text.invalidate();
      this.contentChanged(changed.offset, changed.caretOffset);
    };
    // Undo and redo asked for during a save run after it; a backup taken meanwhile records what they change.
    this.editEmitter.fire({
      document: this,
      label: step.label,
      undo: () => this.undoOrRedo(apply(step.undo), () => step.splices(false)),
      redo: () => this.undoOrRedo(apply(step.redo), () => step.splices(true)),
    });
  }

  /** The next edit starts a new undo step (the caret moved since the last one, as VS Code groups typing). */
  endUndoStep(): void {
    this.undoSteps?.close();
  }

  /**
   * Writes the edits into the file in place (crash-safe), then re-indexes it. What
   * a program appended meanwhile is kept: the save is planned again over the grown
   * file, a few times, before it gives up (nothing written) with ECHANGED. A file
   * deleted meanwhile is written again whole, as VS Code does; one replaced by
   * another file is written over only when the user chose to (see DiskPrompts).
   *
   * Saves run one at a time: one asked for during another waits for it, then writes
   * what is left; with nothing changed since that one was asked for, it is that
   * save (an auto-save timer ending during a save must not redo it once cancelled). VS Code's cancellation token is not followed: VS Code cancels a
   * save only when it starts the next one, which now waits instead (the long-save
   * notification's Cancel stops a save). What looks like an auto-save and would
   * rewrite more than 64 MiB waits for the user (see autoSavePolicy): it throws a
   * CancellationError (VS Code shows no error, the document stays unsaved) and the
   * views say so.
   */
  async save(): Promise<void> {
    await this.parts?.saves.save();
    this.parts?.marks.contentSaved();
    this.forgetRestoredBackup();
  }

  /** The next save request is the user's (Save Now, Ctrl+S in this editor): it never waits as an auto-save. */
  markExplicitSave(): void {
    this.parts?.saves.markExplicitSave();
  }

  /**
   * Applies an edit now, or after the running save (see SaveGate): nothing typed
   * during a save is lost, and a backup taken meanwhile records it.
   */
  edit(edit: HeldEdit, unchanged: () => void, origin?: EditOrigin): void {
    const saves = this.parts?.saves;
    if (!saves) return;
    const held = saves.busy;
    if (held) {
      this.noticeEmitter.fire({ type: 'notice', level: 'info', topic: 'save', text: `${this.fileName} is being saved. What you type now is kept and written by the next save.` });
    }
    saves.change(() => {
      const result = applyHeldEdit(this.text!, edit, this.eol);
      if (!result) {
        unchanged();
        return;
      }
      this.origin = origin;
      try {
        this.pushEdit(result);
      } finally {
        this.origin = undefined;
      }
    }, edit);
    if (held) this.unsavedEmitter.fire();
  }

  /**
   * Applies the edit `run` works out on the content now (a replace), as an undo step
   * of its own; returns it, or undefined when it changed nothing. Throws, changing
   * nothing, while the file is read-only or being saved (its content cannot be read
   * then: a replace waits for no save), and what `run` throws.
   */
  applyEdit(run: (text: EditedText) => EditResult | undefined): EditResult | undefined {
    const saves = this.parts?.saves;
    const reason = this.readOnlyReason;
    if (!saves || reason !== undefined) throw new Error(`${this.fileName} is read-only: ${reason ?? 'it could not be opened'}`);
    if (saves.busy) throw new Error(`${this.fileName} is being saved; replace again once the save is done`);
    let result: EditResult | undefined;
    let failure: unknown;
    // Not busy: the gate runs it now (and would only report what it throws).
    saves.change(() => {
      try {
        result = run(this.text!);
      } catch (err) {
        failure = err;
        return;
      }
      if (!result) return;
      this.endUndoStep();
      this.pushEdit(result);
      this.endUndoStep();
    });
    if (failure !== undefined) throw failure;
    return result;
  }

  /**
   * Runs an undo or redo VS Code asked for; during a save, after it (`splices` then says
   * what it will change, for a backup), and the document then counts as unsaved.
   */
  private undoOrRedo(change: () => void, splices: () => SpliceRecord[] | undefined): void {
    if (this.parts) this.parts.saves.undoOrRedo(change, splices);
    else change();
  }

  /** Resolves once no save runs and what was asked for meanwhile (edits, undo, redo) is carried out. */
  idle(): Promise<void> {
    return this.parts?.saves.idle() ?? Promise.resolve();
  }

  /** Writes the edited content to another file; this document keeps its file. */
  async saveAs(destination: vscode.Uri, token?: vscode.CancellationToken): Promise<void> {
    if (destination.fsPath === this.uri.fsPath) return this.save();
    await saveDocumentAs(this.text!.table, destination.fsPath, token);
  }

  /** Drops the pending edits (those held during a save too) and reads the file from disk again, after a running save. */
  async revert(): Promise<void> {
    await this.parts?.saves.revert();
    this.parts?.marks.reverted();
    this.forgetRestoredBackup();
  }

  /** Saves the edit list (not the file) for hot exit, with the edits waiting for a running save. */
  async backup(destination: vscode.Uri): Promise<vscode.CustomDocumentBackup> {
    const { file, saves } = this.parts!;
    await writeBackup(destination.fsPath, this.uri.fsPath, file.baseline, file.text.table, saves.heldEdits);
    this.backups.add(destination.fsPath);
    return {
      id: destination.toString(),
      delete: () => {
        this.backups.delete(destination.fsPath);
        fs.rmSync(destination.fsPath, { force: true });
      },
    };
  }

  /**
   * Deletes the backups VS Code had this document write, once no save runs and the
   * content is the file again (an undo back to it, a save, a revert): VS Code may leave
   * them, and one left would be offered back as unsaved changes the next time the file
   * opens (see leftoverBackup).
   */
  async forgetBackups(): Promise<void> {
    await this.idle();
    if (this.isDirty) return;
    for (const at of this.backups) fs.rmSync(at, { force: true });
    this.backups.clear();
  }

  /** Looks at the file now: see DiskFollower.refresh. */
  refresh(): void {
    this.parts?.follower.refresh();
  }

  /** Before reading for a view: see DiskFollower.checkDisk. */
  checkDisk(): void {
    this.parts?.follower.checkDisk();
  }

  state(): FileState {
    // While a save runs the file is unmapped: the state from just before it stands.
    if (this.isSaving && this.lastStateValue) return this.lastStateValue;
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
      countedLines: text.countedLines(),
      knownLines: text.availableLines(),
      complete: progress.complete,
      progress: progress.fileSize === 0 ? 1 : progress.indexedBytes / progress.fileSize,
      eol: this.eol,
      reading: textReadingOf(text.encoding, text.lineBreak.kind),
    };
  }

  /** The newest backup of this file in `dir` that VS Code did not hand over and that still fits the file (see leftoverBackup). */
  leftoverBackup(dir: string): Promise<LeftoverBackup | undefined> {
    return this.parts ? leftoverBackup(dir, this.uri.fsPath, this.parts.file.baseline, this.rolledBack) : Promise.resolve(undefined);
  }

  /**
   * Restores the unsaved edits of a backup VS Code did not hand over (see
   * leftoverBackup), only onto the content as it opened, before any edit. Returns why it
   * refused, or undefined once restored: the document is then unsaved.
   */
  async restoreLeftover(source: string): Promise<string | undefined> {
    if (!this.parts) return 'the file could not be opened';
    if (this.isDirty || this.parts.saves.busy) return `${this.fileName} was edited or saved since it opened`;
    const refused = await this.restoreFrom(source);
    if (refused !== undefined) return refused;
    this.parts.file.contentChanged(0, undefined);
    this.unsavedEmitter.fire();
    return undefined;
  }

  private async restoreBackup(backupId: string): Promise<void> {
    const source = await backupToRestore(vscode.Uri.parse(backupId).fsPath, this.uri.fsPath);
    const refused = source ? await this.restoreFrom(source) : 'the backup is gone';
    if (refused !== undefined) void vscode.window.showWarningMessage(`Unsaved changes to ${this.fileName} from the last session were not restored: ${refused}`);
  }

  /** Applies the backup at `source` to the pending edits; returns why it refused, if it did. */
  private async restoreFrom(source: string): Promise<string | undefined> {
    const { file, saves } = this.parts!;
    // A backup's edits are laid over the file whole (all deleted, then put back): the marks stay where they are on the file.
    const restored = await this.parts!.marks.withoutMoving(() => readBackup(source, this.uri.fsPath, file.baseline, file.text.table, this.rolledBack));
    if (!restored.ok) return restored.reason;
    this.restoredFrom = source;
    if (restored.appended > 0) {
      file.toldAppended = true;
      void vscode.window.showInformationMessage(`Unsaved changes to ${this.fileName} from the last session were restored. The file grew by ${formatBytes(restored.appended)} since; the new lines are shown after them.`);
    }
    file.text.invalidate();
    if (restored.held.length > 0) saves.replayHeld(restored.held, () => this.eol);
    return undefined;
  }

  private forgetRestoredBackup(): void {
    if (this.restoredFrom === undefined || this.isDirty) return;
    fs.rmSync(this.restoredFrom, { force: true });
    this.restoredFrom = undefined;
  }

  private contentChanged(offset: number, caretOffset: number | undefined): void {
    const text = this.text!;
    let fromLine = 0;
    try {
      fromLine = offset >= text.size ? Math.max(0, text.availableLines() - 1) : text.lineOfOffset(offset);
    } catch {
      fromLine = 0;
    }
    this.parts?.saves.countChange();
    this.contentEmitter.fire({ offset, fromLine, caretOffset, origin: this.origin });
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
