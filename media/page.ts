/**
 * What a view (text or hex) gets from the page that hosts it: the element it owns,
 * its channel to the extension host, and a signal that fires when the page replaces
 * it with the other view. Views put every listener on `window` or `document` under
 * that signal, so a replaced view leaves nothing behind.
 */
import type { ViewerMessage } from '../src/editor/protocol';

export interface VsCodeApi {
  postMessage(message: ViewerMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export interface ViewPage {
  /** Emptied for the view; the view owns its content. */
  root: HTMLElement;
  /** Posts stop once the view is replaced; state is the view's own (text and hex keep theirs apart). */
  vscode: VsCodeApi;
  signal: AbortSignal;
}

/** A view as the page drives it: host messages in, nothing else. */
export interface View {
  onMessage(data: unknown): void;
}
