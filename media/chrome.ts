/** The parts around a view: the toolbar (file, status, buttons) and notice bars. */
import type { FileState } from '../src/editor/protocol';
import { formatBytes } from '../src/editor/format';
import { el, icon, ICONS } from './dom';
import { IS_MAC } from './keys';

export function statusText(state: FileState): string {
  let status: string;
  if (!state.complete) {
    const pct = Math.floor(Math.min(1, Math.max(0, state.progress)) * 100);
    status = `Indexing ${pct} % · ~${state.lineCount.toLocaleString()} lines`;
  } else {
    const lines = state.countedLines ?? state.lineCount;
    status = `${lines.toLocaleString()} ${lines === 1 ? 'line' : 'lines'} · ${formatBytes(state.fileSize)}`;
  }
  return state.readOnly ? `${status} · read-only` : status;
}

/** A toolbar button; a toggle when it has `pressed`. */
export interface ToolButton {
  id: string;
  label: string;
  title: string;
  icon?: keyof typeof ICONS;
  /** Pressed (aria-pressed) while this is true of the file's state. */
  pressed?: (state: FileState) => boolean;
  run(): void;
}

/** The view toggle, in both views at the same place: pressed while hex is shown. */
export function viewButton(hexShown: boolean, toggleView: () => void): ToolButton {
  return {
    id: 'view',
    label: 'Hex',
    title: hexShown ? 'Show as text (Huge File: Toggle Hex View)' : 'Show as hex bytes (Huge File: Toggle Hex View)',
    pressed: () => hexShown,
    run: toggleView,
  };
}

/** The text view's buttons: Find, Filter, Go to Line, Follow, the view toggle. */
/** The Find button, the same in both views. */
export function findButton(run: () => void): ToolButton {
  return { id: 'find', label: 'Find', title: `Find (${IS_MAC ? '⌘F' : 'Ctrl+F'})`, run };
}

export function textButtons(actions: { find(): void; filter(): void; goToLine(): void; toggleFollow(): void; toggleView(): void }): ToolButton[] {
  return [
    findButton(actions.find),
    { id: 'filter', label: 'Filter', icon: 'filter', title: `Filter: show only the lines that match (${IS_MAC ? '⌥⌘L' : 'Ctrl+Alt+L'})`, run: actions.filter },
    { id: 'goto', label: 'Go to Line…', title: `Go to Line… (${IS_MAC ? '⌘G' : 'Ctrl+G'})`, run: actions.goToLine },
    {
      id: 'follow', label: 'Follow', icon: 'follow', title: 'Follow: keep the end of the file in view as it grows',
      pressed: (state) => state.following, run: actions.toggleFollow,
    },
    viewButton(false, actions.toggleView),
  ];
}

export class Toolbar {
  private readonly fileName: HTMLSpanElement;
  private readonly status: HTMLSpanElement;
  private readonly toggles: { button: HTMLButtonElement; pressed: (state: FileState) => boolean }[] = [];

  /** `status` words the file's state (the text view's: lines and indexing). */
  constructor(parent: HTMLElement, buttons: ToolButton[], private readonly statusOf: (state: FileState) => string = statusText) {
    const bar = el('div', 'toolbar', parent);
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'File');
    this.fileName = el('span', 'file-name', bar);
    this.status = el('span', 'status', bar);
    this.status.setAttribute('aria-live', 'polite');
    el('span', 'spacer', bar);
    for (const b of buttons) {
      const button = el('button', b.pressed ? 'tool-button toggle' : 'tool-button', bar);
      button.id = b.id;
      button.type = 'button';
      button.title = b.title;
      if (b.icon) button.append(icon(b.icon));
      button.append(document.createTextNode(b.label));
      button.addEventListener('click', () => b.run());
      if (b.pressed) {
        button.setAttribute('aria-pressed', 'false');
        this.toggles.push({ button, pressed: b.pressed });
      }
    }
  }

  update(state: FileState): void {
    if (this.fileName.textContent !== state.fileName) {
      this.fileName.textContent = state.fileName;
      this.fileName.title = state.fileName;
    }
    const status = this.statusOf(state);
    if (this.status.textContent !== status) this.status.textContent = status;
    for (const { button, pressed } of this.toggles) {
      const value = String(pressed(state));
      if (button.getAttribute('aria-pressed') !== value) button.setAttribute('aria-pressed', value);
    }
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

  /**
   * Shows a message bar (at most three; the same text is not shown twice). A notice
   * of a `topic` replaces the one before it of that topic (the file on disk, the save),
   * and empty text only removes it.
   */
  show(level: 'info' | 'warning' | 'error', text: string, topic?: string): void {
    for (const n of Array.from(this.box.children) as HTMLElement[]) {
      if (n.dataset.text === text || (topic !== undefined && n.dataset.topic === topic)) n.remove();
    }
    if (text === '') return;
    while (this.box.children.length >= 3) this.box.firstElementChild?.remove();
    const bar = el('div', `notice notice-${level}`, this.box);
    bar.dataset.text = text;
    if (topic !== undefined) bar.dataset.topic = topic;
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
