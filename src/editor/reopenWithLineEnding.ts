import * as vscode from 'vscode';
import type { TextEncoding } from '../encoding/textEncoding';
import { detectLineBreak, lineBreakOf, type LineBreak, type LineBreakKind } from '../lines/lineBreak';
import type { KeyValueStore } from '../marks/markStore';
import { FileChoices } from './fileChoices';
import type { HugeDocument } from './hugeDocument';
import { mayReopen, reopenDocument } from './reopenDocument';

/** How a document's line ends were chosen: by the user, or by a look at the file's first bytes. */
export interface DocumentLineBreak {
  lineBreak: LineBreak;
  chosen: boolean;
}

/** The line ends chosen with Reopen with Line Ending, per file (by path), kept for the workspace. */
export function lineBreakChoices(store: KeyValueStore): FileChoices {
  return new FileChoices(store, 'hugefile.lineBreaks', (id) => id === 'lf' || id === 'cr');
}

/** The line ends a file is read with, in `encoding`: `chosen`, else what its first bytes (`head`) show (see detectLineBreak). */
export function documentLineBreak(chosen: string | undefined, encoding: TextEncoding, head: Buffer): DocumentLineBreak {
  if (chosen !== undefined) return { lineBreak: lineBreakOf(chosen, encoding), chosen: true };
  return { lineBreak: detectLineBreak(head, encoding), chosen: false };
}

const OPTIONS: readonly { ends: LineBreakKind; label: string; detail: string }[] = [
  { ends: 'lf', label: 'LF', detail: 'Lines end in \\n, or in \\r\\n (CRLF): files from Linux, macOS and Windows.' },
  { ends: 'cr', label: 'CR', detail: 'Lines end in a lone \\r: files from classic Mac OS and some devices and tools.' },
];

/**
 * Reopen with Line Ending: reads the file again with lines ending in `\n` (and
 * `\r\n`) or in a lone `\r`, in the same place. The file's bytes do not change; Enter
 * then types that line ending. Refused while the document has unsaved changes.
 */
export async function reopenWithLineEnding(document: HugeDocument | undefined, choices: FileChoices): Promise<void> {
  if (!mayReopen(document, 'Reopen with Line Ending', 'with other line endings')) return;
  const current = document.lineBreak.lineBreak.kind;
  const items = OPTIONS.map((o) => ({ ...o, description: o.ends === current ? 'current' : undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: `Reopen ${document.fileName} with Line Ending`, placeHolder: 'Select what ends a line in this file' });
  if (!picked || picked.ends === current) return;
  await choices.set(document.uri.fsPath, picked.ends);
  await reopenDocument(document);
}
