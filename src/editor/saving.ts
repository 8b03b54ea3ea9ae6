import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PieceTable } from '../edits/pieceTable';
import { saveInPlace, SavePlan, Segment } from '../edits/saveEngine';
import { formatBytes } from './lineService';

const CHUNK = 8 * 1024 * 1024;

/** The new content as the save engine takes it: runs of the old file and new bytes. */
export function planOf(filePath: string, table: PieceTable, baseline: { size: number; mtimeMs: number }): SavePlan {
  const segments: Segment[] = table.list().map((p) => (p.source === 'original'
    ? { kind: 'original', offset: p.start, length: p.length }
    : { kind: 'bytes', data: table.pieceBytes(p) }));
  return { path: filePath, segments, originalSize: baseline.size, originalMtimeMs: baseline.mtimeMs };
}

/**
 * Saves in place with the crash-safe engine, with a progress notification when it
 * takes long (a length change moves the file's tail). Throws the engine's error,
 * which VS Code shows.
 */
export async function saveDocument(filePath: string, table: PieceTable, baseline: { size: number; mtimeMs: number }, token?: vscode.CancellationToken): Promise<void> {
  const plan = planOf(filePath, table, baseline);
  const abort = new AbortController();
  token?.onCancellationRequested(() => abort.abort());
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Saving ${path.basename(filePath)}` },
    async (progress) => {
      let reported = 0;
      await saveInPlace(plan, {
        signal: abort.signal,
        onProgress: (p) => {
          const percent = Math.floor((100 * p.done) / Math.max(1, p.total));
          if (percent !== reported) progress.report({ message: `${p.phase} ${percent} % of ${formatBytes(p.total)}`, increment: percent - reported });
          reported = percent;
        },
      });
    },
  );
}

/** Streams the edited content to another file, in 8 MiB pieces, yielding between them. */
export async function saveDocumentAs(table: PieceTable, destination: string, token?: vscode.CancellationToken): Promise<void> {
  const temp = `${destination}.hugefile-partial`;
  const fd = fs.openSync(temp, 'w');
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
