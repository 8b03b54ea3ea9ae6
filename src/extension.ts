import * as vscode from 'vscode';
import { registerAutoOpen } from './editor/autoOpen';
import { registerCountLines } from './editor/countLines';
import { addHighlightRule, manageHighlightRules } from './editor/highlightRules';
import { HugeEditorProvider } from './editor/hugeEditorProvider';
import { toggleAnsiEscapes } from './editor/logColours';
import { MARK_ACTIONS } from './editor/markProtocol';
import { MarkStore } from './marks/markStore';
import { openInHugeEditor } from './editor/openInHugeEditor';
import { encodingChoices, reopenWithEncoding } from './editor/reopenWithEncoding';
import { lineBreakChoices, reopenWithLineEnding } from './editor/reopenWithLineEnding';
import { IndexCache } from './editor/indexCache';
import { targetUri } from './editor/targetUri';

/** Registers the custom editor, its commands and the large-file redirect. */
export function activate(context: vscode.ExtensionContext): void {
  const provider = new HugeEditorProvider(
    context.extensionUri, context.storageUri ?? context.globalStorageUri, new MarkStore(context.globalState),
    encodingChoices(context.workspaceState), lineBreakChoices(context.workspaceState),
    new IndexCache(vscode.Uri.joinPath(context.globalStorageUri, 'line-index').fsPath),
  );
  context.subscriptions.push(
    provider,
    vscode.window.registerCustomEditorProvider(HugeEditorProvider.viewType, provider, {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('hugefile.open', async (arg?: unknown) => {
      const uri = await targetUri(arg, 'Open in Huge File Editor');
      if (uri) await openInHugeEditor(uri);
    }),
    vscode.commands.registerCommand('hugefile.goToLine', () => provider.activeSession?.goToLine()),
    vscode.commands.registerCommand('hugefile.toggleFollow', () => provider.activeSession?.toggleFollow()),
    vscode.commands.registerCommand('hugefile.toggleWordWrap', () => provider.activeSession?.toggleWordWrap()),
    vscode.commands.registerCommand('hugefile.toggleHexView', () => provider.activeSession?.toggleView()),
    vscode.commands.registerCommand('hugefile.goToOffset', () => provider.activeSession?.goToOffset()),
    vscode.commands.registerCommand('hugefile.find', () => provider.activeSession?.open('find')),
    vscode.commands.registerCommand('hugefile.replace', () => provider.activeSession?.open('replace')),
    vscode.commands.registerCommand('hugefile.filterLines', () => provider.activeSession?.open('filter')),
    ...MARK_ACTIONS.map((action) => vscode.commands.registerCommand(`hugefile.${action}`, () => provider.activeSession?.markCommand(action))),
    vscode.commands.registerCommand('hugefile.addHighlight', () => addHighlightRule(provider.activeSession?.highlightSeed)),
    vscode.commands.registerCommand('hugefile.manageHighlights', () => manageHighlightRules()),
    vscode.commands.registerCommand('hugefile.toggleAnsiEscapes', () => toggleAnsiEscapes()),
    vscode.commands.registerCommand('hugefile.reopenWithEncoding', () => reopenWithEncoding(provider.activeSession?.document, provider.encodings)),
    vscode.commands.registerCommand('hugefile.reopenWithLineEnding', () => reopenWithLineEnding(provider.activeSession?.document, provider.lineBreaks)),
    vscode.commands.registerCommand('hugefile.saveNow', () => {
      if (provider.activeSession) provider.activeSession.saveNow();
      else void vscode.commands.executeCommand('workbench.action.files.save');
    }),
  );
  registerCountLines(context);
  registerAutoOpen(context);
}

export function deactivate(): void {}
