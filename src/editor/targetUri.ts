import * as vscode from 'vscode';

/**
 * The file a command acts on: the one it was invoked on (explorer or editor title
 * menu), else the active editor's file (text or custom editor), else one the user
 * picks. Undefined when the user cancels the picker.
 */
export async function targetUri(arg: unknown, pickTitle: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: pickTitle, title: pickTitle });
  return picked?.[0];
}
