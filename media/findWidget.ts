/**
 * The find widget: VS Code's find box (query field, "3 of 1,234", previous/next,
 * close), themed with the same colours. It only collects the query and shows
 * results; the viewer sends the searches.
 */
import type { SearchQuery } from '../src/search/query';
import { el, icon } from './dom';
import { QueryField } from './queryField';

export interface FindActions {
  /** The query changed (undefined: the box is empty or the regex does not compile). */
  changed(query: SearchQuery | undefined): void;
  next(backwards: boolean): void;
  close(): void;
}

export class FindWidget {
  /** The widget; its keys reach listeners added here (capture) before the widget's own. */
  readonly box: HTMLDivElement;
  /** The find row, and rows added under it. */
  private readonly rows: HTMLDivElement;
  private readonly field: QueryField;
  private readonly countEl: HTMLSpanElement;

  /** With `hex`, the field offers hex byte patterns ("DE AD ?? EF"), and starts with them. */
  constructor(parent: HTMLElement, options: { hex?: boolean }, private readonly actions: FindActions) {
    this.box = el('div', 'find-widget hidden', parent);
    this.box.setAttribute('role', 'dialog');
    this.box.setAttribute('aria-label', 'Find');
    this.rows = el('div', 'find-rows', this.box);
    const row = el('div', 'find-row', this.rows);
    this.field = new QueryField(row, 'Find', (query) => {
      const invalid = this.field.invalid;
      this.showCount(invalid ?? '', invalid ? 'error' : 'ok');
      this.actions.changed(query);
    }, options.hex);
    this.countEl = el('span', 'find-count', row);
    this.countEl.setAttribute('aria-live', 'polite');
    this.button(row, 'up', 'find-prev', 'Previous Match (Shift+Enter)', () => this.actions.next(true));
    this.button(row, 'down', 'find-next', 'Next Match (Enter)', () => this.actions.next(false));
    this.button(row, 'close', 'find-close', 'Close (Escape)', () => this.actions.close());
    this.box.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** The find input. */
  get input(): HTMLInputElement {
    return this.field.input;
  }

  /** Adds `row` under the find row and `edge` along the widget's left edge (the replace row and its toggle). */
  addRow(row: HTMLElement, edge: HTMLElement): void {
    this.rows.appendChild(row);
    this.box.insertBefore(edge, this.rows);
    this.box.classList.add('with-edge');
  }

  /** Shows a text or regex `query` with its options, reported as if typed. */
  setQuery(query: Exclude<SearchQuery, { kind: 'bytes' }>): void {
    this.field.setQuery(query);
  }

  /** Reports the query typed and not yet reported now (see QueryField.flush). */
  flush(): void {
    this.field.flush();
  }

  get isOpen(): boolean {
    return !this.box.classList.contains('hidden');
  }

  /**
   * Shows the widget with `text` (the selection) if given, and focuses its input.
   * Reopened without a selection, it searches its text again from the caret (the
   * count it showed before it closed belongs to another place).
   */
  open(text?: string): void {
    const reopened = !this.isOpen;
    this.box.classList.remove('hidden');
    if (text) this.field.setText(text);
    else if (reopened) this.field.flush();
    this.field.input.focus();
    this.field.input.select();
  }

  /** How many rows of `lineHeight` the open widget covers at the top of the text (0 when closed). */
  rowsCovered(lineHeight: number): number {
    return this.isOpen ? Math.ceil(this.box.offsetHeight / lineHeight) : 0;
  }

  close(): void {
    this.field.reset();
    this.showCount('', 'ok');
    this.box.classList.add('hidden');
  }

  /** Shows the count ("3 of 1,234", "No results") or an error. */
  showCount(text: string, state: 'ok' | 'none' | 'error'): void {
    this.countEl.textContent = text;
    this.countEl.title = state === 'error' ? text : '';
    this.box.classList.toggle('no-results', state !== 'ok');
  }

  private onKey(e: KeyboardEvent): void {
    // Enter on a button presses it.
    if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      // A query typed and not yet sent finds its first match first, as typing finds it in
      // VS Code: Enter then goes on from it (waiting for it), whether typing paused or not.
      this.field.flush();
      this.actions.next(e.shiftKey);
    } else if (e.key === 'Escape') {
      this.actions.close();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  private button(parent: HTMLElement, name: 'up' | 'down' | 'close', className: string, title: string, run: () => void): void {
    const button = el('button', `find-button ${className}`, parent);
    button.type = 'button';
    button.title = title;
    button.setAttribute('aria-label', title);
    button.appendChild(icon(name));
    button.addEventListener('click', run);
  }
}
