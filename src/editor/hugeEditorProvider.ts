import * as vscode from 'vscode';
import type { MarkStore } from '../marks/markStore';
import { Disposable } from './dispose';
import type { FileMark } from './fileMark';
import { HugeDocument } from './hugeDocument';
import { offerLeftoverBackup } from './leftoverPrompt';
import { ViewerStatusBar } from './statusBar';
import { EncodingStatusBar } from './encodingStatus';
import type { FileChoices } from './fileChoices';
import type { IndexCache } from './indexCache';
import { ViewerSession } from './viewerSession';
import { VIEW_TYPE } from './viewType';

/**
 * The custom editor: VS Code asks it for one document per file (shared by every
 * editor on that file), one session per editor panel, and saves, reverts and
 * backups of the documents' edits.
 */
export class HugeEditorProvider extends Disposable implements vscode.CustomEditorProvider<HugeDocument> {
  static readonly viewType = VIEW_TYPE;
  private readonly status = this.register(new ViewerStatusBar());
  private readonly encodingStatus = this.register(new EncodingStatusBar());
  private readonly editEmitter = this.register(new vscode.EventEmitter<vscode.CustomDocumentEditEvent<HugeDocument>>());
  private readonly changeEmitter = this.register(new vscode.EventEmitter<vscode.CustomDocumentContentChangeEvent<HugeDocument>>());
  /** Edits with their undo and redo; an event without them (a change VS Code cannot undo) marks the document unsaved. */
  readonly onDidChangeCustomDocument = unionEvent(this.editEmitter.event, this.changeEmitter.event);
  private readonly sessions = new Set<ViewerSession>();
  private active: ViewerSession | undefined;
  private hexContext: boolean | undefined;

  /**
   * `marks` keeps each file's marks across sessions, `encodings` and `lineBreaks` the encodings and line ends chosen for files, `indexes` the line indexes
   * of files indexed whole. `backupDir` is where VS Code has the extension write its backups (the workspace's storage, else
   * the global one): edits left there unclaimed are offered back.
   */
  constructor(
    private readonly extensionUri: vscode.Uri, private readonly backupDir: vscode.Uri | undefined,
    private readonly marks: MarkStore<FileMark>, readonly encodings: FileChoices, readonly lineBreaks: FileChoices, private readonly indexes: IndexCache,
  ) {
    super();
  }

  /** The viewer that has focus, if any. */
  get activeSession(): ViewerSession | undefined {
    return this.active;
  }

  async openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext): Promise<HugeDocument> {
    const document = await HugeDocument.create(
      uri, context.backupId, this.marks, { encoding: this.encodings.get(uri.fsPath), lineBreak: this.lineBreaks.get(uri.fsPath) }, this.indexes,
    );
    // The document's emitters die with it, and these subscriptions with them.
    document.onDidEdit((e) => this.editEmitter.fire(e));
    document.onDidChangeUnsaved(() => this.changeEmitter.fire({ document }));
    let dirty = document.isDirty;
    document.onDidChangeContent(() => {
      const was = dirty;
      dirty = document.isDirty;
      if (was && !dirty) void document.forgetBackups().catch(() => undefined);
    });
    if (!context.backupId && this.backupDir) void offerLeftoverBackup(document, this.backupDir.fsPath);
    return document;
  }

  saveCustomDocument(document: HugeDocument): Promise<void> {
    return document.save();
  }

  saveCustomDocumentAs(document: HugeDocument, destination: vscode.Uri, token: vscode.CancellationToken): Promise<void> {
    return document.saveAs(destination, token);
  }

  revertCustomDocument(document: HugeDocument): Promise<void> {
    return document.revert();
  }

  backupCustomDocument(document: HugeDocument, context: vscode.CustomDocumentBackupContext): Promise<vscode.CustomDocumentBackup> {
    return document.backup(context.destination);
  }

  async resolveCustomEditor(document: HugeDocument, panel: vscode.WebviewPanel): Promise<void> {
    const session = new ViewerSession(document, panel, this.extensionUri, (report) => {
      if (this.active !== session) return;
      this.status.update(report);
      this.setHexContext();
    });
    this.sessions.add(session);
    const setActive = () => {
      if (panel.active) this.active = session;
      else if (this.active === session) this.active = undefined;
      this.showStatus();
      if (this.active === session) session.reportCaret();
      this.setHexContext();
    };
    panel.onDidChangeViewState(setActive, undefined, []);
    panel.onDidDispose(() => {
      this.sessions.delete(session);
      if (this.active === session) this.active = undefined;
      this.showStatus();
      session.dispose();
    });
    setActive();
  }

  private showStatus(): void {
    this.status.show(this.active?.document);
    this.encodingStatus.show(this.active?.document);
  }

  /** `hugefile.hexView`: the active viewer shows hex (for key bindings and menus). */
  private setHexContext(): void {
    const hex = this.active?.mode === 'hex';
    if (hex === this.hexContext) return;
    this.hexContext = hex;
    void vscode.commands.executeCommand('setContext', 'hugefile.hexView', hex);
  }

  override dispose(): void {
    for (const session of this.sessions) session.dispose();
    super.dispose();
  }
}

/**
 * One event carrying both kinds of change: VS Code tells them apart by the undo and
 * redo an edit event has (its API types the property as one kind or the other).
 */
function unionEvent<T extends vscode.CustomDocument>(
  edits: vscode.Event<vscode.CustomDocumentEditEvent<T>>,
  changes: vscode.Event<vscode.CustomDocumentContentChangeEvent<T>>,
): vscode.Event<vscode.CustomDocumentEditEvent<T>> {
  return (listener, thisArgs, disposables) => {
    const call = (e: unknown) => listener.call(thisArgs, e as vscode.CustomDocumentEditEvent<T>);
    const subscriptions = [edits(call), changes(call)];
    const both = vscode.Disposable.from(...subscriptions);
    disposables?.push(both);
    return both;
  };
}
