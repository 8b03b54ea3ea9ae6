/**
 * A search input with VS Code's option toggles (match case, whole word, regular
 * expression, also Alt+C/W/R), as in the find widget: used by find and by each
 * filter rule. It reports the query it describes; it searches nothing itself.
 */
import type { SearchQuery } from '../src/search/query';
import { el } from './dom';
import { IS_MAC } from './keys';

const TYPING_DELAY_MS = 150;

interface Toggle {
  button: HTMLButtonElement;
  on: boolean;
}

export class QueryField {
  readonly element: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly toggles: { matchCase: Toggle; wholeWord: Toggle; regex: Toggle };
  private timer = 0;
  private lastKey = '';

  /** `changed` runs (after a short typing pause) when the query it describes changes. */
  constructor(parent: HTMLElement, label: string, private readonly changed: (query: SearchQuery | undefined) => void) {
    this.element = el('div', 'find-field', parent);
    this.input = el('input', 'find-input', this.element);
    this.input.type = 'text';
    this.input.placeholder = label;
    this.input.setAttribute('aria-label', label);
    this.input.spellcheck = false;
    const alt = IS_MAC ? '⌥' : 'Alt+';
    this.toggles = {
      matchCase: this.toggle('find-case', 'Aa', `Match Case (${alt}C)`),
      wholeWord: this.toggle('find-word', 'ab', `Match Whole Word (${alt}W)`),
      regex: this.toggle('find-regex', '.*', `Use Regular Expression (${alt}R)`),
    };
    this.input.addEventListener('input', () => this.schedule(TYPING_DELAY_MS));
    this.element.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** The query, or undefined when the input is empty or its regex does not compile. */
  query(): SearchQuery | undefined {
    const text = this.input.value;
    if (text === '') return undefined;
    const matchCase = this.toggles.matchCase.on;
    if (this.toggles.regex.on) return isRegex(text) ? { kind: 'regex', source: text, matchCase } : undefined;
    return { kind: 'text', text, matchCase, wholeWord: this.toggles.wholeWord.on };
  }

  /** True when the input holds a regex that does not compile. */
  get invalid(): boolean {
    return this.toggles.regex.on && this.input.value !== '' && !isRegex(this.input.value);
  }

  setText(text: string): void {
    this.input.value = text;
    this.schedule(0);
  }

  /** Reports a pending change now (Enter); returns false when the query did not change. */
  flush(): boolean {
    clearTimeout(this.timer);
    const query = this.query();
    const key = JSON.stringify(query ?? null);
    if (key === this.lastKey) return false;
    this.lastKey = key;
    this.changed(query);
    return true;
  }

  /** Forgets the last query reported, so the same text is reported again next time. */
  reset(): void {
    clearTimeout(this.timer);
    this.lastKey = '';
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), delay);
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const toggle = { KeyC: this.toggles.matchCase, KeyW: this.toggles.wholeWord, KeyR: this.toggles.regex }[e.code];
    if (!toggle) return;
    e.preventDefault();
    e.stopPropagation();
    this.flip(toggle);
  }

  private flip(toggle: Toggle): void {
    toggle.on = !toggle.on;
    toggle.button.setAttribute('aria-pressed', String(toggle.on));
    // A regex has no whole-word option (the pattern says it with \b).
    this.toggles.wholeWord.button.disabled = this.toggles.regex.on;
    this.schedule(0);
  }

  private toggle(className: string, label: string, title: string): Toggle {
    const button = el('button', `find-toggle ${className}`, this.element);
    button.type = 'button';
    button.textContent = label;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.setAttribute('aria-pressed', 'false');
    const toggle = { button, on: false };
    button.addEventListener('click', () => {
      this.flip(toggle);
      this.input.focus();
    });
    return toggle;
  }
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
