/**
 * Your highlight rules in the text view (hugefile.highlights): the parts of a line
 * that a rule matches get its colours, as spans laid over the log colours (the first
 * rule wins where rules overlap); a rule for whole lines colours the row of the first
 * line it matches instead. Colours are CSS variables on the root (the page's CSP
 * allows no inline style sheet); userHighlights.css maps the classes to them.
 */
import { type HighlightRule, checkRules, MAX_RULES } from '../../src/highlight/userRules';
import { compileMatcher, type LineMatcher, lineMatches } from '../../src/search/lineMatches';
import type { ClassSpan } from './spanRuns';

/** Matches per line and rule at most: as the find highlights, a line of "aaaa…" must not make a million spans. */
const MAX_PER_RULE = 200;

interface Compiled {
  rule: HighlightRule;
  matcher: LineMatcher;
  /** Classes of a part it matches, or of a row it colours. */
  classes: string;
}

export class UserHighlights {
  private rules: Compiled[] = [];

  constructor(private readonly root: HTMLElement) {}

  /** Takes the rules the host sent (the setting's, checked again here as the host checks them). */
  configure(setting: unknown): void {
    const { rules } = checkRules(setting);
    this.rules = [];
    for (let i = 0; i < MAX_RULES; i++) {
      const rule = rules[i];
      const set = (name: string, value: string | undefined) => {
        if (value) this.root.style.setProperty(name, value);
        else this.root.style.removeProperty(name);
      };
      set(`--hl-fg-${i}`, rule?.foreground);
      set(`--hl-bg-${i}`, rule?.background);
      const matcher = rule && compileMatcher(rule.query);
      if (!rule || !matcher) continue;
      const prefix = rule.wholeLine ? 'hl-line' : 'hl';
      const classes = [rule.foreground ? `${prefix}-fg-${i}` : '', rule.background ? `${prefix}-bg-${i}` : ''].filter(Boolean).join(' ');
      this.rules.push({ rule, matcher, classes });
    }
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** The spans of `text` the rules colour, in order and apart, and the class of its row ('' for none). */
  of(text: string): { spans: ClassSpan[]; lineClass: string } {
    const owner = new Int8Array(text.length).fill(-1);
    let lineClass = '';
    this.rules.forEach((c, i) => {
      if (c.rule.wholeLine) {
        if (!lineClass && lineMatches(c.matcher, text, 1).length > 0) lineClass = c.classes;
        return;
      }
      for (const [start, end] of lineMatches(c.matcher, text, MAX_PER_RULE)) {
        for (let k = start; k < end; k++) if (owner[k] < 0) owner[k] = i;
      }
    });
    const spans: ClassSpan[] = [];
    for (let k = 0; k < text.length;) {
      const i = owner[k];
      let end = k + 1;
      while (end < text.length && owner[end] === i) end++;
      if (i >= 0) spans.push({ start: k, end, className: this.rules[i].classes });
      k = end;
    }
    return { spans, lineClass };
  }
}
