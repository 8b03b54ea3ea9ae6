import * as fs from 'fs';
import * as vscode from 'vscode';
import { VIEW_TYPE } from './viewType';

/**
 * "Reopen Editor With... > Text Editor" closes the Huge File Editor's tab and opens
 * the text tab as two tab events about 1 ms apart (measured in code-server); a
 * person closing the tab and opening the file again takes far longer.
 */
const REOPEN_WINDOW_MS = 250;

/**
 * Sends large files opened as text to the Huge File Editor, before VS Code's text
 * editor loads them whole (62 s and 2.1 GB for 1 GiB here). The size threshold is
 * the `hugefile.autoOpenAboveMB` setting (0 turns it off). Text tabs already open
 * when the extension activates are sent too: a file clicked while VS Code starts
 * would otherwise stay on its "file is very large" page. A file the user reopens as
 * text from the Huge File Editor ("Reopen Editor With...") is left alone.
 */
export function registerAutoOpen(context: vscode.ExtensionContext): void {
  /** Tabs being closed and reopened now, so that the two ways a tab is seen do not both act. */
  const moving = new Set<string>();
  /** When a Huge File Editor tab closed, by group and file. */
  const closedAt = new Map<string, number>();

  const consider = async (tab: vscode.Tab): Promise<void> => {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') return;
    const key = tabKey(tab, input.uri);
    if (moving.has(key) || tab.isDirty || !isLarge(input.uri)) return;
    const closed = closedAt.get(key);
    if (closed !== undefined && Date.now() - closed < REOPEN_WINDOW_MS) return;
    moving.add(key);
    try {
      await vscode.window.tabGroups.close(tab);
      await vscode.commands.executeCommand('vscode.openWith', input.uri, VIEW_TYPE, { viewColumn: tab.group.viewColumn, preview: tab.isPreview });
    } finally {
      moving.delete(key);
    }
  };

  context.subscriptions.push(vscode.window.tabGroups.onDidChangeTabs((event) => {
    const now = Date.now();
    for (const [key, at] of closedAt) if (now - at >= REOPEN_WINDOW_MS) closedAt.delete(key);
    for (const tab of event.closed) {
      if (tab.input instanceof vscode.TabInputCustom && tab.input.viewType === VIEW_TYPE) closedAt.set(tabKey(tab, tab.input.uri), now);
    }
    for (const tab of event.opened) void consider(tab);
  }));
  for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) void consider(tab);
}

function tabKey(tab: vscode.Tab, uri: vscode.Uri): string {
  return `${tab.group.viewColumn} ${uri.toString()}`;
}

function isLarge(uri: vscode.Uri): boolean {
  const limitMB = vscode.workspace.getConfiguration('hugefile').get<number>('autoOpenAboveMB', 50);
  if (!(limitMB > 0)) return false;
  try {
    return fs.statSync(uri.fsPath).size >= limitMB * 1024 * 1024;
  } catch {
    return false;
  }
}
