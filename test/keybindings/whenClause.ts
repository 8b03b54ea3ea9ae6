/**
 * Whether a keybinding's `when` clause may hold while a Huge File Editor webview has
 * the focus: a small three-valued evaluator of VS Code's when-clause language, where
 * the context keys a focused custom editor fixes are known and every other key may be
 * anything.
 */

type Tri = boolean | undefined;
/** A context key's value: known, or undefined when it could be anything. */
type Value = { known: true; value: unknown } | { known: false };

const UNKNOWN: Value = { known: false };

/** What is known while the webview of a custom editor `hugefile.editor` has the focus. */
function contextValue(key: string): Value {
  if (key === 'activeCustomEditorId') return { known: true, value: 'hugefile.editor' };
  if (key === 'activeEditor') return { known: true, value: 'mainThreadWebview-hugefile.editor' };
  if (key === 'editorIsOpen') return { known: true, value: true };
  // The focus is in the webview: no other part of the workbench has it.
  if (/(Focus|Focused)$/.test(key)) return { known: true, value: false };
  // No text editor, notebook, diff or search editor is the active editor, and no widget
  // of one (suggestions, hints, accessibility help) is showing.
  if (/^(editor|notebook|inSearchEditor|isInDiffEditor|inReferenceSearchEditor|inCompositeEditor|textCompareEditor|comment)/.test(key)) return { known: true, value: false };
  if (/^(inlineSuggestion|inlineEdit|suggestWidget|parameterHints|accessibilityHelp|accessibleView|inQuickOpen|inChat|chat|testing\.isPeekVisible|callHierarchyVisible|typeHierarchyVisible)/.test(key)) return { known: true, value: false };
  return UNKNOWN;
}

const TOKEN = /\s*(\|\||&&|!=|==|=~|>=|<=|>|<|!|\(|\)|'[^']*'|"[^"]*"|\/(?:\\.|[^/\\])*\/[a-z]*|[^\s!=()<>&|~]+)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push(m[1]);
  if (TOKEN.lastIndex !== 0 && text.slice(TOKEN.lastIndex).trim()) throw new Error(`when clause not understood: ${text}`);
  return out;
}

const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === true && b === true ? true : undefined);
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === false && b === false ? false : undefined);

/** True unless the clause is certainly false while the webview has the focus. */
export function mayHold(when: string | undefined): boolean {
  if (!when?.trim()) return true;
  const tokens = tokenize(when);
  let i = 0;
  const peek = () => tokens[i];
  const orExpr = (): Tri => {
    let v = andExpr();
    while (peek() === '||') { i++; v = or(v, andExpr()); }
    return v;
  };
  const andExpr = (): Tri => {
    let v = unary();
    while (peek() === '&&') { i++; v = and(v, unary()); }
    return v;
  };
  const unary = (): Tri => {
    if (peek() === '!') {
      i++;
      const v = unary();
      return v === undefined ? undefined : !v;
    }
    if (peek() === '(') {
      i++;
      const v = orExpr();
      i++; // ')'
      return v;
    }
    return comparison();
  };
  const comparison = (): Tri => {
    const key = tokens[i++];
    if (key === 'true') return true;
    if (key === 'false') return false;
    const op = peek();
    const ctx = contextValue(key);
    if (op === 'not' && tokens[i + 1] === 'in') { i += 3; return undefined; }
    if (op === 'in') { i += 2; return ctx.known && ctx.value === false ? false : undefined; }
    if (['==', '!=', '=~', '>', '<', '>=', '<='].includes(op)) {
      i++;
      const raw = tokens[i++];
      if (!ctx.known) return undefined;
      const value = /^['"]/.test(raw) ? raw.slice(1, -1) : raw;
      const actual = ctx.value === false ? undefined : ctx.value;
      if (op === '==') return String(actual) === value;
      if (op === '!=') return String(actual) !== value;
      if (op === '=~') {
        const m = /^\/(.*)\/([a-z]*)$/.exec(raw);
        return m && typeof actual === 'string' ? new RegExp(m[1], m[2]).test(actual) : false;
      }
      return undefined;
    }
    return ctx.known ? Boolean(ctx.value) : undefined;
  };
  return orExpr() !== false;
}
