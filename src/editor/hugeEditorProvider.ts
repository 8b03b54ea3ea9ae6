import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { HugeDocument } from './hugeDocument';
import { ViewerStatusBar } from './statusBar';
import { ViewerSession } from './viewerSession';

/**
 * The custom editor: VS Code asks it for one document per file (shared by every
 * editor on that file) and one session per editor panel.
 */
export class HugeEditorProvider extends Disposable implements vscode.CustomReadonlyEditorProvider<HugeDocument> {
  static readonly viewType = 'hugefile.editor';
  private readonly status = this.register(new ViewerStatusBar());
  private readonly sessions = new Set<ViewerSession>();
  private active: ViewerSession | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
  }

  /** The viewer that has focus, if any. */
  get activeSession(): ViewerSession | undefined {
    return this.active;
  }

  async openCustomDocument(uri: vscode.Uri): Promise<HugeDocument> {
    return HugeDocument.create(uri);
  }

  async resolveCustomEditor(document: HugeDocument, panel: vscode.WebviewPanel): Promise<void> {
    const session = new ViewerSession(document, panel, this.extensionUri, (report) => {
      if (this.active === session) this.status.update(report);
    });
    this.sessions.add(session);
    const setActive = () => {
      if (panel.active) this.active = session;
      else if (this.active === session) this.active = undefined;
      this.status.show(this.active?.document);
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

  override dispose(): void {
    for (const session of this.sessions) session.dispose();
    super.dispose();
  }
}
