/**
 * A plain in-memory editor with VS Code's semantics, the reference the model tests hold
 * the real editor to. Small on purpose: the text is a JS string, the caret and anchor
 * are offsets in it, and every command is a few lines of obvious string work.
 *
 * Lines as VS Code has them: a line break ("\n" or "\r\n"; "\r" in a file read with lone CR
 * line ends, which has no "\n") ends a line and starts the
 * next, so text ending with one has an empty last line. Undo groups typing as VS Code:
 * characters typed one after another join, the first space after a word starts a new
 * group, a Backspace or Delete run joins; everything else (Enter, paste, cut, a replaced
 * selection, typing elsewhere, undo, redo, save) is a group of its own; a move of the
 * caret or the selection ends a group. Where this editor knowingly differs from VS Code it says so (see `cut`,
 * `undo`).
 */

export type Key =
  | { kind: 'type'; text: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'docStart' | 'docEnd'; shift: boolean }
  | { kind: 'paste'; text: string }
  | { kind: 'cut' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'insertKey' }
  | { kind: 'save' };

type Run = 'word' | 'space' | 'backspace' | 'delete';

interface Step {
  before: string;
  after: string;
  caretBefore: number;
  caretAfter: number;
}

const BREAK = /\r\n|\n/g;
const CR_BREAK = /\r/g;

export class ReferenceEditor {
  caret = 0;
  anchor = 0;
  overwrite = false;
  saved: string;
  private goal: number | undefined;
  private readonly undoStack: Step[] = [];
  private readonly redoStack: Step[] = [];
  /** The open typing group: its kind and where its next edit must start to join it. */
  private group: { run: Run; next: number } | undefined;

  /**
   * `units`: how columns count, as the view reports them: UTF-8 bytes, one byte a character (a single-byte encoding), or two a UTF-16 unit.
   * `lineBreak`: 'cr' for a file read with lone CR line ends (Enter types "\r").
   */
  constructor(public text: string, private readonly units: 'utf8' | 'byte' | 'utf16' = 'utf8', private readonly lineBreak: 'lf' | 'cr' = 'lf') {
    this.saved = text;
  }

  /** Lines as [start, end) offsets of their text (without the line break). */
  lines(): [number, number][] {
    const out: [number, number][] = [];
    let start = 0;
    for (const m of this.text.matchAll(this.lineBreak === 'cr' ? CR_BREAK : BREAK)) {
      out.push([start, m.index]);
      start = m.index + m[0].length;
    }
    out.push([start, this.text.length]);
    return out;
  }

  /** A position as the view reports it: line and byte column (in the file's encoding). */
  position(offset: number): { line: number; column: number } {
    const lines = this.lines();
    const line = lines.findIndex(([, end]) => offset <= end);
    const before = this.text.slice(lines[line][0], offset);
    return { line, column: this.units === 'byte' ? before.length : this.units === 'utf16' ? 2 * before.length : utf8Length(before) };
  }

  press(key: Key): void {
    switch (key.kind) {
      case 'type': return this.typeChar(key.text);
      case 'enter': return this.edit(this.selStart(), this.selEnd(), this.eol(), undefined);
      case 'paste': return this.edit(this.selStart(), this.selEnd(), key.text.replace(/\r\n|\r|\n/g, this.eol()), undefined);
      case 'backspace': return this.deleteChar(-1);
      case 'delete': return this.deleteChar(1);
      case 'cut': return this.cut();
      case 'undo': return this.undo();
      case 'redo': return this.redo();
      case 'insertKey': this.overwrite = !this.overwrite; return;
      case 'save':
        this.saved = this.text;
        this.group = undefined;
        return;
      default: return this.move(key.kind, key.shift);
    }
  }

  private selStart(): number {
    return Math.min(this.caret, this.anchor);
  }

  private selEnd(): number {
    return Math.max(this.caret, this.anchor);
  }

  /** Enter's line break: CRLF when the first line ends with one (HugeDocument.eol). */
  private eol(): string {
    if (this.lineBreak === 'cr') return '\r';
    const first = this.text.indexOf('\n');
    return first > 0 && this.text[first - 1] === '\r' ? '\r\n' : '\n';
  }

  private lineAt(offset: number): [number, number] {
    return this.lines().find(([, end]) => offset <= end)!;
  }

  private typeChar(ch: string): void {
    const [from, to] = [this.selStart(), this.selEnd()];
    if (from !== to) return this.edit(from, to, ch, undefined);
    const end = this.overwrite ? Math.min(this.lineAt(from)[1], nextChar(this.text, from)) : from;
    this.edit(from, end, ch, ch === ' ' ? 'space' : 'word');
  }

  private deleteChar(dir: -1 | 1): void {
    const [from, to] = [this.selStart(), this.selEnd()];
    if (from !== to) return this.edit(from, to, '', undefined);
    const [start, end] = this.lineAt(from);
    let a = from;
    let b = from;
    if (dir < 0) {
      if (from > start) a = prevChar(this.text, from);
      else if (from > 0) a = from - (this.text.slice(from - 2, from) === '\r\n' ? 2 : 1);
    } else if (from < end) b = nextChar(this.text, from);
    else if (from < this.text.length) b = from + (this.text.startsWith('\r\n', from) ? 2 : 1);
    if (a === b) {
      this.collapse(from);
      return;
    }
    this.edit(a, b, '', dir < 0 ? 'backspace' : 'delete');
  }

  /** With nothing selected, the caret's line and its line break; on the last line only its text (as this editor does; VS Code takes the break before it). */
  private cut(): void {
    let [from, to] = [this.selStart(), this.selEnd()];
    if (from === to) {
      const lines = this.lines();
      const i = lines.findIndex(([, end]) => from <= end);
      from = lines[i][0];
      to = i + 1 < lines.length ? lines[i + 1][0] : lines[i][1];
    }
    if (from === to) {
      this.collapse(from);
      return;
    }
    this.edit(from, to, '', undefined);
  }

  /** Replaces [from, to) with `text`; `run` is the typing run it belongs to (undefined: a group of its own). */
  private edit(from: number, to: number, text: string, run: Run | undefined): void {
    const before = this.text;
    const caretBefore = run === 'backspace' ? to : from;
    this.text = before.slice(0, from) + text + before.slice(to);
    const caretAfter = from + text.length;
    const start = run === 'backspace' ? to : from;
    const g = this.group;
    const joins = run !== undefined && g !== undefined && g.next === start && joinable(g.run, run);
    if (joins) {
      const top = this.undoStack[this.undoStack.length - 1];
      top.after = this.text;
      top.caretAfter = caretAfter;
    } else {
      this.undoStack.push({ before, after: this.text, caretBefore, caretAfter });
    }
    this.redoStack.length = 0;
    this.group = run === undefined ? undefined : { run, next: run === 'backspace' ? from : caretAfter };
    this.collapse(caretAfter);
  }

  /** Undo: the text before the group; the caret where it was (a replaced selection is not selected again, as VS Code would). */
  private undo(): void {
    const step = this.undoStack.pop();
    if (!step) return; // nothing to undo: the typing group goes on
    this.group = undefined;
    this.redoStack.push(step);
    this.text = step.before;
    this.collapse(step.caretBefore);
  }

  private redo(): void {
    const step = this.redoStack.pop();
    if (!step) return; // nothing to redo: the typing group goes on
    this.group = undefined;
    this.undoStack.push(step);
    this.text = step.after;
    this.collapse(step.caretAfter);
  }

  private collapse(offset: number): void {
    this.caret = offset;
    this.anchor = offset;
    this.goal = undefined;
  }

  private move(kind: 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'docStart' | 'docEnd', shift: boolean): void {
    const lines = this.lines();
    const i = lines.findIndex(([, end]) => this.caret <= end);
    const [start, end] = lines[i];
    let goal: number | undefined;
    let to = this.caret;
    switch (kind) {
      case 'left':
        if (!shift && this.caret !== this.anchor) to = this.selStart();
        else if (this.caret > start) to = prevChar(this.text, this.caret);
        else if (i > 0) to = lines[i - 1][1];
        break;
      case 'right':
        if (!shift && this.caret !== this.anchor) to = this.selEnd();
        else if (this.caret < end) to = nextChar(this.text, this.caret);
        else if (i + 1 < lines.length) to = lines[i + 1][0];
        break;
      case 'up':
      case 'down': {
        const target = i + (kind === 'up' ? -1 : 1);
        if (target < 0) to = 0;
        else if (target >= lines.length) to = end;
        else {
          goal = this.goal ?? [...this.text.slice(start, this.caret)].length;
          const [s, e] = lines[target];
          to = s + [...this.text.slice(s, e)].slice(0, goal).join('').length;
        }
        break;
      }
      case 'home': {
        const first = start + (/^ */.exec(this.text.slice(start, end))![0].length);
        to = this.caret === first ? start : first;
        break;
      }
      case 'end': to = end; break;
      case 'docStart': to = 0; break;
      case 'docEnd': to = this.text.length; break;
    }
    // As VS Code: a move of the caret or the selection ends the typing group (a key that moves nothing does not).
    if (to !== this.caret || (!shift && this.anchor !== to)) this.group = undefined;
    this.caret = to;
    if (!shift) this.anchor = to;
    this.goal = goal;
  }
}

function joinable(previous: Run, run: Run): boolean {
  if (run === 'backspace' || run === 'delete' || previous === 'backspace' || previous === 'delete') return previous === run;
  return !(previous === 'word' && run === 'space');
}

function nextChar(text: string, i: number): number {
  return i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
}

function prevChar(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  return i - (c >= 0xdc00 && c <= 0xdfff && i >= 2 ? 2 : 1);
}

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
