import * as vscode from 'vscode';
import { VIEW_TYPE } from './viewType';

/**
 * "Open in Huge File Editor": opens `uri` in the active editor group and closes
 * that group's text tab of the same file (unless it has unsaved changes), as
 * "Reopen Editor With..." does, instead of leaving the text editor beside it.
 */
export async function openInHugeEditor(uri: vscode.Uri): Promise<void> {
  const column = vscode.window.tabGroups.activeTabGroup.viewColumn;
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE, column);
  const group = vscode.window.tabGroups.all.find((g) => g.viewColumn === column);
  const textTabs = group?.tabs.filter((tab) => tab.input instanceof vscode.TabInputText
    && tab.input.uri.toString() === uri.toString() && !tab.isDirty) ?? [];
  if (textTabs.length > 0) await vscode.window.tabGroups.close(textTabs);
}
