/**
 * The hex view: rows of `bytesPerRow` bytes (offset, hex, decoded characters) over
 * a file the host serves by byte offset (see src/editor/protocol.ts). Rows come from
 * offsets (row = offset / bytesPerRow), so the view paints as soon as the file size
 * is known, without the line index.
 *
 * HexView builds the page, keeps the file's state and draws each frame; its parts,
 * one concern each, get from it only what they need:
 * - hexViewport.ts: the rows and pixels on screen; hexPainter.ts paints them.
 * - byteRequests.ts: the bytes asked for, in chunks, into byteCache.ts.
 * - hexCommands.ts, hexKeyRouting.ts, hexPointer.ts: keys and mouse on the caret
 *   (hexCursor.ts).
 * - hexEdits.ts: byte edits on the host's document, so the same undo stack and save
 *   as the text view.
 * - hexFind.ts, hexInspector.ts: find, and the data inspector.
 * - hexMessages.ts, hexCaretReport.ts, hexSavedState.ts: the host's messages in, the
 *   caret out, the state kept across reloads.
 */
import type { FileState, HexSettings, ViewerMessage } from '../../src/editor/protocol';
import { MAX_BYTES_PER_ROW } from '../../src/editor/protocol';
import { formatBytes } from '../../src/editor/format';
import { findButton, Notices, Toolbar, viewButton } from '../chrome';
import { el, pinScroll } from '../dom';
import { measureFont, onFontChange } from '../fontMetrics';
import { isCount } from '../guards';
import { IS_MAC } from '../keys';
import type { View, ViewPage, VsCodeApi } from '../page';
import { StateSaver } from '../stateSaver';
import { ByteCache } from './byteCache';
import { ByteRequests } from './byteRequests';
import { CaretReport } from './hexCaretReport';
import { HexCommands } from './hexCommands';
import { HexCursor } from './hexCursor';
import { HexEdits } from './hexEdits';
import { HexFind } from './hexFind';
import { HexMarks } from './hexMarks';
import { offsetDigits } from './hexFormat';
import { HexInspector } from './hexInspector';
import { routeHexKeys } from './hexKeyRouting';
import { handleHexMessage, type HexMessageHandlers } from './hexMessages';
import { HexPainter } from './hexPainter';
import { HexPointer } from './hexPointer';
import { rowChars } from './hexRows';
import { readSavedHexState, type SavedHexState } from './hexSavedState';
import { HexViewport } from './hexViewport';
import { UTF8_READING } from '../../src/search/textReading';

/** The hex view of one file, on the page `ViewPage` gives it; `onMessage` takes the host's messages. */
export class HexView implements View {
  private readonly vscode: VsCodeApi;
  private readonly signal: AbortSignal;
  private readonly root: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly notices: Notices;
  private readonly body: HTMLDivElement;
  private readonly editor: HTMLDivElement;
  private readonly probe: HTMLDivElement;
  private readonly rowsEl: HTMLDivElement;
  private readonly live: HTMLDivElement;

  private readonly cursor = new HexCursor();
  private readonly marks = new HexMarks();
  private readonly cache = new ByteCache();
  private readonly viewport: HexViewport;
  private readonly inspector: HexInspector;
  private readonly find: HexFind;
  private readonly painter: HexPainter;
  private readonly pointer: HexPointer;
  private readonly requests: ByteRequests;
  private readonly edits: HexEdits;
  private readonly commands: HexCommands;
  private readonly caretReport: CaretReport;
  private readonly saver: StateSaver<SavedHexState>;
  private readonly handlers: HexMessageHandlers;

  private state: FileState | undefined;
  private bytesPerRow = 16;
  private bodyWidth = 0;
  private fontDirty = true;
  private frame = 0;
  private focused = false;

  constructor(page: ViewPage) {
    this.root = page.root;
    this.vscode = page.vscode;
    this.signal = page.signal;
    this.toolbar = new Toolbar(this.root, [
      findButton(() => this.find.open()),
      { id: 'goto', label: 'Go to Offset…', title: `Go to Offset… (${IS_MAC ? '⌘G' : 'Ctrl+G'})`, run: () => this.post({ type: 'command', command: 'goToOffset' }) },
      { id: 'inspector', label: 'Inspector', title: 'Data inspector: the bytes at the caret as numbers', pressed: () => this.inspector.shown, run: () => this.inspector.toggle() },
      viewButton(true, () => this.post({ type: 'command', command: 'toggleView' })),
    ], hexStatus);
    this.notices = new Notices(this.root, () => this.focusView());
    const body = el('div', 'hex-body', this.root);
    this.body = body;
    this.editor = el('div', 'editor hex-editor', body);
    this.editor.tabIndex = 0;
    this.editor.setAttribute('role', 'document');
    this.editor.setAttribute('aria-roledescription', 'hex view');
    this.probe = el('div', 'probe', this.editor);
    this.probe.setAttribute('aria-hidden', 'true');
    this.rowsEl = el('div', 'hex-rows', this.editor);
    pinScroll(this.editor);
    pinScroll(this.rowsEl);
    const view = this;
    this.viewport = new HexViewport(this.editor, {
      cursor: this.cursor,
      get size() { return view.state?.fileSize ?? 0; },
      get bytesPerRow() { return view.bytesPerRow; },
      cellsMoved: () => this.pointer.relayout(),
      changed: () => this.invalidate(),
    });
    this.inspector = new HexInspector(body, this.cursor, this.cache, {
      get size() { return view.state?.fileSize ?? 0; },
      overwrite: (offset, bytes) => this.edits.overwriteAt(offset, bytes),
      changed: () => this.invalidate(),
      leave: () => this.focusView(),
    });
    this.live = el('div', 'sr-only', this.root);
    this.live.setAttribute('aria-live', 'polite');
    this.find = new HexFind(this.root, this.cursor, this.cache, {
      post: (m) => this.post(m),
      announce: (text) => { this.live.textContent = text; },
      redraw: () => this.invalidate(),
      focusView: () => this.focusView(),
      select: (offset, length) => this.revealOffset(offset, length, false),
    });
    this.painter = new HexPainter(this.editor, this.rowsEl, this.cursor, this.cache, (at) => this.find.markAt(at), (start, perRow) => this.marks.inRow(start, perRow));
    this.pointer = new HexPointer(this.editor, this.rowsEl, {
      get cursor() { return view.cursor; },
      get size() { return view.state?.fileSize ?? 0; },
      get bytesPerRow() { return view.bytesPerRow; },
      get topRow() { return view.viewport.topRow; },
      get lineHeight() { return view.viewport.lineHeight; },
      get fullRows() { return view.viewport.fullRows; },
      get shownRows() { return Math.min(view.viewport.drawRows, view.viewport.rowTotal() - view.viewport.topRow); },
      firstRow: () => this.painter.firstRow(),
      scrollToRow: (row) => this.viewport.scrollToRow(row),
      focus: () => this.focusView(),
      changed: () => this.invalidate(),
    });
    this.requests = new ByteRequests(this.cache, { post: (m) => this.post(m), redraw: () => this.invalidate() });
    this.edits = new HexEdits(this.cursor, this.cache, {
      get state() { return view.state; },
      post: (m) => this.post(m),
      explainReadOnly: (reason) => this.notices.show('info', `This file is read-only${reason ? `: ${reason}` : ''}.`),
      changed: (sent) => {
        if (sent) this.requests.drop();
        this.viewport.revealCaret();
        this.invalidate();
      },
    });
    this.commands = new HexCommands(this.cursor, this.edits, {
      // With the edits on their way: the caret moves over bytes just typed.
      get size() { return view.edits.size; },
      get bytesPerRow() { return view.bytesPerRow; },
      get pageRows() { return view.viewport.pageRows; },
      scrollBy: (rows) => this.viewport.scrollBy(rows),
      revealCaret: () => this.viewport.revealCaret(),
      revealCaretCell: () => this.viewport.revealCaretCell(),
      changed: () => this.invalidate(),
    });
    this.caretReport = new CaretReport(this.cursor, this.cache, {
      get size() { return view.state?.fileSize ?? 0; },
      get focused() { return view.focused; },
      post: (m) => this.post(m),
      announce: (text) => { this.live.textContent = text; },
    });
    this.saver = new StateSaver<SavedHexState>(this.vscode, () => {
      const c = this.cursor;
      return { topRow: this.viewport.topRow, caret: c.caret, anchor: c.anchor, column: c.column, littleEndian: this.inspector.littleEndian, inspector: this.inspector.shown };
    });
    this.handlers = {
      get ready() { return view.state !== undefined; },
      init: (state, hex) => this.onInit(state, hex),
      state: (state) => this.applyState(state),
      bytes: (id, offset, data, edited, state) => this.onBytes(id, offset, data, edited, state),
      foundOffset: (m) => this.find.answered(m),
      findCount: (m) => this.find.session.onCount(m),
      openFind: () => this.find.open(),
      revealOffset: (offset, length) => this.revealOffset(offset, length),
      bytesEdited: (fromOffset, caretOffset, state, reset) => this.onBytesEdited(fromOffset, caretOffset, state, reset),
      notice: (level, text, topic) => this.notices.show(level, text, topic),
      marks: (offsets) => {
        this.marks.set(offsets);
        this.invalidate();
      },
      caretFor: (id) => this.post({ type: 'caretAt', id, offset: this.cursor.caret }),
      findRuler: (count, bits) => {
        this.viewport.ruler.setLane('find', count, bits);
        this.invalidate();
      },
    };
    this.listen();
  }

  // ---- messages ----

  private post(message: ViewerMessage): void {
    this.vscode.postMessage(message);
  }

  onMessage(data: unknown): void {
    handleHexMessage(data, this.handlers);
  }

  private onInit(state: FileState, hex: HexSettings | undefined): void {
    const first = !this.state;
    this.state = state;
    this.cache.clear();
    this.requests.reset();
    const perRow = hex && isCount(hex.bytesPerRow) && hex.bytesPerRow >= 1 && hex.bytesPerRow <= MAX_BYTES_PER_ROW ? hex.bytesPerRow : 16;
    if (perRow !== this.bytesPerRow || !this.painter.hasHeader) this.setBytesPerRow(perRow);
    const saved = first ? readSavedHexState(this.vscode) : undefined;
    if (saved) {
      this.viewport.topRow = saved.topRow;
      this.cursor.select(saved.anchor, saved.caret);
      this.cursor.column = saved.column;
      this.inspector.littleEndian = saved.littleEndian;
      this.inspector.shown = saved.inspector;
    } else {
      const caret = hex && isCount(hex.caretOffset) ? Math.min(hex.caretOffset, state.fileSize) : 0;
      this.cursor.moveTo(caret, false);
      this.viewport.centerOn(caret);
    }
    this.editor.setAttribute('aria-label', `${state.fileName}, hex view${state.readOnly ? ', read-only' : ''}`);
    if (first && document.hasFocus() && !this.notices.contains(document.activeElement)) this.focusView();
    this.invalidate();
  }

  private setBytesPerRow(perRow: number): void {
    this.bytesPerRow = perRow;
    this.painter.setBytesPerRow(perRow);
    this.pointer.relayout();
  }

  private applyState(next: FileState): void {
    const prev = this.state;
    this.state = next;
    if (prev && next.fileSize !== prev.fileSize) {
      this.cache.resized(prev.fileSize, next.fileSize);
      this.requests.reset();
    }
    this.invalidate();
  }

  private onBytes(id: number, offset: number, data: Uint8Array, edited: number[], state: FileState): void {
    // Taken before the state applies: a change of size forgets the request on its way, not this reply to it.
    const req = this.requests.take(id);
    this.applyState(state);
    if (!req) return; // asked before an edit or a change of the file
    this.requests.received(req, offset, data, edited, state.fileSize);
    this.invalidate();
  }

  /** The content changed (an edit from any view, undo, redo, revert, save), or the file on disk (`reset`: nothing held is current). */
  private onBytesEdited(fromOffset: number, caretOffset: number | undefined, state: FileState, reset: boolean): void {
    if (reset) this.cache.clear();
    else this.cache.markStale(fromOffset);
    this.requests.reset();
    // The edit explains a change of size: not a truncation, only bytes from `fromOffset` on changed.
    this.state = state;
    const before = this.cursor.caret;
    this.edits.confirmed(caretOffset);
    this.cursor.clamp(this.edits.size);
    if (this.cursor.caret !== before) this.viewport.revealCaret();
    this.invalidate();
  }

  /**
   * Puts the caret at `offset` with `length` bytes selected, and scrolls it to the
   * middle of the view if it is off screen; takes the focus unless `focus` is false
   * (a find match: the keys stay in the find widget).
   */
  private revealOffset(offset: number, length: number, focus = true): void {
    const size = this.state!.fileSize;
    const start = Math.min(offset, size);
    this.cursor.select(start, Math.min(size, start + length));
    this.viewport.revealOffset(start);
    if (focus) this.focusView();
    this.invalidate();
  }

  // ---- rendering ----

  private invalidate(): void {
    if (!this.frame && !this.signal.aborted) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.frame = 0;
    const state = this.state;
    if (!state || this.signal.aborted) return;
    if (this.fontDirty) {
      this.fontDirty = false;
      this.viewport.setFont(measureFont(this.probe));
      this.root.style.setProperty('--line-height', `${this.viewport.lineHeight}px`);
      this.pointer.relayout();
      this.inspector.remeasure();
    }
    const vp = this.viewport;
    const size = state.fileSize;
    const perRow = this.bytesPerRow;
    const total = vp.rowTotal();
    const digits = offsetDigits(size);
    this.root.style.setProperty('--offset-digits', String(digits));
    const chars = rowChars(digits, perRow);
    this.root.style.setProperty('--row-chars', String(chars));
    const offsetPx = (digits + 3) * vp.charWidth;
    this.root.style.setProperty('--gutter-width', `${offsetPx}px`);
    vp.layout(offsetPx);
    this.root.style.setProperty('--scroll-x', `${vp.scrollX}px`);
    const top = vp.topRow;
    this.cursor.clamp(this.edits.size);
    const c = this.cursor;
    const shown = Math.min(vp.drawRows, total - top);
    this.find.update(top * perRow, (top + shown) * perRow, size, this.state?.reading ?? UTF8_READING);
    this.painter.paint({ topRow: top, shown, lineHeight: vp.lineHeight, digits, size });
    this.root.classList.toggle('insert-mode', c.insert);
    this.root.classList.toggle('text-column', c.column === 'text');

    vp.ruler.setMarks(this.marks.rows(perRow));
    vp.updateBars(offsetPx, Math.floor(c.caret / perRow));
    this.inspector.update(state.readOnly, vp.rowWidth(chars), this.bodyWidth);
    this.toolbar.update(state);

    const ds = this.root.dataset;
    ds.topRow = String(top);
    ds.rowCount = String(total);
    ds.bytesPerRow = String(perRow);
    ds.caret = String(c.caret);
    ds.anchor = String(c.anchor);
    ds.column = c.column;
    ds.insert = String(c.insert);
    ds.pendingEdits = String(this.edits.pending);
    ds.visibleRows = String(vp.fullRows);
    ds.scrollX = String(vp.scrollX);

    this.requests.fetch(top * perRow, vp.drawRows * perRow, size);
    this.caretReport.schedule();
    this.saver.schedule();
  }

  // ---- input ----

  private listen(): void {
    const signal = this.signal;
    const resize = new ResizeObserver(() => {
      this.viewport.resize(this.editor.clientWidth, this.editor.clientHeight);
      this.bodyWidth = this.body.clientWidth;
      this.pointer.relayout();
      this.invalidate();
    });
    resize.observe(this.editor);
    resize.observe(this.body);
    signal.addEventListener('abort', () => {
      resize.disconnect();
      this.pointer.dispose();
      cancelAnimationFrame(this.frame);
      this.caretReport.dispose();
      this.saver.dispose();
      this.requests.dispose();
    });
    onFontChange(() => {
      this.fontDirty = true;
      this.invalidate();
    }, signal);
    this.editor.addEventListener('wheel', (e) => this.viewport.onWheel(e), { passive: false });
    window.addEventListener('focus', () => {
      // VS Code focuses the webview's frame, not an element in it: keys must reach the view.
      if (!document.activeElement || document.activeElement === document.body) this.focusView();
    }, { signal });
    this.editor.addEventListener('focus', () => this.setFocused(true));
    this.editor.addEventListener('blur', () => this.setFocused(false));
    routeHexKeys(this.editor, { find: this.find, post: (m) => this.post(m), run: (command) => this.commands.run(command) }, signal);
  }

  private focusView(): void {
    if (document.activeElement !== this.editor) this.editor.focus({ preventScroll: true });
  }

  private setFocused(focused: boolean): void {
    this.focused = focused;
    this.root.classList.toggle('focused', focused);
    if (!focused) this.cursor.pendingNibble = undefined;
    this.invalidate();
  }
}

/** The toolbar's words for a file in hex: its size, exactly and readably. */
function hexStatus(state: FileState): string {
  const size = `${state.fileSize.toLocaleString('en-US')} ${state.fileSize === 1 ? 'byte' : 'bytes'}${state.fileSize >= 1024 ? ` (${formatBytes(state.fileSize)})` : ''}`;
  return state.readOnly ? `${size} · read-only` : size;
}
