/**
 * Random small files and random key sequences for the model tests, from a seeded
 * generator: the same seed gives the same file and keys, so a failure replays.
 */
import type { Key } from './referenceEditor';
import { seeded } from '../seededRandom';

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** Characters typed and found in files: ASCII, a space, and 2- and 3-byte UTF-8 ones of one cell each. */
const CHARS = ['a', 'b', 'x', 'Z', '1', ' ', ' ', 'é', '€', 'ß'];

/**
 * A small file: empty, one byte, lines with LF or CRLF (or, for `lineBreak` 'cr', lone
 * CRs), with or without a final line break.
 */
export function randomFile(rand: () => number, lineBreak: 'lf' | 'cr' = 'lf'): string {
  const shape = Math.floor(rand() * 6);
  if (shape === 0) return '';
  if (shape === 1) return 'x';
  const crlf = rand() < 0.3;
  const eol = lineBreak === 'cr' ? '\r' : crlf ? '\r\n' : '\n';
  const lines = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => Array.from({ length: Math.floor(rand() * 8) }, () => pick(rand, CHARS)).join(''));
  return lines.join(eol) + (rand() < 0.5 ? eol : '');
}

const MOVES = ['left', 'right', 'up', 'down', 'home', 'end', 'docStart', 'docEnd'] as const;

export function randomKey(rand: () => number): Key {
  const r = rand();
  if (r < 0.3) return { kind: 'type', text: pick(rand, CHARS) };
  if (r < 0.38) return { kind: 'enter' };
  if (r < 0.46) return { kind: 'backspace' };
  if (r < 0.52) return { kind: 'delete' };
  if (r < 0.75) return { kind: pick(rand, MOVES), shift: rand() < 0.3 };
  if (r < 0.79) return { kind: 'paste', text: pick(rand, ['P', 'pé\nq', 'line\n', '€€']) };
  if (r < 0.82) return { kind: 'cut' };
  if (r < 0.89) return { kind: 'undo' };
  if (r < 0.94) return { kind: 'redo' };
  if (r < 0.97) return { kind: 'insertKey' };
  return { kind: 'save' };
}

/** The move that undoes a move: the caret back where it was, which still ends VS Code's typing group. */
const BACK: Partial<Record<Key['kind'], 'left' | 'right' | 'up' | 'down'>> = { left: 'right', right: 'left', up: 'down', down: 'up' };

/** A case: the file and `steps` keys; some moves come back at once (there and back), then typing goes on where it was. */
export function randomCase(seed: number, steps: number, lineBreak: 'lf' | 'cr' = 'lf'): { seed: number; file: string; keys: Key[] } {
  const rand = seeded(seed);
  const file = randomFile(rand, lineBreak);
  const keys: Key[] = [];
  while (keys.length < steps) {
    const key = randomKey(rand);
    keys.push(key);
    const back = BACK[key.kind];
    if (back && 'shift' in key && keys.length < steps && rand() < 0.3) keys.push({ kind: back, shift: key.shift });
  }
  return { seed, file, keys };
}
