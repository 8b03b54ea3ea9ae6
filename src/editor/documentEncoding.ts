import * as fs from 'fs';
import * as vscode from 'vscode';
import { detectEncoding, EncodingReason, GUESS_BYTES } from '../encoding/detectEncoding';
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
  const found: { encoding: TextEncoding; reason: EncodingReason } = chosen && encodingOf(chosen)
    ? { encoding: encodingOf(chosen)!, reason: 'chosen' }
    : detectEncoding(readHead(uri.fsPath), {
      encoding: vscode.workspace.getConfiguration('files', uri).get('encoding'),
      autoGuess: vscode.workspace.getConfiguration('files', uri).get('autoGuessEncoding'),
    });
  return found.encoding.unitBytes === 1 ? found : { encoding: UTF8, reason: 'default', unsupported: found.encoding };
}

function readHead(filePath: string): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    const head = Buffer.alloc(GUESS_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, GUESS_BYTES, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
