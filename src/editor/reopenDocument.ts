import * as vscode from 'vscode';
import type { HugeDocument } from './hugeDocument';
import { VIEW_TYPE } from './viewType';

/**
 * Whether `document` may be read again (in another encoding, with other line ends):
 * not while it has unsaved changes, which reading the file again would drop. Says why
 * when not; `how` names the new reading ("in another encoding").
 */
export function mayReopen(document: HugeDocument | undefined, command: string, how: string): document is HugeDocument {
  if (!document) {
    void vscode.window.showInformationMessage(`${command} works on a file open in the Huge File Editor.`);
    return false;
  }
  if (document.isDirty) {
    void vscode.window.showWarningMessage(`${document.fileName} has unsaved changes: save or revert them before reading it again ${how}.`);
    return false;
  }
  return true;
}

/** Reads `document`'s file again in the same place: closes its tabs (which disposes it) and opens it anew. */
export async function reopenDocument(document: HugeDocument): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === document.uri.toString());
  const column = tabs.find((t) => t.isActive)?.group.viewColumn ?? tabs[0]?.group.viewColumn ?? vscode.ViewColumn.Active;
  await vscode.window.tabGroups.close(tabs);
  await vscode.commands.executeCommand('vscode.openWith', document.uri, VIEW_TYPE, column);
}
