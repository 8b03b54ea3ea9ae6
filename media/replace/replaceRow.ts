/**
 * The find widget's replace row, as in VS Code: a chevron along the widget's left edge
 * shows or hides it; the replace input with its Preserve Case toggle, Replace and
 * Replace All. It only collects the replacement and reports presses; the replace
 * session sends them.
 */
import { el, icon } from '../dom';
import type { FindWidget } from '../findWidget';
import { REPLACE_KEY_LABELS, replaceKey } from './replaceKeys';

export interface ReplaceRowActions {
  replaceOne(): void;
  replaceAll(): void;
  /** Stops the Replace All running (its button while it runs, Escape). */
  stop(): void;
}

export class ReplaceRow {
  readonly input: HTMLInputElement;
  private readonly row: HTMLDivElement;
  private readonly toggle: HTMLButtonElement;
  private readonly preserve: HTMLButtonElement;
  private readonly oneButton: HTMLButtonElement;
  private readonly allButton: HTMLButtonElement;
  private running = false;
  private readOnly = false;

  constructor(private readonly widget: FindWidget, private readonly actions: ReplaceRowActions) {
    this.toggle = el('button', 'find-replace-toggle');
    this.toggle.type = 'button';
    this.toggle.title = 'Toggle Replace';
    this.toggle.setAttribute('aria-label', 'Toggle Replace');
    this.toggle.addEventListener('click', () => this.show(!this.shown));

    this.row = el('div', 'find-row replace-row');
    const field = el('div', 'find-field replace-field', this.row);
    this.input = el('input', 'replace-input', field);
    this.input.type = 'text';
    this.input.placeholder = 'Replace';
    this.input.setAttribute('aria-label', 'Replace');
    this.input.spellcheck = false;
    this.preserve = el('button', 'find-toggle find-preserve', field);
    this.preserve.type = 'button';
    this.preserve.textContent = 'AB';
    this.label(this.preserve, `Preserve Case (${REPLACE_KEY_LABELS.preserveCase})`);
    this.preserve.setAttribute('aria-pressed', 'false');
    this.preserve.addEventListener('click', () => {
      this.togglePreserveCase();
      this.input.focus();
    });
    this.oneButton = this.button('replace', 'find-replace-one', 'Replace (Enter)', () => this.actions.replaceOne());
    this.allButton = this.button('replaceAll', 'find-replace-all', '', () => (this.running ? this.actions.stop() : this.actions.replaceAll()));
    this.setRunning(false);
    this.show(false);
    widget.addRow(this.row, this.toggle);
    // Before the widget's own keys: Enter here replaces, Escape stops a Replace All first.
    widget.box.addEventListener('keydown', (e) => this.onKey(e), { capture: true });
  }

  get shown(): boolean {
    return !this.row.classList.contains('hidden');
  }

  show(shown: boolean): void {
    this.row.classList.toggle('hidden', !shown);
    this.toggle.setAttribute('aria-expanded', String(shown));
    this.toggle.replaceChildren(icon(shown ? 'chevronDown' : 'chevronRight'));
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  get replacement(): string {
    return this.input.value;
  }

  get preserveCase(): boolean {
    return this.preserve.getAttribute('aria-pressed') === 'true';
  }

  togglePreserveCase(): void {
    this.preserve.setAttribute('aria-pressed', String(!this.preserveCase));
  }

  /** While Replace All runs, its button stops it, and Replace waits. */
  setRunning(running: boolean): void {
    this.running = running;
    this.allButton.replaceChildren(icon(running ? 'stop' : 'replaceAll'));
    this.label(this.allButton, running ? 'Stop Replace All (Escape)' : `Replace All (${REPLACE_KEY_LABELS.replaceAll})`);
    this.enable();
  }

  /** A read-only file: nothing to replace (the buttons are disabled). */
  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    this.enable();
  }

  private enable(): void {
    this.oneButton.disabled = this.readOnly || this.running;
    this.allButton.disabled = this.readOnly && !this.running;
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.shown) return;
    const target = e.target;
    if (e.key === 'Escape' && this.running) this.actions.stop();
    else if (e.key === 'Tab' && !e.shiftKey && target === this.widget.input) this.input.focus();
    else if (e.key === 'Tab' && e.shiftKey && target === this.input) this.widget.input.focus();
    else {
      const key = replaceKey(e, target === this.input);
      if (key === 'preserveCase') this.togglePreserveCase();
      else if (key === 'replaceOne') this.actions.replaceOne();
      else if (key === 'replaceAll' && !this.running) this.actions.replaceAll();
      else if (!key) return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  private button(name: 'replace' | 'replaceAll', className: string, title: string, run: () => void): HTMLButtonElement {
    const button = el('button', `find-button ${className}`, this.row);
    button.type = 'button';
    this.label(button, title);
    button.appendChild(icon(name));
    button.addEventListener('click', run);
    return button;
  }

  private label(button: HTMLButtonElement, title: string): void {
    button.title = title;
    button.setAttribute('aria-label', title);
  }
}
