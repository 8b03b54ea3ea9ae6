import * as vscode from 'vscode';
import { VIEW_TYPE } from './viewType';

/**
 * The questions a change on disk under unsaved edits asks: the file replaced by
 * another (overwrite or revert), changed in place (revert or keep), deleted (said
 * once per event). One question at a time.
 */
export class DiskPrompts {
  /** A question about a change on disk is showing. */
  private asking = false;
  /** The user chose to write their version over a file that replaced theirs on disk. */
  overwriteChosen = false;

  constructor(private readonly uri: vscode.Uri, private readonly fileName: () => string) {}

  /** Asks whether to overwrite the file that replaced this one, or to revert; Overwrite saves at once. */
  askReplaced(): void {
    if (this.asking) return;
    this.asking = true;
    void vscode.window.showWarningMessage(
      `${this.fileName()} was replaced on disk by another file while you have unsaved changes.`,
      'Overwrite with my version', 'Revert (load from disk)',
    ).then((choice) => {
      this.asking = false;
      if (choice?.startsWith('Overwrite')) {
        this.overwriteChosen = true;
        void vscode.workspace.save(this.uri);
      } else if (choice?.startsWith('Revert')) {
        void this.revertInEditor();
      }
    });
  }

  /** Says that saving in place is refused after a change on disk under the edits, offering to revert. */
  askChanged(): void {
    if (this.asking) return;
    this.asking = true;
    void vscode.window.showWarningMessage(
      `${this.fileName()} changed on disk while you have unsaved changes. Your changes refer to the old content: saving them in place is refused until you revert.`,
      'Revert (load from disk)', 'Keep my changes',
    ).then((choice) => {
      this.asking = false;
      if (choice?.startsWith('Revert')) void this.revertInEditor();
    });
  }

  /** Says the file was deleted: the edits are kept, and a save writes it again. */
  tellDeleted(): void {
    void vscode.window.showWarningMessage(`${this.fileName()} was deleted on disk. Your unsaved changes are kept; saving writes the file again.`);
  }

  /** VS Code's revert acts on the active editor: make it this document's first. */
  private async revertInEditor(): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', this.uri, VIEW_TYPE);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
