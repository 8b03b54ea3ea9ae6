import * as vscode from 'vscode';
import { byteColumn, parseGoToLine } from './goToLineInput';
import type { ViewCaret } from './caretProtocol';
import { CaretQuery } from './caretQuery';
import { Disposable } from './dispose';
import { HugeDocument } from './hugeDocument';
import { UnencodableError } from '../encoding/textEncoding';
import { clampToLine, offsetOf, positionOf } from '../edits/editCommands';
import { FilterController } from './filterController';
import { FindController } from './findController';
import { ReplaceController } from './replaceController';
import { formatBytes } from './format';
import type { HeldEdit } from './heldEdit';
import { HexCaret, HexRequests } from './hexRequests';
import { readLineSlices, readSelection } from './lineService';
import { HighlightLanes } from './highlightLanes';
import { addHighlightRule, highlightRulesNow, highlightsMessage, onDidChangeHighlights } from './highlightRules';
import { logColoursMessage, onDidChangeLogColours } from './logColours';
import { goToMark, listMarks, toggleMark } from './markCommands';
import type { MarkAction } from './markProtocol';
import { editedLines, RULER_INTERVAL_MS, rulerMessage } from './rulerLanes';
import type { ResetReason } from '../lines';
import { HostMessage, OpenMessage, Position, validateViewerMessage, ViewerCommand, ViewerMessage, ViewMode } from './protocol';
import { bytesPerRowSetting, initialViewMode, SNIFF_BYTES } from './viewMode';
import { errorHtml, viewerHtml } from './webviewHtml';
import { windowRoundTrip } from './windowRoundTrip';
import { onDidChangeWordWrap, ViewWordWrap } from './wordWrap';

/** What the status bar shows for the active viewer. */
export interface CaretReport {
  document: HugeDocument;
  position: Position;
  byteOffset: number | undefined;
  overwrite: boolean;
  /** The hex caret, when the viewer shows hex. */
  hex?: HexCaret;
}

/** A selection longer than this is not a highlight rule's pattern (as VS Code's find takes no long selection). */
const MAX_SEED_BYTES = 200;

/**
 * One webview showing a HugeDocument, as text or as hex: answers its requests
 * (validated, bounded), pushes index progress and file changes to it, and runs the
 * commands that act on the active viewer (Go to Line / Offset, follow mode, the
 * view toggle).
 */
export class ViewerSession extends Disposable {
  private caret: Position = { line: 0, column: 0 };
  /** The selection's other end, as the view last reported it; undefined when nothing is selected. */
  private anchor: Position | undefined;
  private overwrite = false;
  private topLine = 0;
  private shownLines = 0;
  private viewMode: ViewMode = 'text';
  private readonly hex: HexRequests;
  private readonly finder: FindController;
  private readonly replacer: ReplaceController;
  /** Where your highlight rules match, for the text view's ruler. */
  private readonly highlightLanes: HighlightLanes;
  private readonly filter: FilterController;
  /** Asks the view where its caret is now, for the commands that act there. */
  private readonly caretQuery: CaretQuery;
  /** Sent after the next `init`: what to open in a view the switch is starting. */
  private openWhenReady: OpenMessage | undefined;
  /** The last edit of the view (its id) applied or answered: what the lines it reads next include. */
  private appliedEdit = 0;
  /** A paste reading the clipboard, and the messages chained after it: a new message waits for them. */
  private pasting: Promise<void> | undefined;
  /** The marked lines the view was sent last (undefined: send them again), and how many marks were not placed yet. */
  private sentMarks: number[] | undefined;
  private unplacedMarks = 0;
  /** The unsaved edits' lane of the ruler: sent soon, and whether the view shows one. */
  private editsLaneTimer: NodeJS.Timeout | undefined;
  private editsLaneShown = false;
  /** The text view's word wrap: the settings', or as Toggle Word Wrap left it. */
  private readonly wordWrap: ViewWordWrap;

  constructor(
    readonly document: HugeDocument,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly onCaret: (report: CaretReport) => void,
  ) {
    super();
    this.wordWrap = new ViewWordWrap(document.uri);
    const post = (message: HostMessage): void => this.post(message);
    this.finder = new FindController(document, post);
    this.replacer = new ReplaceController(document, this.finder, post);
    this.filter = new FilterController(document, post);
    this.highlightLanes = new HighlightLanes(document, post);
    this.caretQuery = new CaretQuery(post);
    this.register({ dispose: () => { this.finder.stop(); this.replacer.stop(); this.filter.stop(); this.highlightLanes.stop(); this.caretQuery.dispose(); } });
    this.hex = new HexRequests(document, post, (edit) => this.edit(edit), () => this.reportCaret());
    const webview = panel.webview;
    webview.options = {
      enableScripts: !document.openError,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
    if (document.openError) {
      webview.html = errorHtml(document.fileName, describeError(document.openError));
      return;
    }
    const text = document.text!;
    this.viewMode = initialViewMode(vscode.workspace.getConfiguration('hugefile').get('defaultView'), () => text.read(0, Math.min(SNIFF_BYTES, text.size)), text.encoding.units === 'utf16');
    webview.html = viewerHtml(webview, extensionUri, document.fileName);
    this.register(webview.onDidReceiveMessage((raw) => this.onMessage(raw)));
    this.register(document.onDidChangeState((state) => {
      this.post({ type: 'state', state });
      if (this.unplacedMarks > 0) this.sendMarks();
      if (state.following && state.knownLines > this.shownLines && this.viewMode === 'text') {
        this.post({ type: 'reveal', line: Math.max(0, state.knownLines - 1), select: false });
      }
      this.shownLines = state.knownLines;
    }));
    this.register(document.onNotice((notice) => this.post(notice)));
    this.register(document.onDidChangeContent((change) => {
      if (this.viewMode === 'hex') {
        this.post({ type: 'bytesEdited', fromOffset: change.offset, caretOffset: change.caretOffset, state: document.state() });
      } else {
        // A save has no caret of its own: the view keeps its caret and selection (the one reported last may be stale).
        const caret = change.caretOffset === undefined ? undefined : positionOf(text, change.caretOffset);
        const editId = change.origin?.viewer === this ? change.origin.id : undefined;
        if (editId !== undefined) this.appliedEdit = editId;
        this.post({ type: 'edited', fromLine: change.fromLine, caret, state: document.state(), keepCaret: caret === undefined, editId });
      }
      this.finder.contentChanged();
      this.filter.contentChanged();
      this.highlightLanes.contentChanged();
      this.sendMarks();
      this.scheduleEditsLane();
    }));
    if (document.marks) {
      this.register(document.marks.onDidChange(() => {
        this.sendMarks();
        this.filter.marksChanged();
      }));
    }
    this.register(document.onDidReset((reason) => this.onReset(reason)));
    this.register(onDidChangeLogColours(() => this.post(logColoursMessage(document.fileName))));
    this.register(onDidChangeWordWrap(document.uri, () => {
      this.wordWrap.reset();
      if (this.viewMode === 'text') this.post(this.wordWrap.message);
    }));
    this.register(onDidChangeHighlights(() => {
      this.post(highlightsMessage());
      if (this.viewMode === 'text') this.highlightLanes.setRules(highlightRulesNow());
    }));
  }

  /**
   * The file changed on disk under a clean document, which now shows the new content.
   * A rewrite in place reloads quietly where the view is (as VS Code does); a
   * truncation or rotation says so in one notice, which replaces the one before.
   * Following goes on at the new end (as `tail -F` does); otherwise the view goes to
   * the start.
   */
  private onReset(reason: ResetReason): void {
    const document = this.document;
    const state = document.state();
    const following = state.following;
    if (reason !== 'rewritten') {
      const what = reason === 'shrunk' ? 'was truncated' : 'was replaced (rotated)';
      const then = following ? 'following its new end' : 'showing it from the start';
      this.post({ type: 'notice', level: 'info', topic: 'disk', text: `${document.fileName} ${what} on disk; ${then}.` });
    }
    const last = Math.max(0, state.knownLines - 1);
    if (this.viewMode === 'hex') {
      this.post({ type: 'bytesEdited', fromOffset: 0, caretOffset: reason === 'rewritten' ? undefined : 0, state, reset: true });
    } else {
      const caret = reason === 'rewritten' ? this.caret : { line: following ? last : 0, column: 0 };
      this.post({ type: 'edited', fromLine: 0, caret, state, reset: true, keepCaret: reason === 'rewritten' });
      if (reason !== 'rewritten') this.post({ type: 'reveal', line: following ? last : 0, select: true });
    }
    this.shownLines = state.knownLines;
    this.finder.contentChanged();
    this.filter.contentChanged();
    this.highlightLanes.contentChanged();
  }

  /** Which view the webview shows. */
  get mode(): ViewMode {
    return this.viewMode;
  }

  /**
   * Switches between text and hex, keeping the place of the caret the view has now:
   * the hex caret goes to the text caret's byte, the text view to the line of the hex
   * caret when indexed.
   */
  async toggleView(): Promise<void> {
    const caret = await this.caretNow();
    const text = this.document.text;
    if (!caret || !text) return;
    if (caret.position) {
      try {
        this.hex.caret = { ...this.hex.caret, offset: offsetOf(text, caret.position), selectionLength: 0 };
      } catch {
        // The caret's line is not indexed (any more): the hex caret stays where it was.
      }
      this.viewMode = 'hex';
    } else {
      try {
        this.topLine = text.lineOfOffset(caret.offset);
      } catch {
        // Not indexed yet: the text view opens where it was.
      }
      this.viewMode = 'text';
    }
    this.post({ type: 'mode', mode: this.viewMode });
    this.reportCaret();
  }

  /** Asks for an offset and puts the hex caret there (hex view only); relative offsets count from the caret the view has now. */
  async goToOffset(): Promise<void> {
    if (this.viewMode !== 'hex') return;
    const caret = await this.caretNow();
    if (caret?.offset !== undefined) await this.hex.goToOffset(caret.offset);
  }

  /** Asks for a line number, starting from the caret's line, and shows it, waiting for the index if it is not there yet. */
  async goToLine(): Promise<void> {
    const caret = await this.caretNow();
    if (!caret) return;
    const state = this.document.state();
    const range = state.complete ? `1–${state.lineCount.toLocaleString('en-US')}` : `1–~${state.lineCount.toLocaleString('en-US')}, still indexing`;
    const text = await vscode.window.showInputBox({
      title: 'Go to Line',
      prompt: `Line number, optionally :column (${range}; -1 is the last line)`,
      value: String((this.lineAt(caret) ?? 0) + 1),
      validateInput: (value) => (parseGoToLine(value, state.lineCount) ? undefined : 'Type a line number, optionally followed by :column (e.g. 120:8)'),
    });
    const target = text === undefined ? undefined : parseGoToLine(text, this.document.state().lineCount);
    if (target) await this.reveal(target.line, target.character);
  }

  /**
   * Where the view's caret is now (see caretProtocol.ts). When the view does not answer
   * in time (hidden, closing), or the answer comes from a view a switch is replacing,
   * the caret it reported last. Undefined once the session is disposed.
   */
  private async caretNow(): Promise<ViewCaret | undefined> {
    const answer = await this.caretQuery.ask();
    if (this.isDisposed) return undefined;
    const hex = this.viewMode === 'hex';
    if (answer && (answer.offset !== undefined) === hex) return answer;
    return hex ? { offset: this.hex.caret.offset } : { position: this.caret };
  }

  /** The caret's line (in hex, the line holding the caret's byte); undefined when that line is not indexed yet. */
  private lineAt(caret: ViewCaret): number | undefined {
    if (caret.position) return caret.position.line;
    const text = this.document.text!;
    try {
      return text.lineOfOffset(Math.min(caret.offset, Math.max(0, text.size - 1)));
    } catch {
      return undefined;
    }
  }

  /** Opens the find widget, with its replace row, or the filter pane (commands run from outside the webview). */
  open(what: OpenMessage['what']): void {
    if (what !== 'find' && this.viewMode === 'hex') {
      // The filter lists lines, replace changes text: they open in the text view, which the switch starts anew, once it is ready.
      const query = this.finder.query;
      this.openWhenReady = { type: 'open', what, query: query?.kind === 'bytes' ? undefined : query };
      void this.toggleView();
      return;
    }
    this.post({ type: 'open', what });
  }

  /** Toggle Word Wrap (Alt+Z): the text view wraps, or stops wrapping. */
  toggleWordWrap(): void {
    if (this.viewMode !== 'text') return;
    this.wordWrap.toggle();
    this.post(this.wordWrap.message);
  }

  toggleFollow(): void {
    this.document.setFollowing(!this.document.isFollowing);
    const known = this.document.state().knownLines;
    if (this.document.isFollowing && known > 0) this.post({ type: 'reveal', line: known - 1, select: false });
  }

  /** Reveals `line` (0-based) with the caret at `character` (UTF-16 units); past the end, the last line, saying so. */
  async reveal(line: number, character = 0): Promise<void> {
    const index = this.document.index;
    if (!index) return;
    if (!index.isLineKnown(line) && !index.complete) {
      const done = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Indexing up to line ${(line + 1).toLocaleString('en-US')}`, cancellable: true },
        (progress, token) => new Promise<boolean>((resolve) => {
          const stop = index.onProgress((p) => progress.report({ message: `${Math.floor((100 * p.indexedBytes) / Math.max(1, p.fileSize))} %` }));
          token.onCancellationRequested(() => { stop(); resolve(false); });
          index.waitForLine(line).then(() => { stop(); resolve(true); }, () => { stop(); resolve(false); });
        }),
      );
      if (!done) return;
    }
    const last = this.document.text!.availableLines() - 1;
    if (line > last) {
      void vscode.window.showInformationMessage(`${this.document.fileName} has ${(last + 1).toLocaleString('en-US')} lines; showing the last one.`);
    }
    const shown = Math.max(0, Math.min(line, last));
    // In hex, a line is the offset where it starts.
    if (this.viewMode === 'hex') this.hex.reveal(last < 0 ? 0 : this.document.text!.lineBounds(shown).start, 0);
    else this.post({ type: 'reveal', line: shown, select: true, column: character > 0 ? this.byteColumnOf(shown, character) : 0 });
  }

  /** Where character `character` of `line` is, in bytes from the line's start (at most its length). */
  private byteColumnOf(line: number, character: number): number {
    const text = this.document.text!;
    const { start, end } = text.lineBounds(line);
    if (text.encoding.units === 'byte') return Math.min(character, end - start);
    if (text.encoding.units === 'utf16') return Math.min(2 * character, end - start);
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    return byteColumn(text.read(start, Math.min(end - start, 3 * character)), character);
  }

  private onMessage(raw: unknown): void {
    const message = validateViewerMessage(raw);
    if (!message) {
      console.warn('hugefile: ignored a malformed message from the viewer', raw);
      return;
    }
    // A paste waits for the clipboard: what the view sent after it waits too, in order
    // (a paste among them holds the ones after it in turn: the chain waits for its promise).
    if (this.pasting) this.waitFor(this.pasting.then(() => this.run(message)));
    else {
      const pasting = this.run(message);
      if (pasting) this.waitFor(pasting);
    }
  }

  /** Messages from now on wait for `tail`; once it is done with none chained after it, they run at once again. */
  private waitFor(tail: Promise<void>): void {
    this.pasting = tail;
    void tail.then(() => {
      if (this.pasting === tail) this.pasting = undefined;
    });
  }

  /** Handles one message, answering a failed edit; a paste returns the promise of its clipboard read. */
  private run(message: ViewerMessage): Promise<void> | undefined {
    try {
      return this.handle(message);
    } catch (err) {
      const edit = message.type === 'insert' || message.type === 'delete' || message.type === 'paste';
      if (edit) this.unchanged(true, message.id);
      // A read that met the end of a file truncated meanwhile: the refresh tells the view (a log's truncation is no error).
      if ((err as NodeJS.ErrnoException).code !== 'EFAULT') {
        const text = describeError(err as Error);
        this.post({ type: 'notice', level: 'error', text: edit ? `Your edit was not made: ${text}` : text });
      }
      this.document.refresh();
      return undefined;
    }
  }

  /** Handles one message; a paste returns the promise of its clipboard read. */
  private handle(message: ViewerMessage): Promise<void> | undefined {
    const text = this.document.text!;
    switch (message.type) {
      case 'ready': {
        this.appliedEdit = 0; // a new page numbers its edits from 1
        const bytesPerRow = bytesPerRowSetting(vscode.workspace.getConfiguration('hugefile').get('hexBytesPerRow'));
        this.post({ type: 'init', state: this.document.state(), topLine: this.topLine, mode: this.viewMode, hex: { bytesPerRow, caretOffset: this.hex.caret.offset } });
        this.post(logColoursMessage(this.document.fileName));
        this.post(highlightsMessage());
        if (this.viewMode === 'text') this.post(this.wordWrap.message);
        if (this.viewMode === 'text') this.highlightLanes.setRules(highlightRulesNow());
        else this.highlightLanes.setRules([]);
        this.sentMarks = undefined;
        this.sendMarks();
        this.editsLaneShown = true; // a new page: send the lane even when there is none
        this.scheduleEditsLane();
        if (this.openWhenReady) this.post(this.openWhenReady);
        this.openWhenReady = undefined;
        this.reportCaret();
        break;
      }
      case 'getLines': {
        // During a save the file is unmapped; the viewer asks again after the `edited` that follows it.
        this.document.checkDisk();
        const lines = this.document.isSaving ? [] : readLineSlices(text, message.start, message.count, message.fromByte, message.maxBytes);
        this.post({ type: 'lines', id: message.id, lines, state: this.document.state(), edit: this.appliedEdit });
        this.document.startIndexing();
        break;
      }
      case 'caret':
        this.caret = message.position;
        this.anchor = message.anchor;
        this.topLine = message.topLine;
        this.overwrite = message.overwrite;
        this.reportCaret();
        break;
      case 'copy':
        this.copy(message.from, message.to);
        break;
      case 'command':
        this.runCommand(message.command, message.id);
        break;
      case 'insert':
        if (message.moved) this.document.endUndoStep();
        this.edit({ kind: 'type', at: message.at, to: message.to, text: message.text, overwrite: message.overwrite }, message.id);
        break;
      case 'delete':
        if (message.moved) this.document.endUndoStep();
        this.edit({ kind: 'delete', from: message.from, to: message.to, direction: message.direction }, message.id);
        break;
      case 'paste':
        return Promise.resolve(vscode.env.clipboard.readText()).then((clip) => {
          if (clip) this.edit({ kind: 'type', at: message.at, to: message.to, text: clip, overwrite: false, paste: true }, message.id);
          else this.unchanged(false, message.id);
        }, () => this.unchanged(false, message.id));
      case 'getBytes':
      case 'byteCaret':
      case 'replaceBytes':
      case 'pasteBytes':
      case 'copyBytes':
        this.hex.handle(message);
        break;
      case 'find':
        void this.finder.find(message);
        break;
      case 'findOffset':
        void this.finder.findOffset(message);
        break;
      case 'findStop':
        this.finder.stop();
        break;
      case 'replaceOne':
        void this.replacer.replaceOne(message);
        break;
      case 'replaceAll':
        void this.replacer.replaceAll(message);
        break;
      case 'replaceStop':
        this.replacer.stop(message.id);
        break;
      case 'filter':
        this.filter.start(message);
        break;
      case 'filterStop':
        this.filter.stop();
        break;
      case 'getFilterLines':
        void this.filter.lines(message);
        break;
      case 'caretAt':
        this.caretQuery.answered(message);
        break;
      case 'addHighlight':
        void addHighlightRule(undefined, message.query);
        break;
      case 'revealLine':
        // The view scrolled past the indexed lines: tell it when they are known. No
        // reveal: the user may have moved on by then, and the view stays where it is.
        this.document.index?.waitForLine(message.line).then(() => this.post({ type: 'state', state: this.document.state() }), () => undefined);
        break;
    }
    return undefined;
  }

  /** Runs a command the view asked for; an undo or redo with an `id` is answered once done (the view holds keys until then). */
  private runCommand(command: ViewerCommand, id?: number): void {
    if (id !== undefined) {
      const done = () => this.unchanged(false, id);
      // What was typed during a save reaches VS Code's undo stack only after it, and what
      // was typed just now a moment after its message: the undo waits for both, so that it
      // takes back the last thing typed. The view's keys wait for it too, and for an undo
      // held by a save started since.
      this.document.idle().then(() => windowRoundTrip()).then(() => {
        if (this.isDisposed) return undefined;
        if (!this.panel.active) {
          void vscode.window.showInformationMessage(`The ${command} asked for in ${this.document.fileName} was not run: its editor is no longer the active one.`);
          return undefined;
        }
        return vscode.commands.executeCommand(command);
      }).then(() => this.document.idle()).then(done, done);
    } else if (command === 'goToLine') void this.goToLine();
    else if (command === 'goToOffset') void this.goToOffset();
    else if (command === 'toggleFollow') this.toggleFollow();
    else if (command === 'toggleView') void this.toggleView();
    else if (command === 'filterLines') this.open('filter');
    else if (command === 'save') this.saveNow();
    else void vscode.commands.executeCommand(command);
  }

  /** Saves the document now, as the user asked: an auto-save that waits does not make this one wait. */
  saveNow(): void {
    this.document.markExplicitSave();
    void vscode.commands.executeCommand('workbench.action.files.save');
  }

  /**
   * What a new highlight rule starts from: the selection when it is a short part of one
   * line (as VS Code's find starts from it), else the text the find widget looks for.
   */
  get highlightSeed(): string | undefined {
    const text = this.document.text;
    const anchor = this.anchor;
    if (text && anchor && anchor.line === this.caret.line && this.viewMode === 'text') {
      try {
        const [from, to] = [offsetOf(text, anchor), offsetOf(text, this.caret)].sort((a, b) => a - b);
        if (to > from && to - from <= MAX_SEED_BYTES) return text.encoding.decode(text.read(from, to - from));
      } catch {
        // The line is not indexed or changed since: the find's text will do.
      }
    }
    const query = this.finder.query;
    return query?.kind === 'text' ? query.text : query?.kind === 'regex' ? query.source : undefined;
  }

  /** Runs a mark command at the line of the caret the view has now (in the hex view, the line holding the caret's byte). */
  async markCommand(action: MarkAction): Promise<void> {
    const caret = await this.caretNow();
    if (!caret) return;
    const line = this.lineAt(caret);
    if (line !== undefined) this.runMarkAction(action, line);
    else void vscode.window.showInformationMessage(`The line of offset ${(caret.offset ?? 0).toLocaleString('en-US')} is not indexed yet; try again in a moment.`);
  }

  private runMarkAction(action: MarkAction, line: number): void {
    const reveal = this.viewMode === 'hex'
      ? async (to: number) => this.hex.reveal(this.document.text!.lineBounds(to).start, 0)
      : (to: number) => this.reveal(to);
    const target = { document: this.document, caretLine: () => line, reveal };
    if (action === 'toggleMark') toggleMark(target);
    else if (action === 'listMarks') void listMarks(target);
    else void goToMark(target, action === 'nextMark' ? 1 : -1);
  }

  /** Sends the ruler's lane of unsaved edits soon (at most every RULER_INTERVAL_MS: typing changes them at each key). */
  private scheduleEditsLane(): void {
    if (this.editsLaneTimer) return;
    this.editsLaneTimer = setTimeout(() => {
      this.editsLaneTimer = undefined;
      const text = this.document.text;
      if (!text || this.isDisposed || this.viewMode !== 'text') return;
      if (this.document.isSaving) {
        this.scheduleEditsLane();
        return;
      }
      const lines = editedLines(text);
      if (!lines && !this.editsLaneShown) return;
      this.editsLaneShown = lines !== undefined;
      this.post(rulerMessage('edits', lines));
    }, RULER_INTERVAL_MS);
  }

  /**
   * Sends the view the marked lines when they changed, to the hex view with the offsets
   * they start at (not during a save: the file is not readable then).
   */
  private sendMarks(): void {
    const marks = this.document.marks;
    if (!marks || this.document.isSaving) return;
    const { lines, unplaced } = marks.lines();
    this.unplacedMarks = unplaced;
    const sent = this.sentMarks;
    if (sent && sent.length === lines.length && sent.every((line, i) => line === lines[i])) return;
    this.sentMarks = lines;
    if (this.viewMode === 'text') this.post({ type: 'marks', lines });
    else this.post({ type: 'marks', lines, offsets: lines.map((line) => this.document.text!.lineBounds(line).start) });
  }

  /** Tells the status bar where the caret is, in the view shown. */
  reportCaret(): void {
    const text = this.document.text!;
    // Lines are not read during a save (the file is being rewritten under the index).
    const known = !this.document.isSaving && this.caret.line < text.availableLines();
    // The view names the end of a line it has not loaded by the largest column: cut to the line.
    const position = known ? clampToLine(text, this.caret) : this.caret;
    const byteOffset = known ? text.lineBounds(position.line).start + position.column : undefined;
    const hex = this.viewMode === 'hex' ? this.hex.caret : undefined;
    this.onCaret({ document: this.document, position, byteOffset, overwrite: this.overwrite, hex });
  }

  /**
   * Runs an edit (after the save, if one runs) unless the file is read-only (then says
   * why, in the view); `id` numbers a text edit, whose answer carries it.
   */
  private edit(edit: HeldEdit, id?: number): void {
    const reason = this.document.readOnlyReason;
    if (reason) {
      this.post({ type: 'notice', level: 'warning', text: `${this.document.fileName} is read-only: ${reason}. Your typing was not applied.` });
      this.unchanged(true, id);
      return;
    }
    if (edit.kind === 'type') {
      try {
        this.document.text!.encoding.encode(edit.text);
      } catch (err) {
        if (!(err instanceof UnencodableError)) throw err;
        this.post({ type: 'notice', level: 'warning', topic: 'encoding', text: `Not ${edit.paste ? 'pasted' : 'typed'} into ${this.document.fileName}: ${err.message}` });
        this.unchanged(true, id);
        return;
      }
    }
    this.document.edit(edit, () => this.unchanged(false, id), id === undefined ? undefined : { viewer: this, id });
  }

  /**
   * Answers an edit that changed nothing (Delete at the end, or refused): the view waits
   * for an answer to each edit, and one it refused may have shown already (`shown`).
   */
  private unchanged(shown: boolean, editId?: number): void {
    const text = this.document.text!;
    if (editId !== undefined) this.appliedEdit = editId;
    if (this.viewMode === 'hex') this.post({ type: 'bytesEdited', fromOffset: shown ? 0 : text.size, state: this.document.state() });
    else this.post({ type: 'edited', fromLine: shown ? 0 : text.availableLines(), state: this.document.state(), editId });
  }

  private copy(from: Position, to: Position): void {
    let text: string;
    try {
      text = readSelection(this.document.text!, from, to);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      void vscode.window.showWarningMessage(`Not copied: ${err.message}.`);
      return;
    }
    void vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${formatBytes(Buffer.byteLength(text))}`, 3000);
  }

  private post(message: HostMessage): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  }
}

/** An error as a user reads it: "Permission denied (EACCES): /path". */
export function describeError(err: Error): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'The file does not exist',
    EACCES: 'Permission denied: you cannot read this file',
    EPERM: 'Operation not permitted',
    EISDIR: 'This is a folder, not a file',
    ENODEV: 'This is not a regular file (a pipe, socket or device), so it cannot be mapped',
    EFAULT: 'The file got shorter while it was being read',
  };
  const reason = e.code && reasons[e.code];
  return reason ? `${reason} (${e.code})${e.path ? `: ${e.path}` : ''}` : e.message;
}
