import * as vscode from 'vscode';

/**
 * Resolves once VS Code's window has handled what this extension host sent it before.
 * The window takes a custom editor's edits onto its undo stack a few promise turns
 * after they arrive, while a command that arrived with them runs at once: an undo sent
 * right behind an edit would take back the edit before it. A round trip to the window
 * (a context key set to the value it already has, which changes nothing) lets it finish
 * with them first.
 */
export function windowRoundTrip(): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'hugefile.roundTrip', true);
}
