/**
 * Random small binary files and random hex view keys for the hex model test, from a
 * seeded generator: the same seed gives the same file, row width and keys, so a
 * failure replays.
 */
import type { HexKey, Motion } from './referenceHexEditor';
import { seeded } from '../seededRandom';

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** Typed keys: hex digits (both cases), and characters the hex column ignores and the text column writes (1 to 3 UTF-8 bytes). */
const DIGITS = ['0', '1', '7', '9', 'a', 'c', 'F', 'E'];
const CHARS = ['x', 'Z', ' ', 'é', '€', 'g'];
const MOVES: readonly Motion[] = ['left', 'right', 'up', 'down', 'home', 'end', 'fileStart', 'fileEnd', 'pageUp', 'pageDown'];

/** A small file: empty, one byte, or a few rows of bytes, printable or not. */
export function randomBytes(rand: () => number): number[] {
  const shape = Math.floor(rand() * 5);
  if (shape === 0) return [];
  if (shape === 1) return [Math.floor(rand() * 256)];
  const length = 2 + Math.floor(rand() * 45);
  return Array.from({ length }, () => (rand() < 0.5 ? 0x20 + Math.floor(rand() * 95) : Math.floor(rand() * 256)));
}

export function randomHexKey(rand: () => number): HexKey {
  const r = rand();
  if (r < 0.3) return { kind: 'type', text: pick(rand, DIGITS) };
  if (r < 0.38) return { kind: 'type', text: pick(rand, CHARS) };
  if (r < 0.45) return { kind: 'backspace' };
  if (r < 0.51) return { kind: 'delete' };
  if (r < 0.74) return { kind: pick(rand, MOVES), shift: rand() < 0.35 };
  if (r < 0.8) return { kind: 'tab', shift: rand() < 0.5 };
  if (r < 0.84) return { kind: 'insertKey' };
  if (r < 0.86) return { kind: 'escape' };
  if (r < 0.87) return { kind: 'selectAll' };
  if (r < 0.9) return pick(rand, [{ kind: 'paste', hex: 'de ad be ef', text: 'Hi' }, { kind: 'paste', hex: '00', text: '€' }, { kind: 'cut' }] as const);
  if (r < 0.94) return { kind: 'undo' };
  if (r < 0.97) return { kind: 'redo' };
  return { kind: 'save' };
}

/** A case: the file, its row width (16, or 8 for every third seed) and `steps` keys. */
export function randomHexCase(seed: number, steps: number): { seed: number; bytes: number[]; perRow: number; keys: HexKey[] } {
  const rand = seeded(seed);
  const bytes = randomBytes(rand);
  const perRow = seed % 3 === 0 ? 8 : 16;
  return { seed, bytes, perRow, keys: Array.from({ length: steps }, () => randomHexKey(rand)) };
}
