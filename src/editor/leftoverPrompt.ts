import * as vscode from 'vscode';
import { deleteBackupsOf } from './backup';
import type { HugeDocument } from './hugeDocument';

/**
 * Offers to restore unsaved edits that a window which went away left in `dir` (the
 * extension's backups) when VS Code reopens `document` without naming a backup: its
 * web workbench at times reopens an editor from its layout before it recorded the
 * backup. The user chooses: Restore makes the document unsaved with those edits,
 * Discard deletes them; dismissing keeps them for the next open.
 */
export async function offerLeftoverBackup(document: HugeDocument, dir: string): Promise<void> {
  const found = await document.leftoverBackup(dir);
  if (!found || document.isDisposed) return;
  const when = new Date(found.mtimeMs).toLocaleString();
  const choice = await vscode.window.showWarningMessage(
    `${document.fileName} has unsaved changes from an earlier session (${when}) that VS Code did not restore.`, 'Restore', 'Discard');
  if (document.isDisposed) return;
  if (choice === 'Discard') {
    await deleteBackupsOf(dir, document.uri.fsPath);
  } else if (choice === 'Restore') {
    const refused = await document.restoreLeftover(found.at);
    if (refused !== undefined) void vscode.window.showWarningMessage(`The unsaved changes to ${document.fileName} from an earlier session were not restored: ${refused}.`);
  }
}
