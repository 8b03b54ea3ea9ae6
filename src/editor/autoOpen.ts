import * as fs from 'fs';
import * as vscode from 'vscode';
import { HugeEditorProvider } from './hugeEditorProvider';

/**
 * Sends large files opened as text to the Huge File Editor, before VS Code's text
 * editor loads them whole (62 s and 2.1 GB for 1 GiB here). The size threshold is
 * the `hugefile.autoOpenAboveMB` setting (0 turns it off). A file the user reopens
 * as text afterwards is left alone for the rest of the session.
 */
export function registerAutoOpen(context: vscode.ExtensionContext): void {
  const redirected = new Set<string>();
  context.subscriptions.push(vscode.window.tabGroups.onDidChangeTabs(async (event) => {
    const limitMB = vscode.workspace.getConfiguration('hugefile').get<number>('autoOpenAboveMB', 50);
    if (!(limitMB > 0)) return;
    for (const tab of event.opened) {
      const input = tab.input;
      if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') continue;
      const key = input.uri.toString();
      if (redirected.has(key)) continue;
      let size: number;
      try {
        size = fs.statSync(input.uri.fsPath).size;
      } catch {
        continue;
      }
      if (size < limitMB * 1024 * 1024) continue;
      redirected.add(key);
      await vscode.window.tabGroups.close(tab);
      await vscode.commands.executeCommand('vscode.openWith', input.uri, HugeEditorProvider.viewType, { viewColumn: tab.group.viewColumn, preview: tab.isPreview });
    }
  }));
}
