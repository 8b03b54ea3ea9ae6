import * as vscode from 'vscode';
import { ENCODING_IDS, encodingOf } from '../encoding/textEncoding';
import type { KeyValueStore } from '../marks/markStore';
import { FileChoices } from './fileChoices';
import type { HugeDocument } from './hugeDocument';
import { mayReopen, reopenDocument } from './reopenDocument';

/** The encodings chosen with Reopen with Encoding, per file (by path), kept for the workspace. */
export function encodingChoices(store: KeyValueStore): FileChoices {
  return new FileChoices(store, 'hugefile.encodings', (id) => encodingOf(id) !== undefined);
}

/**
 * Reopen with Encoding, as VS Code's: picks an encoding and reads the file again in
 * it, in the same place. Refused while the document has unsaved changes (reading the
 * file again would drop them): the user saves or reverts first.
 */
export async function reopenWithEncoding(document: HugeDocument | undefined, choices: FileChoices): Promise<void> {
  if (!mayReopen(document, 'Reopen with Encoding', 'in another encoding')) return;
  const current = document.encoding.encoding.id;
  const items = ENCODING_IDS.map((id) => ({ id, label: encodingOf(id)!.label, description: id === current ? 'current' : id }));
  const picked = await vscode.window.showQuickPick(items, { title: `Reopen ${document.fileName} with Encoding`, placeHolder: 'Select File Encoding to Reopen File', matchOnDescription: true });
  if (!picked || picked.id === current) return;
  await choices.set(document.uri.fsPath, picked.id);
  await reopenDocument(document);
}
