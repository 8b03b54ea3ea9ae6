import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PieceTable } from '../edits/pieceTable';
import { layoutOf, totalBytes } from '../edits/saveLayout';
import { saveInPlace, SavePlan, SaveProgress } from '../edits/saveEngine';
import { saveProgressText } from './saveProgressText';

const CHUNK = 8 * 1024 * 1024;
/** Saves writing more than this (a length change near the start of a big file) show a notification with Cancel. */
const NOTIFY_BYTES = 64 * 1024 * 1024;
/** Least time between two progress reports. */
const REPORT_MS = 500;
const PHASE_INDEX: Record<SaveProgress['phase'], number> = { journal: 0, write: 1, flush: 2 };

/**
 * Saves in place with the crash-safe engine. A long save (one that moves the
 * file's tail) shows a notification with its progress and a Cancel button, which
 * rolls the file back and rejects with a CancellationError (VS Code then shows no
 * error; the document stays dirty); a short one shows in the status bar. Throws
 * the engine's other errors, which VS Code shows.
 */
export async function saveDocument(plan: SavePlan, token?: vscode.CancellationToken): Promise<void> {
  const long = totalBytes(layoutOf(plan.segments, plan.originalSize).writes) > NOTIFY_BYTES;
  await vscode.window.withProgress(
    { location: long ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: `Saving ${path.basename(plan.path)}`, cancellable: long },
    async (progress, cancel) => {
      const abort = new AbortController();
      token?.onCancellationRequested(() => abort.abort());
      cancel.onCancellationRequested(() => abort.abort());
      let shown = '';
      let shownPhase: SaveProgress['phase'] | undefined;
      let reported = 0;
      let reportedAt = 0;
      try {
        await saveInPlace(plan, {
          signal: abort.signal,
          onProgress: (p) => {
            const fraction = p.done / Math.max(1, p.total);
            const message = saveProgressText(p);
            // Each report redraws the notification, Cancel button included: a redraw between
            // press and release loses the click, so at most a few per second.
            const phaseChanged = p.phase !== shownPhase;
            if (message === shown || (!phaseChanged && performance.now() - reportedAt < REPORT_MS)) return;
            reportedAt = performance.now();
            shownPhase = p.phase;
            // Three phases of a third each: the bar moves steadily enough, without knowing their speeds.
            const overall = (100 * (PHASE_INDEX[p.phase] + fraction)) / 3;
            progress.report({ message, increment: overall - reported });
            reported = overall;
            shown = message;
          },
        });
      } catch (err) {
        if (cancel.isCancellationRequested && (err as { name?: string }).name === 'AbortError') throw new vscode.CancellationError();
        throw err;
      }
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
