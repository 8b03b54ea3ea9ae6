import type { SaveProgress } from '../edits/saveTypes';
import { formatBytes } from './format';

const LABELS: Record<SaveProgress['phase'], string> = {
  journal: 'backing up',
  write: 'writing',
  flush: 'flushing to disk',
};

/**
 * What a save's progress notification says: "writing 40 % of 1.9 GB". The flush
 * phase counts one sync, not bytes: it says only "flushing to disk".
 */
export function saveProgressText(p: SaveProgress): string {
  if (p.phase === 'flush') return LABELS.flush;
  return `${LABELS[p.phase]} ${Math.floor((100 * p.done) / Math.max(1, p.total))} % of ${formatBytes(p.total)}`;
}
