/**
 * The data inspector beside the hex rows: the bytes at the caret (or from the
 * selection's start) read as 8- to 64-bit integers and floats, in the byte order
 * chosen. A value typed into a row and confirmed with Enter is written back there
 * as bytes (an overwrite);
 * Escape puts the shown value back and returns to the bytes.
 */
import { inspect, type InspectorLabel } from '../../src/hex/dataInspector';
import { el } from '../dom';
import { offsetHex } from './hexFormat';

export interface InspectorActions {
  /** Writes `text` as a `label` value where the inspector reads; returns an error message when it cannot. */
  write(label: InspectorLabel, text: string): string | undefined;
  setLittleEndian(littleEndian: boolean): void;
  /** Focus goes back to the hex rows. */
  leave(): void;
}

interface Field {
  label: InspectorLabel;
  input: HTMLInputElement;
  /** The value shown for the current bytes (what Escape restores). */
  shown: string;
}

export class DataInspectorPanel {
  readonly el: HTMLElement;
  private readonly at: HTMLDivElement;
  private readonly table: HTMLTableSectionElement;
  private readonly error: HTMLDivElement;
  private readonly little: HTMLButtonElement;
  private readonly big: HTMLButtonElement;
  private readonly fields = new Map<InspectorLabel, Field>();
  /** See fitWidth; 0 until measured. */
  private fit = 0;

  constructor(parent: HTMLElement, private readonly actions: InspectorActions) {
    this.el = el('aside', 'inspector', parent);
    this.el.setAttribute('aria-label', 'Data inspector');
    const head = el('div', 'inspector-head', this.el);
    el('span', 'inspector-title', head).textContent = 'Data inspector';
    const order = el('span', 'inspector-order', head);
    order.setAttribute('role', 'group');
    order.setAttribute('aria-label', 'Byte order');
    this.little = orderButton(order, 'LE', 'Little endian: least significant byte first', () => actions.setLittleEndian(true));
    this.big = orderButton(order, 'BE', 'Big endian: most significant byte first', () => actions.setLittleEndian(false));
    this.at = el('div', 'inspector-at', this.el);
    this.table = el('tbody', '', el('table', 'inspector-table', this.el));
    this.error = el('div', 'inspector-error hidden', this.el);
    this.error.setAttribute('role', 'alert');
  }

  /**
   * Shows the readings of `bytes` (read at `offset`; undefined while they load). A
   * field the user is typing into keeps its text.
   */
  update(bytes: Uint8Array | undefined, offset: number, littleEndian: boolean, readOnly: boolean): void {
    this.little.setAttribute('aria-pressed', String(littleEndian));
    this.big.setAttribute('aria-pressed', String(!littleEndian));
    this.at.textContent = `At offset 0x${offsetHex(offset, 1)} (${offset.toLocaleString('en-US')}), ${littleEndian ? 'little' : 'big'} endian`;
    for (const value of inspect(bytes ?? new Uint8Array(8), littleEndian)) {
      const field = this.fields.get(value.label) ?? this.addField(value.label);
      field.shown = bytes === undefined ? '…' : value.byteLength > bytes.length ? '' : value.value;
      field.input.readOnly = readOnly || bytes === undefined || !value.editable;
      field.input.placeholder = bytes !== undefined && value.byteLength > bytes.length ? 'past the end' : '';
      if (document.activeElement !== field.input && field.input.value !== field.shown) field.input.value = field.shown;
    }
  }

  /** The fonts changed: fitWidth measures again. */
  remeasure(): void {
    this.fit = 0;
  }

  /**
   * The panel's width that shows every value whole beside its label (hex.css gives a
   * value the room of the longest reading), measured once the panel is shown and has
   * its rows (0 before). Sets --inspector-cell, one label and value, for the stacked layout.
   */
  fitWidth(): number {
    if (this.fit === 0) {
      const input = this.fields.values().next().value?.input;
      const th = input?.closest('tr')?.querySelector('th');
      if (!input || !th || this.el.offsetWidth === 0) return 0;
      const cell = Math.ceil(th.offsetWidth + parseFloat(getComputedStyle(input).minWidth));
      const style = getComputedStyle(this.el);
      // offsetWidth - clientWidth: the border and the scrollbar's gutter; one pixel for the other layout's border.
      this.fit = cell + Math.ceil(parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)) + this.el.offsetWidth - this.el.clientWidth + 1;
      this.el.style.setProperty('--inspector-cell', `${cell}px`);
    }
    return this.fit;
  }

  private addField(label: InspectorLabel): Field {
    const row = el('tr', '', this.table);
    const th = el('th', '', row);
    th.scope = 'row';
    const id = `inspector-${label}`;
    const name = el('label', '', th);
    name.textContent = label;
    name.htmlFor = id;
    const input = el('input', 'inspector-value', el('td', '', row));
    input.id = id;
    input.type = 'text';
    input.spellcheck = false;
    input.autocomplete = 'off';
    const field: Field = { label, input, shown: '' };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !input.readOnly) {
        const problem = this.actions.write(label, input.value);
        this.showError(problem);
        if (!problem) input.select();
      } else if (e.key === 'Escape') {
        input.value = field.shown;
        this.showError(undefined);
        this.actions.leave();
      } else {
        return;
      }
      // Handled here: not a key for VS Code's bindings.
      e.preventDefault();
      e.stopPropagation();
    });
    input.addEventListener('blur', () => {
      input.value = field.shown;
      input.removeAttribute('aria-invalid');
    });
    this.fields.set(label, field);
    return field;
  }

  private showError(message: string | undefined): void {
    this.error.classList.toggle('hidden', message === undefined);
    this.error.textContent = message ?? '';
    for (const f of this.fields.values()) {
      if (message !== undefined && document.activeElement === f.input) f.input.setAttribute('aria-invalid', 'true');
      else f.input.removeAttribute('aria-invalid');
    }
  }
}

function orderButton(parent: HTMLElement, label: string, title: string, run: () => void): HTMLButtonElement {
  const button = el('button', 'tool-button toggle', parent);
  button.type = 'button';
  button.textContent = label;
  button.title = title;
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', run);
  return button;
}
