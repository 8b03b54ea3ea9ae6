import * as vscode from 'vscode';
import { Disposable } from './dispose';
import type { HugeDocument } from './hugeDocument';
import type { Eol } from './protocol';

/** Words for how the encoding was chosen, in the entry's tooltip. */
const REASONS = {
  bom: 'its byte order mark',
  'nul-pattern': 'where its NUL bytes fall (UTF-16 without a byte order mark)',
  setting: 'the files.encoding setting',
  guessed: 'files.autoGuessEncoding (the file is not UTF-8)',
  default: 'the default',
  chosen: 'your choice (Reopen with Encoding)',
} as const;

const EOL_NAMES: Record<Eol, { label: string; spelled: string }> = {
  '\n': { label: 'LF', spelled: 'LF (\\n)' },
  '\r\n': { label: 'CRLF', spelled: 'CR LF (\\r\\n)' },
  '\r': { label: 'CR', spelled: 'a lone CR (\\r)' },
};

/**
 * The active viewer's encoding and line ending in the status bar, where VS Code shows
 * a text editor's; the encoding opens Reopen with Encoding, the line ending Reopen with Line Ending.
 */
export class EncodingStatusBar extends Disposable {
  private readonly encoding = this.register(vscode.window.createStatusBarItem('hugefile.encoding', vscode.StatusBarAlignment.Right, 98));
  private readonly eol = this.register(vscode.window.createStatusBarItem('hugefile.eol', vscode.StatusBarAlignment.Right, 97));
  private stateListener: vscode.Disposable | undefined;

  constructor() {
    super();
    this.encoding.name = 'Huge File: Encoding';
    this.encoding.command = 'hugefile.reopenWithEncoding';
    this.eol.name = 'Huge File: End of Line Sequence';
    this.eol.command = 'hugefile.reopenWithLineEnding';
    this.register({ dispose: () => this.stateListener?.dispose() });
  }

  /** Shows `document`'s encoding and line ending, or hides both when no viewer is active. */
  show(document: HugeDocument | undefined): void {
    this.stateListener?.dispose();
    this.stateListener = undefined;
    if (!document || document.openError) {
      this.encoding.hide();
      this.eol.hide();
      return;
    }
    const { encoding, reason } = document.encoding;
    this.encoding.text = encoding.label;
    this.encoding.tooltip = `Read as ${encoding.label}, chosen by ${REASONS[reason]}. Select to reopen it with another encoding.`;
    this.encoding.show();
    const render = () => {
      const eol = EOL_NAMES[document.eol];
      const why = document.lineBreak.chosen ? 'as you chose' : document.eol === '\r' ? 'as its first bytes show' : 'as its first line does';
      this.eol.text = eol.label;
      this.eol.tooltip = `${document.fileName} ends its lines with ${eol.spelled}, ${why}; Enter types that. Select to read its lines as ending otherwise.`;
    };
    this.stateListener = document.onDidChangeState(render);
    render();
    this.eol.show();
  }
}
