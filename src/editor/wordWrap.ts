/**
 * Word wrap for a text view, as VS Code's editor has it: `editor.wordWrap` and
 * `editor.wordWrapColumn` for the file (folder settings, and for a log the `[log]`
 * language's) until Toggle Word Wrap (Alt+Z) switches it for that view; a change of
 * either setting applies again.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { isLogFileName } from './logColourProtocol';
import { toggledWordWrap, wordWrapColumn, wordWrapSetting, type WordWrapMessage } from './wordWrapProtocol';

const SETTINGS = ['editor.wordWrap', 'editor.wordWrapColumn'];

/**
 * Where the settings are read for `uri`. A custom editor has no text document to name
 * its language, and opening one would read the file; a log's name gives VS Code's Log
 * language, whose settings users set for logs (`"[log]": { "editor.wordWrap": "on" }`).
 */
function scopeOf(uri: vscode.Uri): vscode.ConfigurationScope {
  return isLogFileName(path.basename(uri.fsPath)) ? { uri, languageId: 'log' } : uri;
}

/** One view's word wrap, starting from the settings for `uri`. */
export class ViewWordWrap {
  private wrap: WordWrapMessage;

  constructor(private readonly uri: vscode.Uri) {
    this.wrap = this.configured();
  }

  /** The message that sets the view's word wrap up. */
  get message(): WordWrapMessage {
    return this.wrap;
  }

  /** The settings changed: they apply again (a toggle is forgotten). */
  reset(): void {
    this.wrap = this.configured();
  }

  /** Toggle Word Wrap: off when wrapping, else the configured mode (`on` when that is off). */
  toggle(): void {
    const configured = this.configured();
    this.wrap = { ...configured, wrap: toggledWordWrap(this.wrap.wrap, configured.wrap) };
  }

  private configured(): WordWrapMessage {
    const editor = vscode.workspace.getConfiguration('editor', scopeOf(this.uri));
    return { type: 'wordWrap', wrap: wordWrapSetting(editor.get('wordWrap')), column: wordWrapColumn(editor.get('wordWrapColumn')) };
  }
}

/** Calls `listener` when a word wrap setting for `uri` changes. */
export function onDidChangeWordWrap(uri: vscode.Uri, listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (SETTINGS.some((s) => e.affectsConfiguration(s, scopeOf(uri)))) listener();
  });
}
