import * as vscode from 'vscode';
import { detectEncoding, EncodingReason } from '../encoding/detectEncoding';
import { encodingOf, TextEncoding } from '../encoding/textEncoding';

/** The encoding a document reads its file in, and how it was chosen. */
export interface DocumentEncoding {
  encoding: TextEncoding;
  reason: EncodingReason;
}

/**
 * The encoding `uri` opens in: `chosen` (Reopen with Encoding), else as detectEncoding
 * finds it from the file's first bytes (`head`, GUESS_BYTES of them) and the user's
 * `files.encoding` and `files.autoGuessEncoding`. A file that cannot be read opens in UTF-8, and the index
 * reports why.
 */
export function documentEncoding(uri: vscode.Uri, chosen: string | undefined, head: Buffer): DocumentEncoding {
  const picked = chosen === undefined ? undefined : encodingOf(chosen);
  const files = vscode.workspace.getConfiguration('files', uri);
  return picked
    ? { encoding: picked, reason: 'chosen' }
    : detectEncoding(head, { encoding: files.get('encoding'), autoGuess: files.get('autoGuessEncoding') });
}
