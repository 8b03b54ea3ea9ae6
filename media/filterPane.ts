/**
 * The filter pane (klogg's filtered view): rules "show lines matching" / "hide lines
 * matching", combined (any shown rule, no hidden rule), and below them the matching
 * lines with their numbers in the file, virtualized like the main view and asked
 * from the host in windows. Clicking a line (or Enter) shows it in the main view.
 */
import type { FilterLine, FilterLinesMessage, FilterProgressMessage } from '../src/editor/findProtocol';
import { MAX_FILTER_LINES_PER_REQUEST, MAX_FILTER_PATTERNS } from '../src/editor/findProtocol';
import type { ViewerMessage } from '../src/editor/protocol';
import type { SearchQuery } from '../src/search/query';
import { el, icon, pinScroll } from './dom';
import { clamp } from './guards';
import { compileMatcher, type LineMatcher, lineMatches } from '../src/search/lineMatches';
import { type ClassSpan, layerSpans } from './highlight/spanRuns';
import { renderText } from './lineRenderer';
import { QueryField } from './queryField';
import { Scrollbar } from './scrollbar';

const CACHE_ROWS = 3000;
const REQUEST_TIMEOUT_MS = 5000;

export interface FilterHost {
  post(message: ViewerMessage): void;
  /** Shows file line `line` in the main view. */
  reveal(line: number): void;
  lineHeight(): number;
  focusView(): void;
  /** The colours of a line's text from its start (log and ANSI), as the main view shows them. */
  spansOf(text: string): readonly ClassSpan[];
}

interface Rule {
  element: HTMLDivElement;
  mode: HTMLSelectElement;
  field: QueryField;
}

export class FilterPane {
  private readonly pane: HTMLDivElement;
  private readonly rulesEl: HTMLDivElement;
  private readonly statusEl: HTMLSpanElement;
  private readonly list: HTMLDivElement;
  private readonly rowsEl: HTMLDivElement;
  private readonly emptyEl: HTMLDivElement;
  private readonly bar: Scrollbar;
  private readonly rules: Rule[] = [];
  private readonly cache = new Map<number, FilterLine>();
  /** The shown rules' matchers: what each row highlights. */
  private highlight: LineMatcher[] = [];
  private filterId = 0;
  private nextId = 1;
  private total = 0;
  private done = false;
  private inflight: { id: number; sentAt: number } | undefined;
  private top = 0;
  private active = 0;
  private frame = 0;

  constructor(parent: HTMLElement, private readonly host: FilterHost) {
    this.pane = el('div', 'filter-pane hidden', parent);
    this.pane.setAttribute('role', 'region');
    this.pane.setAttribute('aria-label', 'Filter');
    const sash = el('div', 'filter-sash', this.pane);
    sash.addEventListener('pointerdown', (e) => this.resize(e, sash));
    const header = el('div', 'filter-header', this.pane);
    this.rulesEl = el('div', 'filter-rules', header);
    const tools = el('div', 'filter-tools', header);
    const add = this.button(tools, 'add', 'filter-add', 'Add a rule');
    add.addEventListener('click', () => this.addRule().field.input.focus());
    this.statusEl = el('span', 'filter-status', tools);
    this.statusEl.setAttribute('aria-live', 'polite');
    el('span', 'spacer', tools);
    this.button(tools, 'close', 'filter-close', 'Close the filter').addEventListener('click', () => this.close());

    this.list = el('div', 'filter-list', this.pane);
    pinScroll(this.list);
    this.list.tabIndex = 0;
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Matching lines');
    this.rowsEl = el('div', 'filter-rows', this.list);
    this.emptyEl = el('div', 'filter-empty', this.list);
    this.bar = new Scrollbar(this.list, {
      orientation: 'vertical', trackClass: 'filter-scroll-track', thumbClass: 'filter-scroll-thumb',
      onScroll: (r) => this.scrollTo(Math.round(r * this.maxTop())),
    });
    this.list.addEventListener('wheel', (e) => {
      e.preventDefault();
      const lines = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY : e.deltaY / this.host.lineHeight();
      this.scrollTo(this.top + Math.sign(lines) * Math.max(1, Math.round(Math.abs(lines))));
    }, { passive: false });
    this.list.addEventListener('keydown', (e) => this.onKey(e));
    this.list.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('.filter-row');
      if (row?.dataset.index) this.choose(Number(row.dataset.index));
    });
    new ResizeObserver(() => this.invalidate()).observe(this.list);
    this.addRule();
  }

  get isOpen(): boolean {
    return !this.pane.classList.contains('hidden');
  }

  contains(node: Node | null): boolean {
    return this.pane.contains(node);
  }

  /** Opens the pane (or focuses it) with the first rule's input focused; with a text or regex `query`, filtering by it. */
  open(query?: SearchQuery): void {
    if (query && query.kind !== 'bytes') this.rules[0].field.setQuery(query);
    this.pane.classList.remove('hidden');
    this.rules[0].field.input.focus();
    this.rules[0].field.input.select();
    this.invalidate();
  }

  close(): void {
    this.pane.classList.add('hidden');
    this.host.post({ type: 'filterStop' });
    this.filterId = 0;
    this.cache.clear();
    for (const rule of this.rules) rule.field.reset();
    this.host.focusView();
  }

  onProgress(m: FilterProgressMessage): void {
    if (m.id !== this.filterId) return;
    if (m.lines < this.total) this.cache.clear(); // rebuilt after an edit
    this.total = m.lines;
    this.done = m.done;
    const count = `${m.lines.toLocaleString()} ${m.lines === 1 ? 'line' : 'lines'}`;
    this.statusEl.textContent = m.error ?? (m.done ? count : `${count} · ${Math.floor(m.progress * 100)} %`);
    this.statusEl.classList.toggle('error', m.error !== undefined);
    this.invalidate();
  }

  onLines(m: FilterLinesMessage): void {
    if (m.filterId !== this.filterId || m.id !== this.inflight?.id) return;
    this.inflight = undefined;
    if (this.cache.size > CACHE_ROWS) this.cache.clear();
    for (const line of m.lines) this.cache.set(line.index, line);
    this.invalidate();
  }

  /** The content changed: the host rebuilds the filter, rows are asked again. */
  contentChanged(): void {
    this.cache.clear();
    this.inflight = undefined;
  }

  /** The marks changed: a filter showing marked lines is rebuilt by the host, its rows are asked again. */
  marksChanged(): void {
    if (this.filterId === 0 || !this.rules.some((r) => r.mode.value === 'marked')) return;
    this.contentChanged();
    this.invalidate();
  }

  private addRule(): Rule {
    const element = el('div', 'filter-rule', this.rulesEl);
    const mode = el('select', 'filter-mode', element);
    mode.setAttribute('aria-label', 'Show or hide the lines matching');
    for (const [value, label] of [['include', 'Show lines matching'], ['exclude', 'Hide lines matching'], ['marked', 'Show marked lines']]) {
      const option = el('option', '', mode);
      option.value = value;
      option.textContent = label;
    }
    const rule: Rule = { element, mode, field: new QueryField(element, 'Pattern', () => this.apply()) };
    const colour = this.button(element, 'highlight', 'filter-highlight', 'Colour the lines this rule matches (a highlight rule)');
    colour.addEventListener('click', () => {
      const query = rule.field.query();
      if (query && query.kind !== 'bytes') this.host.post({ type: 'addHighlight', query });
      else this.statusEl.textContent = 'Type a pattern first: the highlight rule colours the lines it matches.';
    });
    mode.addEventListener('change', () => {
      // Marked lines need no pattern: the field and its colouring go while the rule shows them.
      rule.field.element.classList.toggle('hidden', mode.value === 'marked');
      colour.classList.toggle('hidden', mode.value === 'marked');
      this.apply();
    });
    rule.field.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        rule.field.flush();
        this.apply();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.host.focusView();
      }
    });
    const remove = this.button(element, 'close', 'filter-remove', 'Remove this rule');
    remove.addEventListener('click', () => {
      if (this.rules.length === 1) rule.field.setText('');
      else {
        this.rules.splice(this.rules.indexOf(rule), 1);
        element.remove();
        this.apply();
      }
    });
    this.rules.push(rule);
    this.rulesEl.classList.toggle('full', this.rules.length >= MAX_FILTER_PATTERNS);
    return rule;
  }

  /** Sends the rules as a new filter (or stops when no rule has a pattern). */
  private apply(): void {
    const include: SearchQuery[] = [];
    const exclude: SearchQuery[] = [];
    let marked = false;
    for (const rule of this.rules.slice(0, MAX_FILTER_PATTERNS)) {
      if (rule.mode.value === 'marked') {
        marked = true;
        continue;
      }
      const query = rule.field.query();
      if (query) (rule.mode.value === 'exclude' ? exclude : include).push(query);
    }
    this.highlight = include.flatMap((q) => compileMatcher(q) ?? []);
    this.cache.clear();
    this.inflight = undefined;
    this.total = 0;
    this.top = 0;
    this.active = 0;
    if (include.length + exclude.length === 0 && !marked) {
      this.filterId = 0;
      this.host.post({ type: 'filterStop' });
      this.statusEl.textContent = this.rules.map((r) => r.field.invalid).find((why) => why) ?? '';
    } else {
      this.filterId = this.nextId++;
      this.done = false;
      this.statusEl.textContent = 'Filtering…';
      this.host.post({ type: 'filter', id: this.filterId, include, exclude, ...(marked ? { marked } : {}) });
    }
    this.statusEl.classList.toggle('error', this.rules.some((r) => r.field.invalid !== undefined));
    this.invalidate();
  }

  private rowsVisible(): number {
    return Math.max(1, Math.floor(this.list.clientHeight / this.host.lineHeight()));
  }

  private maxTop(): number {
    return Math.max(0, this.total - this.rowsVisible());
  }

  private scrollTo(top: number): void {
    const next = clamp(top, 0, this.maxTop());
    if (next === this.top) return;
    this.top = next;
    this.invalidate();
  }

  private choose(index: number): void {
    if (index >= this.total) return;
    this.active = index;
    const line = this.cache.get(index)?.line;
    if (line !== undefined) this.host.reveal(line);
    this.invalidate();
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, this.rowsVisible() - 1);
    const moves: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, PageUp: -page, PageDown: page, Home: -Infinity, End: Infinity };
    if (e.key in moves && this.total > 0) {
      this.active = clamp(this.active + moves[e.key], 0, this.total - 1);
      if (this.active < this.top) this.top = this.active;
      else if (this.active >= this.top + this.rowsVisible()) this.top = this.active - this.rowsVisible() + 1;
      this.invalidate();
    } else if (e.key === 'Enter') {
      this.choose(this.active);
    } else if (e.key === 'Escape') {
      this.host.focusView();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  private invalidate(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.frame = 0;
    if (!this.isOpen) return;
    const lh = this.host.lineHeight();
    const rows = Math.ceil(this.list.clientHeight / lh);
    this.top = clamp(this.top, 0, this.maxTop());
    const end = Math.min(this.total, this.top + rows);
    const shown: HTMLElement[] = [];
    for (let index = this.top; index < end; index++) {
      const row = (this.rowsEl.children[index - this.top] as HTMLDivElement | undefined) ?? this.createRow();
      const line = this.cache.get(index);
      row.dataset.index = String(index);
      row.style.top = `${(index - this.top) * lh}px`;
      row.classList.toggle('active', index === this.active);
      row.setAttribute('aria-selected', String(index === this.active));
      const [number, text] = row.children as unknown as [HTMLDivElement, HTMLDivElement];
      const key = line ? `${this.filterId}\u0000${line.line}\u0000${line.text}` : '';
      if (row.dataset.key !== key) {
        row.dataset.key = key;
        row.dataset.line = line ? String(line.line) : '';
        number.textContent = line ? String(line.line + 1) : '';
        if (line) this.renderRow(text, line.text);
        else text.textContent = '…';
        text.classList.toggle('placeholder', !line);
      }
      shown.push(row);
    }
    while (this.rowsEl.children.length > shown.length) this.rowsEl.lastElementChild!.remove();
    const empty = this.filterId === 0 ? 'Type a pattern to show only the lines that match it.' : this.done && this.total === 0 ? 'No lines match.' : '';
    this.emptyEl.textContent = empty;
    this.emptyEl.classList.toggle('hidden', empty === '');
    const maxTop = this.maxTop();
    this.bar.update(maxTop > 0 ? this.top / maxTop : 0, this.total > 0 ? rows / this.total : 1, maxTop > 0, this.list.clientHeight);
    this.pane.dataset.lines = String(this.total);
    this.pane.dataset.done = String(this.done);
    this.fetch(this.top, end);
  }

  /**
   * The line's text in its colours, with what the shown rules matched marked over them,
   * as the main view highlights find matches.
   */
  private renderRow(el: HTMLElement, text: string): void {
    const ranges = this.highlight.flatMap((m) => lineMatches(m, text)).sort((a, b) => a[0] - b[0]);
    const matched: ClassSpan[] = [];
    let at = 0;
    for (const [from, to] of ranges) {
      if (to <= at) continue;
      matched.push({ start: Math.max(from, at), end: to, className: 'filter-match' });
      at = to;
    }
    renderText(el, text, layerSpans(this.host.spansOf(text), matched));
  }

  /** The colours changed (theme, settings): every row is drawn again. */
  recolour(): void {
    for (const row of Array.from(this.rowsEl.children)) delete (row as HTMLElement).dataset.key;
    this.invalidate();
  }

  private createRow(): HTMLDivElement {
    const row = el('div', 'filter-row', this.rowsEl);
    row.setAttribute('role', 'option');
    el('div', 'filter-number', row);
    el('div', 'filter-text', row);
    return row;
  }

  /** Asks for the rows in view that are not here, one request at a time. */
  private fetch(start: number, end: number): void {
    if (this.filterId === 0) return;
    const now = performance.now();
    if (this.inflight && now - this.inflight.sentAt < REQUEST_TIMEOUT_MS) return;
    let from = start;
    while (from < end && this.cache.has(from)) from++;
    if (from >= end) return;
    const id = this.nextId++;
    this.inflight = { id, sentAt: now };
    const count = Math.min(MAX_FILTER_LINES_PER_REQUEST, Math.max(end - from, 2 * (end - start)));
    this.host.post({ type: 'getFilterLines', id, filterId: this.filterId, start: from, count });
    window.setTimeout(() => this.invalidate(), REQUEST_TIMEOUT_MS + 50);
  }

  /** Drag the top edge to make the pane taller or shorter. */
  private resize(e: PointerEvent, sash: HTMLElement): void {
    e.preventDefault();
    sash.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const startHeight = this.pane.getBoundingClientRect().height;
    const parentHeight = this.pane.parentElement!.getBoundingClientRect().height;
    const move = (ev: PointerEvent): void => {
      const height = clamp(startHeight + startY - ev.clientY, 80, parentHeight - 120);
      this.pane.style.height = `${height}px`;
      this.invalidate();
    };
    const up = (): void => {
      sash.removeEventListener('pointermove', move);
      sash.removeEventListener('pointerup', up);
    };
    sash.addEventListener('pointermove', move);
    sash.addEventListener('pointerup', up);
  }

  private button(parent: HTMLElement, name: 'add' | 'close' | 'highlight', className: string, title: string): HTMLButtonElement {
    const button = el('button', `filter-button ${className}`, parent);
    button.type = 'button';
    button.title = title;
    button.setAttribute('aria-label', title);
    button.appendChild(icon(name));
    return button;
  }
}
