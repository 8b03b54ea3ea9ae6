/** The parts around the text: the toolbar (file, index progress, buttons) and notice bars. */
import type { FileState } from '../src/editor/protocol';
import { formatBytes } from '../src/editor/format';
import { el, icon } from './dom';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export function statusText(state: FileState): string {
  let status: string;
  if (!state.complete) {
    const pct = Math.floor(Math.min(1, Math.max(0, state.progress)) * 100);
    status = `Indexing ${pct} % · ~${state.lineCount.toLocaleString()} lines`;
  } else {
    status = `${state.lineCount.toLocaleString()} ${state.lineCount === 1 ? 'line' : 'lines'} · ${formatBytes(state.fileSize)}`;
  }
  return state.readOnly ? `${status} · read-only` : status;
}

export class Toolbar {
  private readonly fileName: HTMLSpanElement;
  private readonly status: HTMLSpanElement;
  private readonly follow: HTMLButtonElement;

  constructor(parent: HTMLElement, actions: { goToLine(): void; toggleFollow(): void; find(): void; filter(): void }) {
    const bar = el('div', 'toolbar', parent);
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'File');
    this.fileName = el('span', 'file-name', bar);
    this.status = el('span', 'status', bar);
    this.status.setAttribute('aria-live', 'polite');
    el('span', 'spacer', bar);
    const find = el('button', 'tool-button', bar);
    find.id = 'find';
    find.type = 'button';
    find.title = `Find (${IS_MAC ? '⌘F' : 'Ctrl+F'})`;
    find.textContent = 'Find';
    find.addEventListener('click', () => actions.find());
    const filter = el('button', 'tool-button', bar);
    filter.id = 'filter';
    filter.type = 'button';
    filter.title = `Filter: show only the lines that match (${IS_MAC ? '⌥⌘L' : 'Ctrl+Alt+L'})`;
    filter.append(icon('filter'), document.createTextNode('Filter'));
    filter.addEventListener('click', () => actions.filter());
    const goto = el('button', 'tool-button', bar);
    goto.id = 'goto';
    goto.type = 'button';
    goto.title = `Go to Line… (${IS_MAC ? '⌘G' : 'Ctrl+G'})`;
    goto.textContent = 'Go to Line…';
    goto.addEventListener('click', () => actions.goToLine());
    this.follow = el('button', 'tool-button toggle', bar);
    this.follow.id = 'follow';
    this.follow.type = 'button';
    this.follow.title = 'Follow: keep the end of the file in view as it grows';
    this.follow.setAttribute('aria-pressed', 'false');
    this.follow.append(icon('follow'), document.createTextNode('Follow'));
    this.follow.addEventListener('click', () => actions.toggleFollow());
  }

  update(state: FileState): void {
    if (this.fileName.textContent !== state.fileName) {
      this.fileName.textContent = state.fileName;
      this.fileName.title = state.fileName;
    }
    const status = statusText(state);
    if (this.status.textContent !== status) this.status.textContent = status;
    const pressed = String(state.following);
    if (this.follow.getAttribute('aria-pressed') !== pressed) this.follow.setAttribute('aria-pressed', pressed);
  }
}

/** Message bars above the text, newest last, at most three, each with a close button. */
export class Notices {
  private readonly box: HTMLDivElement;

  constructor(parent: HTMLElement, private readonly onClose: () => void) {
    this.box = el('div', 'notices', parent);
  }

  contains(node: Node | null): boolean {
    return this.box.contains(node);
  }

  show(level: 'info' | 'warning' | 'error', text: string): void {
    for (const n of Array.from(this.box.children)) {
      if ((n as HTMLElement).dataset.text === text) n.remove();
    }
    while (this.box.children.length >= 3) this.box.firstElementChild?.remove();
    const bar = el('div', `notice notice-${level}`, this.box);
    bar.dataset.text = text;
    bar.setAttribute('role', level === 'info' ? 'status' : 'alert');
    bar.appendChild(icon(level, 'notice-icon'));
    el('span', 'notice-text', bar).textContent = text;
    const close = el('button', 'notice-close', bar);
    close.type = 'button';
    close.title = 'Dismiss';
    close.setAttribute('aria-label', 'Dismiss message');
    close.appendChild(icon('close'));
    close.addEventListener('click', () => {
      bar.remove();
      this.onClose();
    });
  }
}
