import { usageError } from './errors';

/**
 * The mappings this module made and has not unmapped yet. `readBytes` and
 * `writeBytes` take raw addresses from callers; checking them against this list
 * turns a stale or stray address into an error instead of a write into the JS heap.
 */
const live = new Map<number, number>();

export function addRegion(address: number, size: number): void {
  if (size > 0) live.set(address, size);
}

export function removeRegion(address: number): void {
  live.delete(address);
}

/** Throws unless [address, address + length) lies inside one live mapping. */
export function checkRegion(address: number, length: number): void {
  if (!Number.isSafeInteger(address) || !Number.isSafeInteger(length) || length < 0) {
    throw usageError('ERR_OUT_OF_RANGE', `invalid address range ${String(address)} + ${String(length)}`);
  }
  if (length === 0) return;
  for (const [start, size] of live) {
    if (address >= start && address + length <= start + size) return;
  }
  throw usageError('ERR_OUT_OF_RANGE', `address range 0x${address.toString(16)} + ${length} is not inside a live mapping`);
}
