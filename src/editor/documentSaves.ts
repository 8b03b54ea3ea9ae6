import * as vscode from 'vscode';
import { rebaseForSave } from '../edits/rebaseEdits';
import { layoutOf, totalBytes } from '../edits/saveLayout';
import { planOf } from '../edits/savePlan';
import type { SpliceRecord } from '../edits/spliceRecord';
import type { UndoEntry } from '../edits/undoSteps';
import { autoSaveWaits } from './autoSavePolicy';
import { reloadContent } from './contentReload';
import type { DiskFollower } from './diskFollower';
import { deletedOnDisk, replacedOnDisk } from './diskFollower';
import type { DiskPrompts } from './diskPrompts';
import type { DocumentFile } from './documentFile';
import { appendedTo, markOf } from './fileMark';
import { formatBytes } from './format';
import { applyHeldEdit, HeldEdit } from './heldEdit';
import { SaveGate } from './saveGate';
import { saveDocument, saveDocumentAs } from './saving';
import { whenIndexed } from './whenIndexed';

/** Saves planned over a file that keeps growing before one gives up. */
const SAVE_ATTEMPTS = 3;
/** Changes held during a save wait at most this long for VS Code to mark the document saved. */
const SAVE_SETTLE_MAX_MS = 3000;
/** A save VS Code asks for this soon after the user's Save Now is that save. */
const EXPLICIT_SAVE_MS = 3000;

/**
 * A document's saves and reverts, one at a time, and the changes asked for
 * meanwhile (SaveGate): the save engine's plan from the pending edits, the
 * auto-save policy, a file grown, deleted or replaced since the edits, and the
 * document after a save (rebased undo entries, the index read again).
 */
export class DocumentSaves {
  /** Saves and reverts one at a time; edits, undo and redo asked for meanwhile wait for them. */
  /** Each held change's record says what it changes, as of when it is asked (see heldEdits). */
  private readonly gate: SaveGate<() => HeldEdit | undefined>;
  /** Content changes so far, and as of the last save request: see autoSavePolicy. */
  private changes = 0;
  private changesAtLastSaveRequest = -1;
  /** When the user last asked for a save through the extension (Save Now, Ctrl+S in its editor). */
  private explicitSaveAt = Number.NEGATIVE_INFINITY;

  /**
   * `edits` is the document's undo list (rebased by each save); `onUnsaved` says the
   * content differs from the file without an edit VS Code could count.
   */
  constructor(
    private readonly file: DocumentFile,
    private readonly edits: readonly UndoEntry[],
    private readonly follower: DiskFollower,
    private readonly prompts: DiskPrompts,
    private readonly onUnsaved: () => void,
  ) {
    this.gate = new SaveGate<() => HeldEdit | undefined>(() => this.savedInEditor(), (err) => file.notice({
      type: 'notice', level: 'error', topic: 'save', text: `A change made while ${file.fileName} was being saved could not be applied: ${(err as Error).message}`,
    }));
  }

  /** True while a save or revert runs or waits, or changes are held. */
  get busy(): boolean {
    return this.gate.busy;
  }

  /**
   * The edits waiting for the running save, for a backup, up to the first that cannot
   * be told as data. An undo or redo is told as the runs of the file it puts back,
   * which a save renames: so as of now, to go with the pieces the backup lists now.
   */
  get heldEdits(): HeldEdit[] {
    const edits: HeldEdit[] = [];
    for (const record of this.gate.heldRecords) {
      const edit = record();
      if (!edit) break;
      edits.push(edit);
    }
    return edits;
  }

  /** Counts a change of the content (for the auto-save policy). */
  countChange(): void {
    this.changes++;
  }

  /** See HugeDocument.save. */
  async save(): Promise<void> {
    const same = this.gate.sameSave(this.changes);
    if (same) return same.then(() => undefined);
    this.holdBackAutoSave();
    return this.gate.run(() => this.saveNow(), this.changes);
  }

  /** The next save request is the user's (Save Now, Ctrl+S in this editor): it never waits as an auto-save. */
  markExplicitSave(): void {
    this.explicitSaveAt = performance.now();
  }

  /** Carries out `change` now, or after the running save (`record` says what it is, for a backup). */
  change(change: () => void, record?: HeldEdit): void {
    this.gate.change(change, record && (() => record));
  }

  /**
   * Runs an undo or redo VS Code asked for; during a save, after it, and the document
   * then counts as unsaved. `splices` says what it will change, for a backup taken meanwhile.
   */
  undoOrRedo(change: () => void, splices: () => SpliceRecord[] | undefined): void {
    if (!this.gate.busy) {
      change();
      return;
    }
    this.gate.change(() => {
      change();
      this.onUnsaved();
    }, () => {
      const records = splices();
      return records && { kind: 'splices', records };
    });
  }

  /**
   * Resolves once no save runs and the changes held meanwhile are carried out (or
   * dropped). Not for VS Code's own undo to wait on: its save would wait for the undo.
   */
  idle(): Promise<void> {
    return this.gate.idle();
  }

  /** Drops the pending edits (those held during a save too) and reads the file from disk again, after a running save. */
  revert(): Promise<void> {
    return this.gate.run(async () => {
      this.gate.dropHeld();
      if (!this.file.isDisposed) this.afterRewrite();
    });
  }

  /**
   * Carries out edits a backup kept from a save that never ended (line breaks typed
   * become `eol()`), once the lines they name are indexed; edits asked for
   * meanwhile wait for them.
   */
  replayHeld(held: readonly HeldEdit[], eol: () => string): void {
    const { text, index } = this.file;
    this.gate.run(async () => {
      for (const edit of held) {
        await whenIndexed(index, () => {
          applyHeldEdit(text, edit, eol());
          text.invalidate();
        });
      }
      this.file.contentChanged(0, undefined);
    }).catch((err: Error) => this.file.notice({
      type: 'notice', level: 'error', topic: 'save', text: `Changes typed into ${this.file.fileName} during a save that never ended could not all be restored: ${err.message}`,
    }));
  }

  private holdBackAutoSave(): void {
    const file = this.file;
    if (!file.isDirty) return;
    const changedSinceLastRequest = this.changes !== this.changesAtLastSaveRequest;
    this.changesAtLastSaveRequest = this.changes;
    const explicit = performance.now() - this.explicitSaveAt < EXPLICIT_SAVE_MS;
    this.explicitSaveAt = Number.NEGATIVE_INFINITY;
    const autoSaveOn = vscode.workspace.getConfiguration('files', file.uri).get<string>('autoSave', 'off') !== 'off';
    if (!autoSaveOn || explicit || !changedSinceLastRequest) return;
    let writeBytes: number;
    try {
      writeBytes = totalBytes(layoutOf(planOf(file.uri.fsPath, file.text.table, file.baseline).segments, file.baseline.size).writes);
    } catch {
      return; // the save itself says what is wrong
    }
    if (!autoSaveWaits({ autoSaveOn, explicit, changedSinceLastRequest, writeBytes })) return;
    file.notice({
      type: 'notice', level: 'info', topic: 'save',
      text: `Auto-save is waiting: saving this change rewrites ${formatBytes(writeBytes)} of ${file.fileName} (a change of length moves the rest of the file). Press Ctrl+S to save now.`,
    });
    throw new vscode.CancellationError();
  }

  private async saveNow(): Promise<void> {
    const file = this.file;
    if (file.isDisposed) return;
    file.notice({ type: 'notice', level: 'info', topic: 'save', text: '' });
    if (file.isDirty && deletedOnDisk(file.uri.fsPath)) return this.writeWhole();
    if (file.isDirty && replacedOnDisk(file.baseline, markOf(file.uri.fsPath))) {
      if (!this.prompts.overwriteChosen) {
        this.prompts.askReplaced();
        throw Object.assign(new Error(`${file.fileName} was replaced on disk by another file since your changes; nothing was written. Choose Overwrite or Revert.`), { code: 'ECHANGED' });
      }
      return this.writeWhole();
    }
    for (let attempt = 1; ; attempt++) {
      this.follower.adoptAppended();
      try {
        return await this.saveOnce();
      } catch (err) {
        if ((err as { code?: string }).code !== 'ECHANGED' || !appendedTo(file.uri.fsPath, file.baseline)) throw err;
        if (attempt === SAVE_ATTEMPTS) throw keptGrowing(file.fileName, err as Error);
      }
    }
  }

  private async saveOnce(): Promise<void> {
    const file = this.file;
    if (!file.isDirty) return;
    const plan = planOf(file.uri.fsPath, file.text.table, file.baseline);
    // Before the save: the bytes it overwrites are read now, for undo afterwards.
    const live = this.edits.filter((e) => e.edit);
    const rebased = rebaseForSave(file.text.table, live.map((e) => e.edit!));
    file.saving = true;
    file.index.release();
    let saved = false;
    try {
      await saveDocument(plan);
      saved = true;
      rebased().forEach((edit, i) => { live[i].edit = edit; });
    } finally {
      file.saving = false;
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
    const file = this.file;
    const live = this.edits.filter((e) => e.edit);
    const rebased = rebaseForSave(file.text.table, live.map((e) => e.edit!));
    const now = markOf(file.uri.fsPath);
    const mode = now.size >= 0 ? now.mode : file.baseline.mode;
    file.saving = true;
    try {
      await saveDocumentAs(file.text.table, file.uri.fsPath, undefined, mode);
      rebased().forEach((edit, i) => { live[i].edit = edit; });
    } finally {
      file.saving = false;
    }
    this.prompts.overwriteChosen = false;
    this.afterRewrite();
  }

  /**
   * Resolves once no tab shows this document unsaved any more (VS Code took the
   * save's success), or after SAVE_SETTLE_MAX_MS: an edit reaching VS Code before
   * that would be counted as saved.
   */
  private savedInEditor(): Promise<void> {
    const uri = this.file.uri.toString();
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

  /** The file is the content now (saved, or reverted): no edit is pending. */
  private afterRewrite(): void {
    const file = this.file;
    if (file.isDisposed) return;
    file.baseline = reloadContent(file.uri.fsPath, file.text, file.index);
    file.toldAppended = false;
    file.contentChanged(0, undefined);
  }

  /** The file is as it was (the engine refused, or rolled back): the edits stay pending. */
  private afterFailedSave(): void {
    const file = this.file;
    if (file.isDisposed) return;
    try {
      file.index.reload();
    } catch {
      // The file is gone: the index carries the error, and the state shows it.
    }
    file.text.invalidate();
    file.contentChanged(0, undefined);
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
