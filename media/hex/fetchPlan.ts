/** Which bytes the hex view asks for next. No DOM: plain arithmetic on offsets. */
import { MAX_BYTES_PER_REQUEST } from '../../src/editor/protocol';
import { CHUNK_BYTES } from './byteCache';

/**
 * The next request for the screen [viewStart, viewStart + viewBytes) of a file of
 * `size` bytes: the first chunk `needs` on screen, else in the screen below, else
 * in the screen above (what scrolling reaches next); then the needed chunks right
 * after it, up to one request's worth. Undefined when nothing is needed.
 */
export function nextFetch(viewStart: number, viewBytes: number, size: number, needs: (chunk: number) => boolean): { offset: number; length: number } | undefined {
  if (size === 0) return undefined;
  const lastChunk = Math.floor((size - 1) / CHUNK_BYTES);
  const chunkAt = (offset: number) => Math.min(lastChunk, Math.max(0, Math.floor(offset / CHUNK_BYTES)));
  const firstNeeded = (from: number, to: number) => {
    for (let k = chunkAt(from); k <= chunkAt(to - 1); k++) if (needs(k)) return k;
    return -1;
  };
  const viewEnd = viewStart + viewBytes;
  let start = firstNeeded(viewStart, viewEnd);
  if (start < 0) start = firstNeeded(viewEnd, viewEnd + viewBytes);
  if (start < 0) start = firstNeeded(viewStart - viewBytes, viewStart);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end <= lastChunk && end - start < MAX_BYTES_PER_REQUEST / CHUNK_BYTES && needs(end)) end++;
  return { offset: start * CHUNK_BYTES, length: (end - start) * CHUNK_BYTES };
}
