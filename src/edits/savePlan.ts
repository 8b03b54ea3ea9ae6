import { flatPieces } from './flatPieces';
import { PieceTable } from './pieceTable';
import { SavePlan, Segment } from './saveEngine';

/**
 * The new content as the save engine takes it: runs of the old file and new bytes (a
 * Replace All's replacement shared by all its matches is one Buffer). No `vscode`.
 */
export function planOf(filePath: string, table: PieceTable, baseline: { size: number; mtimeMs: number }): SavePlan {
  const shared = new Map<string, Buffer>();
  const segments: Segment[] = [];
  for (const p of flatPieces(table.list())) {
    if (p.source === 'original') {
      segments.push({ kind: 'original', offset: p.start, length: p.length });
      continue;
    }
    const key = `${p.start}:${p.length}`;
    let data = shared.get(key);
    if (!data) {
      data = table.pieceBytes(p);
      shared.set(key, data);
    }
    segments.push({ kind: 'bytes', data });
  }
  return { path: filePath, segments, originalSize: baseline.size, originalMtimeMs: baseline.mtimeMs };
}
