/**
 * The Huge File Editor webview's text view: a virtualized view over a file the
 * extension host serves line by line (see src/editor/protocol.ts), editable in place.
 *
 * Why it is built this way:
 * - Only the visible rows exist in the DOM, absolutely positioned, one row per line
 *   (text/textRows.ts); scrolling moves a whole-number top line, never the pixels of a
 *   giant element (text/textScroll.ts).
 * - Lines arrive in windows (`getLines`), at most one request in flight
 *   (text/lineRequests.ts); the view keeps a bounded LRU of them and shows placeholders
 *   meanwhile.
 * - A line can be 100 MB: each is fetched as a byte window around the horizontal
 *   scroll position, and horizontal scrolling is counted in character cells, so a
 *   window starting at byte F is drawn at cell F (text/textGeometry.ts).
 * - Positions are (line, byte column) as in the protocol; the decoded text of a window
 *   is converted back to bytes with lineRenderer's UTF-8 arithmetic.
 * - Word wrap (wrap/) turns each line into rows, also virtualized inside a line: the
 *   view scrolls by rows and keys move by rows, positions stay (line, byte column).
 *
 * This class ties the parts in text/ together: it routes the host's messages, runs the
 * keys' commands, places the caret and draws each frame.
 */
import type { FileState, Position, ViewerMessage } from '../src/editor/protocol';
import type { SearchQuery } from '../src/search/query';
import { Notices, textButtons, Toolbar } from './chrome';
import type { ClipboardAction } from './clipboard';
import { el, pinScroll } from './dom';
import { FilterPane } from './filterPane';
import { FindSession } from './findSession';
import { LogColouring } from './highlight/logColouring';
import { UserHighlights } from './highlight/userHighlights';
import { samePos } from './guards';
import { LineCache } from './lineCache';
import { setColumnUnits } from './lineRenderer';
import type { View, ViewPage, VsCodeApi } from './page';
import { ReplaceSession } from './replace/replaceSession';
import { StateSaver } from './stateSaver';
import { charTarget, lineEnd, lineTarget, pageLines, wholeLine } from './text/caretMotion';
import { CaretReporter } from './text/caretReporter';
import { routeHostMessage, type TextMessageHandler } from './text/hostMessages';
import { KeyQueue } from './text/keyQueue';
import { LineRequests } from './text/lineRequests';
import { restoreState, type SavedState } from './text/savedState';
import { SelectionPainter } from './text/selectionPainter';
import { ShownFile } from './text/shownFile';
import { TextEdits } from './text/textEditing';
import { TextGeometry } from './text/textGeometry';
import { TextInput } from './text/textInput';
import type { TextCommand } from './text/textKeys';
import { TextPointer } from './text/textPointer';
import { type TextColumn, TextRows } from './text/textRows';
import { TextScroll } from './text/textScroll';
import { TextSelection } from './text/textSelection';
import { WordWrap } from './wrap/wordWrap';

const CACHE_LINES = 5000;

/** The text view: lines of the file, numbered, editable in place. */
export class Viewer implements View {
  private readonly vscode: VsCodeApi;
  private readonly signal: AbortSignal;
  private readonly root: HTMLElement;
  private readonly editor: HTMLDivElement;
  private readonly messageEl: HTMLDivElement;
  /** Read out by screen readers. */
  private readonly live: HTMLDivElement;
  private readonly toolbar: Toolbar;
  private readonly notices: Notices;
  private readonly find: FindSession;
  private readonly replace: ReplaceSession;
  private readonly filter: FilterPane;

  // The file and its lines.
  private readonly cache = new LineCache(CACHE_LINES);
  private readonly requests: LineRequests;
  private readonly file: ShownFile;
  private readonly edits: TextEdits;
  private readonly wrap = new WordWrap(this.cache);
  /** Word wrap turned on or off: the caret's row is shown once the next frame has laid out rows. */
  private wrapToggled = false;

  // Where the view is, and what draws it.
  private readonly sel = new TextSelection();
  private readonly geometry: TextGeometry;
  private readonly scroll: TextScroll;
  private readonly rows: TextRows;
  private readonly colouring: LogColouring;
  private readonly highlights: UserHighlights;
  private readonly painter: SelectionPainter;
  /** The frame asked for (requestAnimationFrame), 0 when none is. */
  private frame = 0;

  // Keys, and what the host hears of the view.
  private readonly input: TextInput;
  private readonly keys = new KeyQueue(() => this.keysReady());
  private readonly caretReporter: CaretReporter;
  private readonly saver: StateSaver<SavedState>;

  /** Scrolling up asked the host to stop following: not asked again until it has stopped. */
  private followOffAsked = false;
  /** Scrolling up stopped following: going to the end (Ctrl+End) follows again. */
  private followResumable = false;

  constructor(page: ViewPage) {
    const root = page.root;
    this.root = root;
    this.vscode = page.vscode;
    this.signal = page.signal;

    this.toolbar = new Toolbar(root, textButtons({
      goToLine: () => this.post({ type: 'command', command: 'goToLine' }),
      toggleFollow: () => this.toggleFollow(),
      find: () => this.openFind(),
      filter: () => this.filter.open(),
      toggleView: () => this.post({ type: 'command', command: 'toggleView' }),
    }));
    this.notices = new Notices(root, () => this.input.focus());

    this.editor = el('div', 'editor', root);
    pinScroll(this.editor);
    this.editor.tabIndex = 0;
    this.editor.setAttribute('role', 'document');
    this.editor.setAttribute('aria-roledescription', 'file editor');
    this.editor.setAttribute('aria-label', 'File content');
    const probe = el('div', 'probe', this.editor);
    probe.setAttribute('aria-hidden', 'true');
    this.colouring = new LogColouring(root);
    this.highlights = new UserHighlights(root);
    this.rows = new TextRows(el('div', 'rows', this.editor), this.colouring, this.highlights);
    this.geometry = new TextGeometry(root, probe, this.rows);
    this.requests = new LineRequests(this.cache, { post: (m) => this.post(m), redraw: () => this.invalidate() });
    this.messageEl = el('div', 'empty-message hidden', this.editor);
    this.input = new TextInput(root, this.editor, this.signal, {
      queueKey: (action) => this.queueKey(action),
      handles: (command) => this.handles(command),
      run: (command) => this.run(command),
      type: (text) => this.edits.type(text),
      clipboard: (action) => this.clipboard(action),
      openFind: () => this.openFind(),
      openReplace: () => this.openFind(true),
      openFilter: () => this.filter.open(),
      goToLine: () => this.post({ type: 'command', command: 'goToLine' }),
      findNext: (backwards) => this.find.next(backwards),
      focusChanged: () => {
        this.painter.restartBlink();
        this.invalidate();
      },
    });
    this.live = el('div', 'sr-only', root);
    this.live.setAttribute('aria-live', 'polite');

    this.scroll = new TextScroll(this.editor, this.geometry, {
      lineCount: () => this.file.lineCount,
      wraps: () => (this.wrap.active ? this.wrap.lines : undefined),
      lineLength: (line) => this.cache.lineLength(line),
      invalidate: () => this.invalidate(),
      scrollingUp: () => {
        if (!this.file.state?.following || this.followOffAsked) return;
        // Scrolling up while following means the user wants to read: stop following.
        this.followOffAsked = true;
        this.followResumable = true;
        this.toggleFollow();
      },
    });

    this.filter = new FilterPane(root, {
      post: (m) => this.post(m),
      reveal: (line) => this.reveal(line, true, 0),
      lineHeight: () => this.geometry.lineHeight,
      focusView: () => this.input.focus(),
      spansOf: (text) => this.colouring.lineColours(text, true).spans,
    });
    this.find = new FindSession(root, {
      post: (m) => this.post(m),
      send: (id, query, backwards, restart) => {
        const [start, end] = this.sel.ordered();
        this.post({ type: 'find', id, query, from: { ...(restart || backwards ? start : end) }, backwards, restart });
      },
      announce: (text) => { this.live.textContent = text; },
      redraw: () => this.invalidate(),
      focusView: () => this.input.focus(),
      closed: () => this.replace.stop(),
    });
    this.replace = new ReplaceSession(this.find, {
      post: (m) => this.post(m),
      selection: () => this.sel.ordered(),
      announce: (text) => { this.live.textContent = text; },
    });

    const view = this;
    this.edits = new TextEdits(this.cache, {
      get state() { return view.file.state; },
      selection: () => this.sel.ordered(),
      postEdit: (m) => {
        this.post(m);
        this.requests.drop(); // lines asked before the edit would come back stale
        this.showPending();
      },
      copy: () => this.copy(),
      explainReadOnly: (reason) => this.notices.show('info', `This file is read-only${reason ? `: ${reason}` : ''}.`),
      placeCaret: (pos) => this.setCaret(pos, false, true, false),
      linesPredicted: () => this.file.predictLines(),
    });
    this.file = new ShownFile(this.cache, this.requests, this.edits, {
      moved: (prev, next) => this.stateMoved(prev, next),
      invalidate: () => this.invalidate(),
    });
    new TextPointer(this.editor, this.rows, this.cache, {
      get state() { return view.file.state; },
      get caret() { return view.sel.caret; },
      get topLine() { return view.scroll.topLine; },
      get fullRows() { return view.geometry.fullRows; },
      get lineHeight() { return view.geometry.lineHeight; },
      get gutterWidth() { return view.geometry.gutterWidth; },
      get textWidth() { return view.geometry.textWidth; },
      get wrapping() { return view.wrap.active; },
      textColumn: () => this.textColumn(),
      setCaret: (pos, extend, atRowEnd) => this.setCaret(pos, extend, false, true, atRowEnd),
      select: (anchor, caret) => {
        this.sel.anchor = anchor;
        this.setCaret(caret, true, false);
      },
      scrollBy: (rows) => this.scroll.scrollBy(rows, true),
      scrollToCol: (col) => this.scroll.toCol(col),
      focus: () => this.input.focus(),
    });
    this.painter = new SelectionPainter(this.rows, this.geometry, this.input.textarea, {
      get caret() { return view.sel.caret; },
      get atRowEnd() { return view.sel.atRowEnd; },
      get overwrite() { return view.edits.overwrite; },
      selection: () => this.sel.ordered(),
      textColumn: () => this.textColumn(),
    });

    this.caretReporter = new CaretReporter(this.cache, {
      get caret() { return view.sel.caret; },
      get anchor() { return view.sel.anchor; },
      get topLine() { return view.scroll.topLine; },
      get overwrite() { return view.edits.overwrite; },
      get focused() { return view.input.focused; },
      post: (m) => this.post(m),
      announce: (text) => { this.live.textContent = text; },
    });
    this.saver = new StateSaver<SavedState>(this.vscode, () => ({ topLine: this.scroll.topLine, topByte: this.scroll.topByte, scrollCol: this.scroll.scrollCol, caret: this.sel.caret, anchor: this.sel.anchor }));

    this.geometry.watch(this.editor, this.signal, () => this.invalidate());
    this.showMessage('Loading…');
  }

  // ---- messages ----

  private post(message: ViewerMessage): void {
    this.vscode.postMessage(message);
  }

  onMessage(data: unknown): void {
    routeHostMessage(data, this.messages);
  }

  /** What each host message does, once routeHostMessage has checked it. */
  private readonly messages: TextMessageHandler = {
    started: () => this.file.state !== undefined,
    init: (state, topLine) => this.onInit(state, topLine),
    state: (state) => this.file.report(state),
    lines: (id, lines, state, edit) => {
      if (!this.file.lines(id, lines, state, edit)) return;
      this.sel.clampToKnownLengths(this.cache);
      this.invalidate();
    },
    reveal: (line, select, column) => this.reveal(line, select, column),
    edited: (fromLine, caret, state, reset, editId) => this.onEdited(fromLine, caret, state, reset, editId),
    openFind: () => this.openFind(),
    openReplace: (query) => this.openFind(true, query),
    openFilter: (query) => this.filter.open(query),
    filterProgress: (m) => this.filter.onProgress(m),
    filterLines: (m) => this.filter.onLines(m),
    found: (m) => this.find.answered(m, (match) => this.showMatch(match.from, match.to)),
    findCount: (m) => this.find.onCount(m),
    replaceProgress: (m) => this.replace.onProgress(m),
    replaced: (m) => this.replace.onReplaced(m),
    notice: (level, text, topic) => this.notices.show(level, text, topic),
    logColours: (m) => {
      this.colouring.configure(m);
      this.filter.recolour();
      this.rows.remeasure();
      this.invalidate();
    },
    highlights: (rules) => {
      this.highlights.configure(rules);
      this.rows.remeasure();
      this.invalidate();
    },
    marks: (lines) => {
      this.rows.marked = new Set(lines);
      this.scroll.ruler.setMarks(lines);
      this.filter.marksChanged();
      this.invalidate();
    },
    ruler: (lane, count, bits, rule) => {
      this.scroll.ruler.setLane(lane, count, bits, rule);
      this.invalidate();
    },
    // Behind the keys held: the command the host runs came after them, and acts where they leave the caret.
    caretFor: (id) => this.queueKey(() => this.post({ type: 'caretAt', id, position: { ...this.sel.caret } })),
    wordWrap: (wrap, column) => {
      const atEnd = this.scroll.atEnd();
      const toggled = this.wrap.configure(wrap, column);
      this.geometry.wrapping = this.wrap.active;
      // A view at the end (a followed log) stays there; else the caret's line stays in view.
      if (atEnd) this.scroll.toEnd(false);
      else this.wrapToggled ||= toggled;
      this.invalidate();
    },
  };

  private onInit(state: FileState, topLine: number): void {
    setColumnUnits(state.reading?.units);
    const first = this.file.init(state);
    const saved = first ? restoreState(this.vscode) : undefined;
    if (saved) {
      ({ topLine: this.scroll.topLine, topByte: this.scroll.topByte, scrollCol: this.scroll.scrollCol, caret: this.sel.caret, anchor: this.sel.anchor } = saved);
    } else {
      [this.scroll.topLine, this.scroll.topByte] = [topLine, 0];
      this.sel.caret = { line: topLine, column: 0 };
      this.sel.anchor = { ...this.sel.caret };
    }
    this.editor.setAttribute('aria-label', `${state.fileName}, text${state.readOnly ? ', read-only' : ''}`);
    if (first && document.hasFocus() && !this.notices.contains(document.activeElement)) this.input.focus();
    this.invalidate();
  }

  /** The state shown moved: Follow turned on (or lines came while following) scrolls to the end. */
  private stateMoved(prev: FileState, next: FileState): void {
    if (!next.following) this.followOffAsked = false;
    else this.followResumable = false;
    if (next.following && (next.lineCount > prev.lineCount || !prev.following)) this.scroll.toEnd(false);
    this.invalidate();
  }

  /** The content changed (see ShownFile.edited); `caret`: where the change puts it, if anywhere. */
  private onEdited(fromLine: number, caret: Position | undefined, state: FileState, reset: boolean, editId: number | undefined): void {
    this.file.edited(fromLine, state, reset, editId);
    this.showPending();
    this.filter.contentChanged();
    // After a truncation or rotation the old top line may be past the end: placing the caret must not scroll "up" (that stops following).
    if (reset && state.following) this.scroll.toEnd(false);
    else if (reset) this.scroll.clampTop(false);
    this.edits.answered(editId, caret);
    this.invalidate();
  }

  private reveal(line: number, select: boolean, column: number): void {
    if (!this.file.state) return;
    this.file.reach(line);
    if (!this.scroll.shows(line, column)) this.scroll.centreOn(line, column);
    if (select) {
      this.userSelects(() => this.sel.select({ line, column }, { line, column }));
      this.scroll.scrollCol = 0;
      this.sel.revealPending = true;
      this.painter.restartBlink();
    }
    this.invalidate();
  }

  /** Selects a match the find widget found, centring it when it is off screen or under the widget (as VS Code moves it out). */
  private showMatch(from: Position, to: Position): void {
    if (!this.file.state) return;
    this.file.reach(to.line);
    const covered = this.find.widget.rowsCovered(this.geometry.lineHeight);
    if (!this.scroll.shows(from.line, from.column, covered) || !this.scroll.shows(to.line, to.column)) this.scroll.centreOn(from.line, from.column);
    this.userSelects(() => this.sel.select(from, to));
    this.painter.markFound(from, to);
    this.sel.revealPending = true;
    this.painter.restartBlink();
    this.invalidate();
  }

  /**
   * Ctrl+F (Ctrl+H: `replace`): the find widget, filled with `query` or else the
   * selection when it is a short part of one line.
   */
  private openFind(replace = false, query?: SearchQuery): void {
    this.replace.open(query && query.kind !== 'bytes' ? query : this.sel.shortText(this.cache, 200), replace);
  }

  private toggleFollow(): void {
    this.post({ type: 'command', command: 'toggleFollow' });
    this.file.toggleFollow();
    if (this.file.state) this.toolbar.update(this.file.state); // pressed at once, not on the next frame
  }

  // ---- caret and selection ----

  /**
   * Puts the caret at `pos`; moves the anchor too unless extending a selection.
   * `byUser`: a move of the user's (not where an edit left it), which ends the typing undo step.
   * `atRowEnd`: word wrap's caret on a row boundary shows at the end of the row before.
   */
  private setCaret(pos: Position, extend: boolean, reveal = true, byUser = true, atRowEnd = false): void {
    if (byUser) this.userSelects(() => this.sel.place(pos, extend, atRowEnd));
    else this.sel.place(pos, extend, atRowEnd);
    if (reveal) this.revealCaret();
    this.painter.restartBlink();
    this.invalidate();
  }

  /** Runs `change` to the caret or selection; one the user made ends the typing undo step (as in VS Code), a no-op does not. */
  private userSelects(change: () => void): void {
    const caret = { ...this.sel.caret };
    const anchor = { ...this.sel.anchor };
    change();
    if (!samePos(caret, this.sel.caret) || !samePos(anchor, this.sel.anchor)) this.edits.caretMoved();
  }

  /** Scrolls vertically now; the horizontal part waits until the line is drawn. */
  private revealCaret(): void {
    this.scroll.showLine(this.sel.caret.line, this.sel.caret.column);
    this.sel.revealPending = true;
  }

  private moveHorizontal(dir: -1 | 1, word: boolean, extend: boolean): void {
    if (!extend && this.sel.hasSelection() && !word) {
      const [s, e] = this.sel.ordered();
      this.setCaret(dir < 0 ? s : e, false);
      return;
    }
    const to = charTarget(this.cache, this.sel.caret, dir, word, this.file.lineCount);
    if (to) this.setCaret(to, extend);
  }

  /** Up/Down keep the x they started from (goalX) until the caret moves otherwise; with word wrap they move by rows. */
  private moveVertical(delta: number, extend: boolean): void {
    const lc = this.file.lineCount;
    if (lc === 0) return;
    const goal = this.sel.goalX ?? this.caretColumnX();
    if (this.wrap.active) {
      const to = this.wrap.verticalTarget(this.sel.caret, this.sel.atRowEnd, delta, goal / this.geometry.charWidth, lc);
      this.setCaret(to.pos, extend, true, true, to.atRowEnd);
      return this.sel.aim(goal, to.guessed);
    }
    const to = lineTarget(this.cache, this.sel.caret, delta, lc, goal, this.geometry.charWidth);
    const crossed = to.line !== this.sel.caret.line;
    this.setCaret(to, extend);
    if (crossed) this.sel.aim(goal);
  }

  private page(dir: -1 | 1, extend: boolean): void {
    // The view scrolls by a page where it can; the caret always moves by a page (clamped to the file).
    const page = pageLines(this.geometry.fullRows);
    this.scroll.scrollBy(dir * page, true);
    this.moveVertical(dir * page, extend);
  }

  /** Caret x in column space (cells from the line start, in px), for Up/Down. */
  private caretColumnX(): number {
    if (this.wrap.active) return this.wrap.cellsOf(this.sel.caret, this.sel.atRowEnd) * this.geometry.charWidth;
    const row = this.rows.at(this.sel.caret.line);
    const x = row?.xOf(this.sel.caret.column, this.textColumn());
    if (x !== undefined) return x + this.scroll.scrollCol * this.geometry.charWidth;
    const len = this.cache.lineLength(this.sel.caret.line);
    return Math.min(this.sel.caret.column, len ?? this.sel.caret.column) * this.geometry.charWidth;
  }

  private docEdge(end: boolean, extend: boolean): void {
    if (end) {
      if (this.followResumable && !extend) this.toggleFollow();
      this.scroll.toEnd(true);
      this.setCaret(lineEnd(this.cache, Math.max(0, this.file.lineCount - 1)), extend);
    } else {
      this.scroll.toLine(0, true);
      this.scroll.toCol(0);
      this.setCaret({ line: 0, column: 0 }, extend);
    }
  }

  private selectAll(): void {
    const lc = this.file.lineCount;
    if (lc === 0) return;
    // Positions only: the host reads the bytes when copying, nothing is loaded here.
    this.userSelects(() => this.sel.select({ line: 0, column: 0 }, lineEnd(this.cache, lc - 1)));
    this.invalidate();
  }

  private copy(): void {
    if (!this.file.state || this.file.lineCount === 0) return;
    const [s, e] = this.sel.ordered();
    // Like VS Code, copying with no selection copies the caret's line.
    const [from, to] = samePos(s, e) ? wholeLine(this.cache, this.sel.caret.line, this.file.lineCount) : [s, e];
    this.post({ type: 'copy', from: { ...from }, to: { ...to } });
  }

  // ---- keys ----

  /** Runs a key's action now, or holds it behind the keys held before it (see keysReady). */
  private queueKey(action: () => void): void {
    this.keys.run(action);
    this.showPending();
  }

  /** Tells (tests, and what waits for the view to settle) how many edits are on their way and keys held. */
  private showPending(): void {
    const ds = this.root.dataset;
    ds.pendingEdits = String(this.edits.pending + this.keys.size); // keys held will send edits too
    ds.heldKeys = String(this.keys.size);
  }

  /** False for a key's command that is none of the view's now (the key goes on to VS Code). */
  private handles(command: TextCommand): boolean {
    if (command.kind === 'tab') return this.edits.editable(false);
    if (command.kind === 'escape') return this.find.widget.isOpen || this.sel.hasSelection() || this.keys.size > 0;
    return true;
  }

  /**
   * True when a key may act now: no edit the view could not predict is on its way, the
   * lines around the caret are not being fetched again after a change it did not make,
   * an Up/Down has found its column, and the rows drawn show the last change (keys
   * measure them).
   */
  private keysReady(): boolean {
    if (this.edits.unsure || this.sel.goalPending || this.frame !== 0) return false;
    const lc = this.file.lineCount;
    for (const line of [this.sel.caret.line - 1, this.sel.caret.line, this.sel.caret.line + 1, this.sel.anchor.line]) {
      if (line >= 0 && line < lc && this.cache.peek(line)?.doubt) return false;
    }
    return true;
  }

  /** Runs a key's command. */
  private run(command: TextCommand): void {
    switch (command.kind) {
      case 'char': return this.moveHorizontal(command.dir, command.word, command.extend);
      case 'line': return this.moveVertical(command.dir, command.extend);
      case 'page': return this.page(command.dir, command.extend);
      case 'lineEdge': {
        const to = this.wrap.edgeTarget(this.sel.caret, this.sel.atRowEnd, command.end);
        return this.setCaret(to.pos, command.extend, true, true, to.atRowEnd);
      }
      case 'fileEdge': return this.docEdge(command.end, command.extend);
      case 'scroll': return this.scroll.scrollBy(command.lines, true);
      case 'type': return this.edits.type(command.text);
      case 'tab': return this.edits.editable(false) ? this.edits.type('\t') : undefined;
      case 'delete': return this.edits.delete(command.direction, command.word);
      case 'clipboard': return this.clipboard(command.action);
      case 'selectAll': return this.selectAll();
      case 'toggleOverwrite':
        this.edits.overwrite = !this.edits.overwrite;
        this.caretReporter.schedule();
        return this.invalidate();
      case 'escape':
        if (this.find.widget.isOpen) this.find.close();
        else if (this.sel.hasSelection()) this.setCaret(this.sel.caret, false);
        return undefined;
      case 'host':
        if (command.command === 'save') return this.post({ type: 'command', command: 'save' });
        return this.edits.undoOrRedo(command.command);
    }
  }

  private clipboard(action: ClipboardAction): void {
    if (action === 'copy') this.copy();
    else if (action === 'cut') this.edits.cut();
    else this.edits.paste();
  }

  // ---- rendering ----

  private invalidate(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private showMessage(text: string | undefined): void {
    this.messageEl.classList.toggle('hidden', text === undefined);
    if (text !== undefined && this.messageEl.textContent !== text) this.messageEl.textContent = text;
  }

  private textColumn(): TextColumn {
    return { charWidth: this.geometry.charWidth, scrollCol: this.scroll.scrollCol, left: this.geometry.editorLeft + this.geometry.gutterWidth };
  }

  private render(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const state = this.file.state;
    if (!state) return;
    const g = this.geometry;
    g.measureFontIfChanged();
    const lc = state.lineCount;
    const empty = state.complete && (state.fileSize === 0 || lc === 0);
    this.root.classList.toggle('empty', empty && lc === 0);
    this.showMessage(empty ? 'Empty file' : lc === 0 ? 'Indexing…' : undefined);
    this.messageEl.classList.toggle('indexing', !empty && lc === 0);

    const atEnd = this.scroll.atEnd(); // stays there when the scrollbar takes a row
    g.layOut(lc);
    if (this.wrap.active) this.wrap.fit(g.textWidth, g.charWidth);
    this.scroll.clampTop(atEnd);
    if (this.wrapToggled) this.scroll.showLine(this.sel.caret.line, this.sel.caret.column);
    this.wrapToggled = false;
    // An edit's caret may be on a line its host reply will add (Enter at the end): not clamped meanwhile.
    if (lc > 0 && this.sel.caret.line >= lc && this.edits.pending === 0) this.sel.pullBackTo(lc - 1, this.cache);
    const top = this.scroll.topLine;
    const available = state.complete ? lc : Math.min(lc, state.knownLines);
    const wrapped = this.wrap.active ? this.wrap.rowsFrom(this.scroll.topRow(this.wrap.lines), g.drawRows, lc) : undefined;
    if (wrapped) this.rows.showWrapped(wrapped, g.lineHeight, this.cache, available);
    else this.rows.show(top, Math.min(lc, top + g.drawRows), g.lineHeight, this.cache, available);
    this.positionTexts();

    // Reads (one layout): text widths, then what depends on them.
    g.editorLeft = this.editor.getBoundingClientRect().left;
    const editorTop = `${this.editor.offsetTop}px`;
    if (this.root.style.getPropertyValue('--editor-top') !== editorTop) this.root.style.setProperty('--editor-top', editorTop);
    const allLoaded = g.measureContent(available);
    if (allLoaded && this.scroll.scrollCol > g.hMax()) this.scroll.scrollCol = g.hMax();
    if (g.updateHBar()) this.invalidate(); // the horizontal scrollbar takes a row's room: lay out again next frame

    this.resolveCaret();
    this.positionTexts();
    this.painter.drawMatches(this.find.matcher, this.find.version);
    this.painter.drawSelectionAndCaret();

    this.scroll.draw(empty, this.sel.caret.line);
    this.toolbar.update(state);
    this.replace.update(state);
    this.root.classList.toggle('indexing', !state.complete);
    const ds = this.root.dataset;
    ds.topLine = String(top);
    [ds.topRow, ds.wrapWidth] = [String(wrapped?.[0]?.row ?? 0), String(wrapped ? this.wrap.lines.width : 0)];
    ds.lineCount = String(lc);
    ds.complete = String(state.complete);
    ds.visibleRows = String(g.fullRows);
    ds.scrollCol = String(Math.round(this.scroll.scrollCol));
    ds.caret = `${this.sel.caret.line}:${this.sel.caret.column}`;
    ds.anchor = `${this.sel.anchor.line}:${this.sel.anchor.column}`;

    const windows = wrapped && this.wrap.lineWindows(wrapped, this.scroll.topByte);
    this.requests.fetch(state, top, g.drawRows, g.hWindow(this.scroll.scrollCol), windows);
    this.caretReporter.schedule();
    this.saver.schedule();
    this.keys.drain();
    this.showPending();
  }

  private positionTexts(): void {
    const cw = this.geometry.charWidth;
    for (const row of this.rows.all()) row.scrollTo(this.scroll.scrollCol, cw);
  }

  /** Settles what waited for the caret's line to be drawn: Up/Down goal and reveal. */
  private resolveCaret(): void {
    const row = this.rows.at(this.sel.caret.line, this.sel.caret.column, this.sel.atRowEnd);
    const x = row && this.sel.resolve(row, this.textColumn());
    if (x !== undefined && !this.wrap.active) this.scroll.showX(x);
  }
}
