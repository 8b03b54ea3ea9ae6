import { PieceTable } from './pieceTable';
import { SavePlan, Segment } from './saveEngine';

/** The new content as the save engine takes it: runs of the old file and new bytes. No `vscode`. */
export function planOf(filePath: string, table: PieceTable, baseline: { size: number; mtimeMs: number }): SavePlan {
  const segments: Segment[] = table.list().map((p) => (p.source === 'original'
    ? { kind: 'original', offset: p.start, length: p.length }
    : { kind: 'bytes', data: table.pieceBytes(p) }));
  return { path: filePath, segments, originalSize: baseline.size, originalMtimeMs: baseline.mtimeMs };
}
