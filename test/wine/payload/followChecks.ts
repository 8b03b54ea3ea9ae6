import * as fs from 'fs';
import type { Payload } from './payload';
import type { Recorder } from './recorder';

/**
 * What other programs do to a log that an index (an open viewer) maps, each on a
 * fresh small log: append to it, truncate it, rewrite it, rotate it (rename it away,
 * start a new one, delete the old one). Records whether they could, and what `refresh`
 * then saw.
 */
export async function followChecks(p: Payload, r: Recorder): Promise<void> {
  const scenarios: [string, (file: string) => void][] = [
    ['a program appends', (file) => fs.appendFileSync(file, 'appended\n'.repeat(10))],
    ['a program truncates it', (file) => fs.truncateSync(file, 50)],
    ['a program rewrites it from scratch', (file) => fs.writeFileSync(file, 'rewritten\n')],
    ['a program rotates it (renames it away, starts anew)', (file) => {
      fs.renameSync(file, `${file}.1`);
      fs.writeFileSync(file, 'fresh\n');
    }],
    ['a program rotates it and deletes the old one', (file) => {
      fs.renameSync(file, `${file}.1`);
      fs.writeFileSync(file, 'fresh\n');
      fs.unlinkSync(`${file}.1`);
    }],
  ];
  for (const [label, change] of scenarios) {
    const file = 'follow.log';
    fs.writeFileSync(file, 'line\n'.repeat(10_000));
    const index = p.lines.LineIndex.open(file);
    try {
      await r.check(`follow: ${label} while indexed`, async () => {
        await index.whenComplete();
        let changed = 'done';
        try {
          change(file);
        } catch (err) {
          const e = err as { code?: string; syscall?: string };
          changed = `failed: ${e.code} (${e.syscall})`;
        }
        const refresh = index.refresh();
        await index.whenComplete();
        return { changed, refresh, lineCount: index.lineCount, fileSize: index.fileSize };
      });
    } finally {
      index.dispose();
      for (const name of [file, `${file}.1`]) fs.rmSync(name, { force: true });
    }
  }
}
