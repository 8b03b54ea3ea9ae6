/**
 * Where the hex view's keys go. On the rows: Escape closes an open find widget
 * first, then the view's bindings (hexKeys.ts) run as commands, and a key they do
 * not take goes on to VS Code. On the whole page, before VS Code's own listener:
 * Go to Offset, Find, Filter Lines and F3. Clipboard events on the rows become
 * copy, cut and paste.
 */
import type { ViewerMessage } from '../../src/editor/protocol';
import { listenClipboard } from '../clipboard';
import { hasMod } from '../keys';
import type { HexFind } from './hexFind';
import { type HexCommand, hexKeyCommand } from './hexKeys';

/** What the keys reach in the view. */
export interface KeyTargets {
  readonly find: HexFind;
  post(message: ViewerMessage): void;
  /** Runs a command; false when it does nothing, so the key goes on. */
  run(command: HexCommand): boolean;
}

/** Listens for the hex view's keys on `editor` (its rows) and on the page, until `signal` aborts. */
export function routeHexKeys(editor: HTMLElement, to: KeyTargets, signal: AbortSignal): void {
  const find = to.find;
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && find.session.widget.isOpen) {
      e.preventDefault();
      e.stopPropagation();
      find.session.close();
      return;
    }
    const command = hexKeyCommand(e);
    if (command && to.run(command)) {
      e.preventDefault();
      e.stopPropagation();
    }
  });
  // Capture phase, before VS Code's forwarding listener on the window: Ctrl+G is ours.
  window.addEventListener('keydown', (e) => {
    const plain = hasMod(e) && !e.altKey && !e.shiftKey;
    if (plain && e.key.toLowerCase() === 'g') to.post({ type: 'command', command: 'goToOffset' });
    else if (plain && e.key.toLowerCase() === 'f') find.open();
    // Filter Lines: the host opens it in the text view (the text view's own key, as VS Code may not get it from a webview).
    else if (hasMod(e) && e.altKey && !e.shiftKey && e.code === 'KeyL') to.post({ type: 'command', command: 'filterLines' });
    else if (e.key === 'F3' && !hasMod(e) && !e.altKey) find.session.next(e.shiftKey);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }, { capture: true, signal });
  listenClipboard(() => document.activeElement === editor,
    (action) => to.run(action === 'copy' ? { kind: 'copy', asText: false } : { kind: action }), signal);
}
