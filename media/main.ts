/**
 * The webview page: asks the host for its state, shows the text or the hex view as
 * the host says (at `init`, and again on `mode`), and routes the host's messages to
 * the view shown. Switching views replaces one with the other in the same page (no
 * reload): the old view's listeners go with its AbortSignal.
 */
import type { HostMessage, ViewerMessage, ViewMode } from '../src/editor/protocol';
import { el } from './dom';
import { HexView } from './hex/hexView';
import type { View, VsCodeApi } from './page';
import { Viewer } from './viewer';

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let shown: { mode: ViewMode; view: View; abort: AbortController } | undefined;

function savedStates(): Partial<Record<ViewMode, unknown>> {
  const all = vscode.getState();
  return typeof all === 'object' && all !== null ? all as Partial<Record<ViewMode, unknown>> : {};
}

/** The host channel as one view sees it: dead once the view is replaced, its own saved state. */
function channelFor(mode: ViewMode, signal: AbortSignal): VsCodeApi {
  return {
    postMessage: (message: ViewerMessage) => {
      if (!signal.aborted) vscode.postMessage(message);
    },
    getState: () => savedStates()[mode],
    setState: (state: unknown) => {
      if (!signal.aborted) vscode.setState({ ...savedStates(), [mode]: state });
    },
  };
}

/** A new, empty #root in place of the old one: a replaced view's late frames write to a detached element. */
function freshRoot(className: string): HTMLElement {
  const root = el('div', className);
  root.id = 'root';
  const old = document.getElementById('root');
  if (old) old.replaceWith(root);
  else document.body.appendChild(root);
  return root;
}

function show(mode: ViewMode): void {
  shown?.abort.abort();
  const root = freshRoot(`hfe ${mode}-mode`);
  const abort = new AbortController();
  const page = { root, vscode: channelFor(mode, abort.signal), signal: abort.signal };
  const view = mode === 'hex' ? new HexView(page) : new Viewer(page);
  shown = { mode, view, abort };
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as HostMessage;
  if (typeof m !== 'object' || m === null) return;
  if (m.type === 'mode') {
    if ((m.mode === 'text' || m.mode === 'hex') && m.mode !== shown?.mode) {
      // A switch starts the view where the host says (the other view's place), not where it was last time.
      vscode.setState({ ...savedStates(), [m.mode]: undefined });
      show(m.mode);
      vscode.postMessage({ type: 'ready' });
    }
    return;
  }
  if (m.type === 'init') {
    const mode: ViewMode = m.mode === 'hex' ? 'hex' : 'text';
    if (shown?.mode !== mode) show(mode);
  }
  shown?.view.onMessage(m);
});

// The page is up (benchmarks look for this); the view comes with the host's `init`.
freshRoot('hfe');
vscode.postMessage({ type: 'ready' });
