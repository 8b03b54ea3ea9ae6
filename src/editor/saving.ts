import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PieceTable } from '../edits/pieceTable';
import { saveInPlace, SavePlan } from '../edits/saveEngine';
import { formatBytes } from './format';

const CHUNK = 8 * 1024 * 1024;

/**
 * Saves in place with the crash-safe engine, with a progress notification when it
 * takes long (a length change moves the file's tail). Throws the engine's error,
 * which VS Code shows.
 */
export async function saveDocument(plan: SavePlan, token?: vscode.CancellationToken): Promise<void> {
  const abort = new AbortController();
  token?.onCancellationRequested(() => abort.abort());
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Saving ${path.basename(plan.path)}` },
    async (progress) => {
      const phases = { journal: 'backing up', write: 'writing', flush: 'flushing to disk' };
      let shown = '';
      await saveInPlace(plan, {
        signal: abort.signal,
        onProgress: (p) => {
          const message = `${phases[p.phase]} ${Math.floor((100 * p.done) / Math.max(1, p.total))} % of ${formatBytes(p.total)}`;
          if (message !== shown) progress.report({ message });
          shown = message;
        },
      });
    },
  );
}

/**
 * Streams the edited content to a temporary file beside `destination`, in 8 MiB
 * pieces, yielding between them, syncs it and renames it over `destination`
 * (created with `mode`, else the default). Cancelling or failing removes it.
 */
export async function saveDocumentAs(table: PieceTable, destination: string, token?: vscode.CancellationToken, mode?: number): Promise<void> {
  const temp = `${destination}.hugefile-partial`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    for (let at = 0; at < table.size; at += CHUNK) {
      if (token?.isCancellationRequested) throw new vscode.CancellationError();
      const chunk = table.read(at, Math.min(CHUNK, table.size - at));
      await new Promise<void>((resolve, reject) => fs.write(fd, chunk, 0, chunk.length, at, (err) => (err ? reject(err) : resolve())));
    }
    await new Promise<void>((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, destination);
}
