import * as vscode from 'vscode';
import { ENCODING_IDS, encodingOf } from '../encoding/textEncoding';
import type { KeyValueStore } from '../marks/markStore';
import type { HugeDocument } from './hugeDocument';
import { VIEW_TYPE } from './viewType';

const KEY = 'hugefile.encodings';
/** Files whose chosen encoding is kept (the oldest choices are forgotten first). */
const MAX_FILES = 200;

/** The encodings chosen with Reopen with Encoding, per file (by path), kept for the workspace. No reads throw. */
export class EncodingChoices {
  constructor(private readonly store: KeyValueStore) {}

  /** The encoding chosen for `path`, if any. */
  get(path: string): string | undefined {
    const id = this.all()[path];
    return typeof id === 'string' && encodingOf(id) ? id : undefined;
  }

  async set(path: string, id: string): Promise<void> {
    const all = { ...this.all() };
    delete all[path];
    all[path] = id;
    const paths = Object.keys(all);
    for (const old of paths.slice(0, Math.max(0, paths.length - MAX_FILES))) delete all[old];
    await this.store.update(KEY, all);
  }

  private all(): Record<string, unknown> {
    const stored = this.store.get<Record<string, unknown>>(KEY);
    return typeof stored === 'object' && stored !== null ? stored : {};
  }
}

/**
 * Reopen with Encoding, as VS Code's: picks an encoding and reads the file again in
 * it, in the same place. Refused while the document has unsaved changes (reading the
 * file again would drop them): the user saves or reverts first.
 */
export async function reopenWithEncoding(document: HugeDocument | undefined, choices: EncodingChoices): Promise<void> {
  if (!document) {
    void vscode.window.showInformationMessage('Reopen with Encoding works on a file open in the Huge File Editor.');
    return;
  }
  if (document.isDirty) {
    void vscode.window.showWarningMessage(`${document.fileName} has unsaved changes: save or revert them before reading it again in another encoding.`);
    return;
  }
  const current = document.encoding.encoding.id;
  const items = ENCODING_IDS.map((id) => {
    const encoding = encodingOf(id)!;
    const notYet = encoding.unitBytes !== 1;
    return {
      id, label: encoding.label, description: id === current ? 'current' : document.encoding.unsupported?.id === id ? 'detected' : id,
      detail: notYet ? 'Not read as text yet: two-byte line breaks are not indexed (listed so the detection shows).' : undefined,
      notYet,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title: `Reopen ${document.fileName} with Encoding`, placeHolder: 'Select File Encoding to Reopen File', matchOnDescription: true });
  if (!picked || picked.id === current) return;
  if (picked.notYet) {
    void vscode.window.showWarningMessage(`${picked.label} is not read as text yet; ${document.fileName} stays in ${document.encoding.encoding.label}.`);
    return;
  }
  await choices.set(document.uri.fsPath, picked.id);
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === document.uri.toString());
  const column = tabs.find((t) => t.isActive)?.group.viewColumn ?? tabs[0]?.group.viewColumn ?? vscode.ViewColumn.Active;
  // Closing every tab of the document disposes it; the one opened next reads the file in the chosen encoding.
  await vscode.window.tabGroups.close(tabs);
  await vscode.commands.executeCommand('vscode.openWith', document.uri, VIEW_TYPE, column);
}
