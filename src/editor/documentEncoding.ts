import * as vscode from 'vscode';
import { detectEncoding, EncodingReason, GUESS_BYTES } from '../encoding/detectEncoding';
import { fileHead } from '../encoding/fileHead';
import { encodingOf, TextEncoding, UTF8 } from '../encoding/textEncoding';

/** The encoding a document reads its file in, and how it was chosen. */
export interface DocumentEncoding {
  encoding: TextEncoding;
  reason: EncodingReason;
  /** What the file looks like it is when that cannot be read as text yet (UTF-16): it opens as UTF-8. */
  unsupported?: TextEncoding;
}

/**
 * The encoding `uri` opens in: `chosen` (Reopen with Encoding), else as detectEncoding
 * finds it from the file's first bytes and the user's `files.encoding` and
 * `files.autoGuessEncoding`. UTF-16 is not read as text yet: such a file opens in
 * UTF-8 (as bytes, in the hex view when its head holds NULs), `unsupported` naming it.
 * A file that cannot be read opens in UTF-8, and the index reports why.
 */
export function documentEncoding(uri: vscode.Uri, chosen: string | undefined): DocumentEncoding {
  const picked = chosen === undefined ? undefined : encodingOf(chosen);
  const files = vscode.workspace.getConfiguration('files', uri);
  const found: { encoding: TextEncoding; reason: EncodingReason } = picked
    ? { encoding: picked, reason: 'chosen' }
    : detectEncoding(fileHead(uri.fsPath, GUESS_BYTES), { encoding: files.get('encoding'), autoGuess: files.get('autoGuessEncoding') });
  return found.encoding.unitBytes === 1 ? found : { encoding: UTF8, reason: 'default', unsupported: found.encoding };
}
