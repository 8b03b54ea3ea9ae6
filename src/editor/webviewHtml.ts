import * as crypto from 'crypto';
import * as vscode from 'vscode';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The viewer page: only the extension's own script and stylesheet, allowed by a
 * nonce-based Content Security Policy; no remote resources.
 */
export function viewerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'viewer.css'));
  const hexStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'hex.css'));
  const logStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'highlight', 'logColours.css'));
  const ansiStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'highlight', 'ansi.css'));
  const userStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'highlight', 'userHighlights.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${style}">
<link rel="stylesheet" nonce="${nonce}" href="${hexStyle}">
<link rel="stylesheet" nonce="${nonce}" href="${logStyle}">
<link rel="stylesheet" nonce="${nonce}" href="${ansiStyle}">
<link rel="stylesheet" nonce="${nonce}" href="${userStyle}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** A page that only says why the file could not be opened, in the editor's colours. */
export function errorHtml(title: string, message: string): string {
  const nonce = crypto.randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 2em; }
.error { border-left: 3px solid var(--vscode-inputValidation-errorBorder, #be1100); padding: 0.5em 1em; background: var(--vscode-inputValidation-errorBackground, transparent); }
h2 { font-weight: 600; font-size: 1.2em; }
</style>
<title>${escapeHtml(title)}</title>
</head>
<body>
<div class="error" role="alert"><h2>Cannot open ${escapeHtml(title)}</h2><p class="message">${escapeHtml(message)}</p></div>
</body>
</html>`;
}
