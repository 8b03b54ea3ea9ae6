import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { HugeDocument } from './hugeDocument';
import { ViewerStatusBar } from './statusBar';
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
  private readonly editEmitter = this.register(new vscode.EventEmitter<vscode.CustomDocumentEditEvent<HugeDocument>>());
  readonly onDidChangeCustomDocument = this.editEmitter.event;
  private readonly sessions = new Set<ViewerSession>();
  private active: ViewerSession | undefined;
  private hexContext: boolean | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
  }

  /** The viewer that has focus, if any. */
  get activeSession(): ViewerSession | undefined {
    return this.active;
  }

  async openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext): Promise<HugeDocument> {
    const document = await HugeDocument.create(uri, context.backupId);
    // The document's emitter dies with it, and this subscription with it.
    document.onDidEdit((e) => this.editEmitter.fire(e));
    return document;
  }

  saveCustomDocument(document: HugeDocument, token: vscode.CancellationToken): Promise<void> {
    return document.save(token);
  }

  saveCustomDocumentAs(document: HugeDocument, destination: vscode.Uri, token: vscode.CancellationToken): Promise<void> {
    return document.saveAs(destination, token);
  }

  async revertCustomDocument(document: HugeDocument): Promise<void> {
    document.revert();
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
      this.status.show(this.active?.document);
      if (this.active === session) session.reportCaret();
      this.setHexContext();
    };
    panel.onDidChangeViewState(setActive, undefined, []);
    panel.onDidDispose(() => {
      this.sessions.delete(session);
      if (this.active === session) this.active = undefined;
      this.status.show(this.active?.document);
      session.dispose();
    });
    setActive();
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
