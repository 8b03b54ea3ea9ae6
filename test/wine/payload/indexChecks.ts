import type { Payload } from './payload';
import type { Recorder } from './recorder';

/** The line index: its count, and the bounds and text of lines and offsets spread over the file. */
export async function indexChecks(p: Payload, file: string, r: Recorder): Promise<void> {
  // Two workers, as the CLI's count asks for; a file under 64 MiB (this log) gets one anyway.
  const index = p.lines.LineIndex.open(file, { workers: 2 });
  let count = 0;
  try {
    await r.check('index: line count and size', async () => {
      await index.whenComplete();
      return { lineCount: index.lineCount, fileSize: index.fileSize };
    });
    count = index.lineCount ?? 0;
    for (const [label, n] of [['first', 0], ['second', 1], ['middle', Math.floor(count / 2)], ['last', count - 1]] as const) {
      await r.check(`index: ${label} line's bounds and text`, () => {
        const bounds = index.lineBounds(n);
        return { line: n, ...bounds, text: index.read(bounds.start, Math.min(bounds.end - bounds.start, 200)).toString('latin1') };
      });
    }
    for (const fraction of [0.1, 0.37, 0.99]) {
      const offset = Math.floor(index.fileSize * fraction);
      await r.check(`index: the line at ${fraction} of the size`, () => ({ offset, line: index.lineOfOffset(offset), before: index.newlinesBefore(offset) }));
    }
  } finally {
    index.dispose();
  }

  // The viewer's way: the first MiB at once, the rest after startWorkers, waited for by line.
  const deferred = p.lines.LineIndex.open(file, { deferWorkers: true, every: 64 });
  try {
    await r.check('index: deferred workers, waiting for the middle line', async () => {
      const known = deferred.knownNewlines;
      const middle = Math.floor(count / 2);
      deferred.startWorkers();
      await deferred.waitForLine(middle);
      return { knownBeforeWorkers: known, line: middle, ...deferred.lineBounds(middle) };
    });
  } finally {
    deferred.dispose();
  }
}
