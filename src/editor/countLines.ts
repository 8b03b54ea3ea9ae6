import * as path from 'path';
import * as vscode from 'vscode';
import { GUESS_BYTES } from '../encoding/detectEncoding';
import { fileHead } from '../encoding/fileHead';
import { LineIndex } from '../lines';
import { detectLineBreak } from '../lines/lineBreak';
import { formatBytes } from './format';
import { describeError } from './viewerSession';
import { targetUri } from './targetUri';

/**
 * "Huge File: Count Lines": counts with the line index in worker threads, with a
 * cancellable progress notification, then shows the count, size and time in a
 * notification, and in the status bar while that file is the active text editor (the
 * Huge File Editor's own entry shows its live count: two counts would disagree as
 * soon as the file grows). Works on any local file, whatever its size.
 */
export function registerCountLines(context: vscode.ExtensionContext): void {
  const result = vscode.window.createStatusBarItem('hugefile.lineCount', vscode.StatusBarAlignment.Right, 99);
  result.name = 'Huge File: Line Count';
  context.subscriptions.push(result);
  let countedUri: string | undefined;
  const showFor = (): void => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (countedUri !== undefined && input instanceof vscode.TabInputText && input.uri.toString() === countedUri) result.show();
    else result.hide();
  };
  context.subscriptions.push(vscode.window.tabGroups.onDidChangeTabs(showFor), vscode.window.tabGroups.onDidChangeTabGroups(showFor));
  context.subscriptions.push(vscode.commands.registerCommand('hugefile.countLines', async (arg?: unknown) => {
    const uri = await targetUri(arg, 'Count Lines');
    if (!uri) return;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(`Huge File: only local files can be counted (${uri.scheme}: is not supported).`);
      return;
    }
    const name = path.basename(uri.fsPath);
    const started = Date.now();
    let index: LineIndex;
    try {
      // A file of lone CR line ends has lines too (as the editor shows them), though `wc -l` counts none.
      index = LineIndex.open(uri.fsPath, { workers: 2, background: true, lineBreak: detectLineBreak(fileHead(uri.fsPath, GUESS_BYTES)).kind });
    } catch (err) {
      void vscode.window.showErrorMessage(`Cannot count lines of ${name}: ${describeError(err as Error)}`);
      return;
    }
    const counted = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Counting lines in ${name}`, cancellable: true },
      (progress, token) => new Promise<boolean>((resolve) => {
        let reported = 0;
        index.onProgress((p) => {
          const percent = Math.floor((100 * p.scannedBytes) / Math.max(1, p.fileSize));
          progress.report({ increment: percent - reported, message: `${percent} % of ${formatBytes(p.fileSize)}` });
          reported = percent;
        });
        token.onCancellationRequested(() => resolve(false));
        index.whenComplete().then(() => resolve(true), () => resolve(false));
      }),
    );
    const failure = index.error;
    const lines = counted ? index.lineCount : undefined;
    const size = index.fileSize;
    index.dispose();
    if (lines === undefined) {
      if (counted || (failure && !/disposed/.test(failure.message))) {
        void vscode.window.showErrorMessage(`Counting lines of ${name} failed: ${failure ? describeError(failure) : 'unknown error'}`);
      }
      return;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    const amount = `${lines.toLocaleString('en-US')} ${lines === 1 ? 'line' : 'lines'}`;
    const text = `${name}: ${amount} (${formatBytes(size)}, counted in ${seconds} s)`;
    result.text = `$(list-ordered) ${amount}`;
    result.tooltip = `${text} at ${new Date().toLocaleTimeString()}`;
    countedUri = uri.toString();
    showFor();
    void vscode.window.showInformationMessage(text);
  }));
}
