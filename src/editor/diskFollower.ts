import * as fs from 'fs';
import * as vscode from 'vscode';
import type { DocumentFile } from './documentFile';
import type { DiskPrompts } from './diskPrompts';
import { appendedTo, diskChangeOf, FileMark, markOf } from './fileMark';

/**
 * What a document does when its file changes on disk. Growth joins the content
 * (after the unsaved edits too); without edits the content is the file as it is
 * now (VS Code's rule: a clean editor reloads); under edits a replaced, rewritten
 * or deleted file asks the user (DiskPrompts) instead of slipping in under them.
 */
export class DiskFollower {
  constructor(private readonly file: DocumentFile, private readonly prompts: DiskPrompts) {}

  /**
   * Looks at the file now (the watcher also does, every 500 ms). Under unsaved
   * edits only an append is taken in: the edits name bytes of the file as mapped,
   * so a replaced or rewritten file must not slip in under them. Without them the
   * content is the file as it is now.
   */
  refresh(): void {
    const file = this.file;
    if (file.isDisposed || file.saving) return;
    if (file.isDirty) {
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
    const file = this.file;
    if (file.isDisposed || file.saving) return;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file.uri.fsPath);
    } catch {
      stat = { size: -1, mtimeMs: -1, ino: -1 } as fs.Stats;
    }
    const b = file.baseline;
    if (stat.size !== b.size || stat.mtimeMs !== b.mtimeMs || stat.ino !== b.inode) this.onFileChanged();
  }

  /** The watcher saw a change: takes it in, or asks the user when it is under unsaved edits. */
  onFileChanged(): void {
    const file = this.file;
    if (file.saving || file.isDisposed) return;
    if (!file.isDirty) {
      this.refresh();
      return;
    }
    if (this.adoptAppended()) return;
    const now = markOf(file.uri.fsPath);
    if (now.size === file.baseline.size && now.mtimeMs === file.baseline.mtimeMs && now.inode === file.baseline.inode) return;
    if (replacedOnDisk(file.baseline, now)) {
      this.prompts.askReplaced();
      return;
    }
    if (deletedOnDisk(file.uri.fsPath)) {
      this.prompts.tellDeleted();
      return;
    }
    this.prompts.askChanged();
  }

  /**
   * When the file grew by appending (a log being written), its new bytes join the
   * content after the unsaved edits, which still fit it; says so once. Returns
   * whether it did.
   */
  adoptAppended(): boolean {
    const file = this.file;
    const grown = !file.saving && file.isDirty ? appendedTo(file.uri.fsPath, file.baseline) : undefined;
    if (!grown) return false;
    const end = file.text.size;
    file.text.table.appendOriginal(grown.size);
    file.baseline = grown;
    this.refreshIndex();
    file.contentChanged(end, undefined);
    if (!file.toldAppended) {
      file.toldAppended = true;
      void vscode.window.showInformationMessage(`${file.fileName} grew on disk; your unsaved changes are kept.`);
    }
    return true;
  }

  /** Without pending edits the content is the file as it is now, grown or replaced (after the index took it in). */
  followIndex(): void {
    const { text, index } = this.file;
    if (text.table.isPristine && text.table.size !== index.fileSize) text.table.reset(index.fileSize);
    text.invalidate();
  }

  /** An unedited document takes in whatever happened to its file: growth, truncation, replacement or a rewrite in place. */
  private followDisk(): void {
    const file = this.file;
    const { change, mark } = diskChangeOf(file.uri.fsPath, file.baseline);
    if (change === 'unchanged') return;
    file.baseline = mark;
    if (change === 'rewritten') {
      file.index.rewritten();
      file.text.invalidate();
      file.emitState();
      return;
    }
    this.refreshIndex();
  }

  private refreshIndex(): void {
    try {
      this.file.index.refresh();
    } catch {
      // The file is gone: the error is on the index and the state shows it.
    }
    this.file.text.invalidate();
    this.file.emitState();
  }
}

/** Whether the file is no longer there. */
export function deletedOnDisk(path: string): boolean {
  return !fs.existsSync(path);
}

/** Whether another file (another inode) is at the path now. */
export function replacedOnDisk(baseline: FileMark, now: FileMark): boolean {
  return now.size >= 0 && now.inode !== baseline.inode;
}
