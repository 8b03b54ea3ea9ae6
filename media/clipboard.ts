/**
 * Clipboard commands that do not come from the keyboard: VS Code's Edit menu and
 * context menu run copy/cut/paste inside the webview's frame, which arrives here as DOM
 * clipboard events. (Ctrl+C/X/V are handled as keys by the viewer, which stops them
 * there, so they are neither forwarded to VS Code nor turned into these events: one
 * key press, one action.)
 */

export type ClipboardAction = 'copy' | 'cut' | 'paste';

/** Runs `run` for the clipboard events of the document while `owns()` says they are ours, until `signal` aborts. */
export function listenClipboard(owns: () => boolean, run: (action: ClipboardAction) => void, signal: AbortSignal): void {
  for (const action of ['copy', 'cut', 'paste'] as const) {
    // A non-editable element gets clipboard events only if their "before" event is cancelled.
    document.addEventListener(`before${action}`, (e) => {
      if (owns()) e.preventDefault();
    }, { signal });
    document.addEventListener(action, (e) => {
      if (!owns()) return;
      e.preventDefault();
      run(action);
    }, { signal });
  }
}
