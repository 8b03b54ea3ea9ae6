/** Redraws at most this often: a terminal repainting per batch would cost more than the work. */
const EVERY_MS = 100;

export interface Progress {
  show(text: string): void;
  /** Clears the line (before the result or an error message is printed). */
  clear(): void;
}

/**
 * A one-line progress display on stderr, redrawn in place; does nothing when stderr
 * is not a terminal, so scripts and pipes get only the result.
 */
export function ttyProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { show: () => {}, clear: () => {} };
  let last = 0;
  let shown = false;
  return {
    show(text) {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[K${text}`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
