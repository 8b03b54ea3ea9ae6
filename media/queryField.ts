/**
 * A search input with VS Code's option toggles (match case, whole word, regular
 * expression, also Alt+C/W/R), as in the find widget, and in the hex view a fourth,
 * hex bytes (Alt+X): used by find and by each filter rule. It reports the query it
 * describes; it searches nothing itself.
 */
import { parseHexPattern, regexFlags, type SearchQuery } from '../src/search/query';
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
  private readonly toggles: { matchCase: Toggle; wholeWord: Toggle; regex: Toggle; hex?: Toggle };
  private timer = 0;
  private lastKey = '';

  /** `changed` runs (after a short typing pause) when the query it describes changes. */
  constructor(parent: HTMLElement, label: string, private readonly changed: (query: SearchQuery | undefined) => void, hex = false) {
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
      hex: hex ? this.toggle('find-hex', '0x', `Hex Bytes, ?? for any byte (${alt}X)`) : undefined,
    };
    if (this.toggles.hex) this.set(this.toggles.hex, true);
    this.input.addEventListener('input', () => this.schedule(TYPING_DELAY_MS));
    this.element.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** The query, or undefined when the input is empty or does not parse (see `invalid`). */
  query(): SearchQuery | undefined {
    const text = this.input.value;
    if (text === '' || this.invalid) return undefined;
    const matchCase = this.toggles.matchCase.on;
    if (this.toggles.hex?.on) return { kind: 'bytes', pattern: parseHexPattern(text) };
    if (this.toggles.regex.on) return { kind: 'regex', source: text, matchCase };
    return { kind: 'text', text, matchCase, wholeWord: this.toggles.wholeWord.on };
  }

  /** Why the input is not a query ("Invalid regular expression"), or undefined when it is fine. */
  get invalid(): string | undefined {
    const text = this.input.value;
    if (text === '') return undefined;
    if (this.toggles.hex?.on) return parses(() => parseHexPattern(text)) ? undefined : 'Invalid hex bytes (e.g. DE AD ?? EF)';
    if (this.toggles.regex.on) return parses(() => new RegExp(text, regexFlags(true))) ? undefined : 'Invalid regular expression';
    return undefined;
  }

  /** Shows a text or regex `query` with its options, and reports it. */
  setQuery(query: Exclude<SearchQuery, { kind: 'bytes' }>): void {
    const { matchCase, wholeWord, regex } = this.toggles;
    this.set(regex, query.kind === 'regex');
    this.set(matchCase, query.matchCase);
    this.set(wholeWord, query.kind === 'text' && query.wholeWord);
    this.setText(query.kind === 'regex' ? query.source : query.text);
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
    const toggle = { KeyC: this.toggles.matchCase, KeyW: this.toggles.wholeWord, KeyR: this.toggles.regex, KeyX: this.toggles.hex }[e.code];
    if (!toggle) return;
    e.preventDefault();
    e.stopPropagation();
    this.flip(toggle);
  }

  private flip(toggle: Toggle): void {
    this.set(toggle, !toggle.on);
    this.schedule(0);
  }

  /** Sets one option; regex and hex exclude each other, and some options mean nothing with them. */
  private set(toggle: Toggle, on: boolean): void {
    toggle.on = on;
    toggle.button.setAttribute('aria-pressed', String(on));
    const { matchCase, wholeWord, regex, hex } = this.toggles;
    if (on && toggle === regex && hex?.on) this.set(hex, false);
    if (on && toggle === hex && regex.on) this.set(regex, false);
    // A regex has no whole-word option (the pattern says it with \b); hex bytes have no options.
    wholeWord.button.disabled = regex.on || hex?.on === true;
    matchCase.button.disabled = hex?.on === true;
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

function parses(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}
