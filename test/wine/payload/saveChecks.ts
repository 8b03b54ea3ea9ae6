import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type { SaveOptions, Segment } from '../../../src/edits';
import { fileState } from './fileState';
import type { Payload } from './payload';
import type { Recorder } from './recorder';
import { ChildSave, toChildSegments } from './savePlanFile';

const MiB = 1024 * 1024;

/**
 * The save engine on copies of the log: saves that keep or change the length (on the
 * caller's thread and in dist/saveWorker.js), saves cancelled or failing part-way
 * (rolled back), and saves killed part-way in a child process, then recovered. Each
 * check records the outcome, the file's bytes (sha256) and whether a journal is left.
 */
export async function saveChecks(p: Payload, log: string, r: Recorder, childScript: string): Promise<void> {
  const size = fs.statSync(log).size;
  const at = Math.floor(size * 0.3);
  const original = (offset: number, length: number): Segment => ({ kind: 'original', offset, length });
  const inserted: Segment = { kind: 'bytes', data: Buffer.from('#inserted by a save\n') };
  const edits: Record<string, Segment[]> = {
    'same length': [original(0, at), { kind: 'bytes', data: Buffer.from('EDITED') }, original(at + 6, size - at - 6)],
    // Rewrites the last 20 MiB: more than 16 MiB, so the apply phase runs in a worker.
    'insertion 20 MiB before the end': [original(0, size - 20 * MiB), inserted, original(size - 20 * MiB, 20 * MiB)],
    'deletion 1 MiB before the end': [original(0, size - MiB), original(size - MiB + 5000, MiB - 5000)],
    'insertion 4 MiB before the end': [original(0, size - 4 * MiB), inserted, original(size - 4 * MiB, 4 * MiB)],
  };

  /** Runs `body` on a fresh copy of the log, records its outcome with the copy's state after it, then deletes the copy. */
  const onCopy = async (label: string, body: (file: string) => Promise<object>) => {
    const file = 'save.log';
    fs.copyFileSync(log, file);
    try {
      await r.check(`save: ${label}`, async () => ({ ...(await body(file)), file: fileState(file), journalLeft: fs.existsSync(p.edits.journalPath(file)) }));
    } finally {
      fs.rmSync(file, { force: true });
      fs.rmSync(p.edits.journalPath(file), { force: true });
    }
  };
  const save = (file: string, segments: Segment[], options: SaveOptions = {}) => outcome(p.edits.saveInPlace({ path: file, segments, originalSize: size }, options));

  await onCopy('same length (caller thread)', (file) => save(file, edits['same length']));
  await onCopy('same length (worker)', (file) => save(file, edits['same length'], { hooks: { applyIn: 'worker' } }));
  await onCopy('insertion 20 MiB before the end (worker by size)', (file) => save(file, edits['insertion 20 MiB before the end']));
  await onCopy('deletion 1 MiB before the end (caller thread)', (file) => save(file, edits['deletion 1 MiB before the end']));

  for (const applyIn of ['inline', 'worker'] as const) {
    await onCopy(`insertion cancelled while writing (${applyIn}): rolled back`, (file) => {
      const stop = new AbortController();
      // The worker pauses at its second chunk until the stop arrives: it cannot finish first.
      const fault = applyIn === 'worker' ? { step: 'write' as const, after: 2, action: 'pause' as const } : undefined;
      return save(file, edits['insertion 4 MiB before the end'], {
        signal: stop.signal, onProgress: (pr) => pr.phase === 'write' && stop.abort(), hooks: { chunkBytes: 64 * 1024, applyIn, fault },
      });
    });
  }
  await onCopy('insertion failing after the file grew: rolled back', (file) =>
    save(file, edits['insertion 4 MiB before the end'], { hooks: { applyIn: 'inline', fault: { step: 'grow', after: 1, action: 'throw' } } }));
  await onCopy('deletion failing after the file shrank (worker): rolled back', (file) =>
    save(file, edits['deletion 1 MiB before the end'], { hooks: { applyIn: 'worker', fault: { step: 'shrink', after: 1, action: 'throw' } } }));

  const kills: [string, Segment[], ChildSave['hooks']][] = [
    ['insertion killed while writing', edits['insertion 4 MiB before the end'], { chunkBytes: 64 * 1024, applyIn: 'inline', fault: { step: 'write', after: 3, action: 'kill' } }],
    ['deletion killed after the file shrank (worker)', edits['deletion 1 MiB before the end'], { applyIn: 'worker', fault: { step: 'shrink', after: 1, action: 'kill' } }],
  ];
  for (const [label, segments, hooks] of kills) {
    await onCopy(`${label}, then recovered`, async (file) => {
      const plan: ChildSave = { originalSize: size, segments: toChildSegments(segments), hooks };
      fs.writeFileSync('save.json', JSON.stringify(plan));
      const child = spawnSync(process.execPath, [childScript, p.dir, file, 'save.json'], { encoding: 'utf8' });
      const killed = { completed: child.stdout.includes('saved'), stderr: child.stderr.trim(), journalLeft: fs.existsSync(p.edits.journalPath(file)) };
      const { recovered, detail, restored } = p.edits.recoverInterruptedSave(file);
      const again = p.edits.recoverInterruptedSave(file);
      return { killed, recovery: { recovered, detail, restoredSize: restored?.size }, recoveredAgain: again.detail };
    });
  }
}

/** A save's result without its timing, or the error it rejected with. */
async function outcome(saving: Promise<{ ms: number }>): Promise<object> {
  try {
    const { ms: _ms, ...result } = await saving;
    return { result };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { rejected: e.code ?? e.name, message: e.message };
  }
}
