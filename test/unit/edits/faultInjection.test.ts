import * as assert from 'assert';
import { createHash, randomBytes } from 'crypto';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { journalPath, recoverInterruptedSave, Segment } from '../../../src/edits/saveEngine';
import { journalChunks } from '../../../src/edits/journal';
import { layoutOf, placeSaved } from '../../../src/edits/saveLayout';
import type { SaveStep } from '../../../src/edits/saveTypes';
import { type ChildExit, runKillable } from '../killableChild';
import { random, randInt, tempDir } from '../testUtil';

/*
 * Crash safety, tested by SIGKILLing a saving process at random points, then
 * recovering as the editor does when it reopens the file: the file must hold the
 * old content or the new one, never a mix.
 *
 * What SIGKILL does not prove: a killed process loses nothing the kernel already
 * accepted, since the page cache survives it and is written back later. A power
 * cut also loses unsynced page-cache writes, possibly out of order; what covers
 * that is the fsync ordering (journal data, then its header, then its folder entry,
 * all durable before the first byte of the file changes; the file durable before
 * the journal is deleted), which these kills cannot observe. The unit tests of the
 * journal format (torn headers, garbage, partial recovery) stand in for the
 * states a power cut can leave.
 */

const MiB = 1024 * 1024;
const CHUNK = MiB;
const repo = path.resolve(__dirname, '../../..');
const outDir = path.join(repo, '.cache', 'save-child');
const childJs = path.join(outDir, 'save-child.js');

interface Edit {
  at: number;
  remove: number;
  insert: number;
}

interface Kind {
  name: string;
  size: number;
  edits(rand: () => number, size: number): Edit[];
}

/** Segments for sorted, non-overlapping edits of a file of `size` bytes. */
function segmentsFor(size: number, edits: Edit[]): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.at > pos) segments.push({ kind: 'original', offset: pos, length: e.at - pos });
    if (e.insert > 0) segments.push({ kind: 'bytes', data: randomBytes(e.insert) });
    pos = e.at + e.remove;
  }
  if (pos < size) segments.push({ kind: 'original', offset: pos, length: size - pos });
  return segments;
}

function scattered(rand: () => number, size: number, count: number, maxLen: number, sameLength: boolean): Edit[] {
  const edits: Edit[] = [];
  const slot = Math.floor(size / count);
  for (let i = 0; i < count; i++) {
    const len = 1 + randInt(rand, maxLen);
    const at = i * slot + randInt(rand, slot - len);
    edits.push({ at, remove: len, insert: sameLength ? len : randInt(rand, maxLen) });
  }
  return edits;
}

const kinds: Kind[] = [
  { name: 'same-length', size: 16 * MiB, edits: (r, size) => scattered(r, size, 20, 64 * 1024, true) },
  { name: 'insert near start', size: 32 * MiB, edits: (r) => [{ at: 100 + randInt(r, 8192), remove: 0, insert: 1 + randInt(r, 5000) }] },
  { name: 'delete near start', size: 24 * MiB, edits: (r) => [{ at: 2000 + randInt(r, 8192), remove: 1 + randInt(r, 200_000), insert: 0 }] },
  { name: 'shrink', size: 16 * MiB, edits: (r, size) => [...scattered(r, size / 2, 4, 30_000, true), { at: Math.floor(size * 0.6), remove: size - Math.floor(size * 0.6), insert: 0 }] },
  { name: 'grow', size: 16 * MiB, edits: (r, size) => [{ at: size / 2, remove: 0, insert: 500 }, { at: size, remove: 0, insert: 8 * MiB + randInt(r, MiB) }] },
  // A replace of a word throughout a log: edits a few hundred bytes apart, written in a few large runs, journaled one by one.
  { name: 'dense same-length', size: 16 * MiB, edits: (r, size) => scattered(r, size, 20_000 + randInt(r, 20_000), 16, true) },
  { name: 'mixed', size: 16 * MiB, edits: (r, size) => scattered(r, size, 1 + randInt(r, 6), 100_000, false) },
];

interface Case {
  kind: Kind;
  template: string;
  planFile: string;
  oldHash: string;
  newHash: string;
  /** How many times each step happens in a full save. */
  counts: Partial<Record<SaveStep, number>>;
  /** Wall time of an uninterrupted save in a child, ms. */
  ms: number;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function prepare(kind: Kind, dir: string, seed: number): Omit<Case, 'ms'> {
  const rand = random(seed);
  const template = path.join(dir, `template-${seed}.bin`);
  const old = randomBytes(kind.size);
  fs.writeFileSync(template, old);
  const segments = segmentsFor(kind.size, kind.edits(rand, kind.size));
  const expected = Buffer.concat(segments.map((s) => (s.kind === 'original' ? old.subarray(s.offset, s.offset + s.length) : s.data)));
  const layout = layoutOf(segments, kind.size);
  const chunks = (ranges: { start: number; end: number }[]) => ranges.reduce((n, r) => n + Math.ceil((r.end - r.start) / CHUNK), 0);
  const planFile = path.join(dir, `plan-${seed}.json`);
  fs.writeFileSync(planFile, JSON.stringify({
    originalSize: kind.size, chunkBytes: CHUNK, applyIn: 'auto',
    segments: segments.map((s) => (s.kind === 'bytes' ? { kind: 'bytes', base64: s.data.toString('base64') } : s)),
  }));
  return {
    kind, template, planFile,
    oldHash: createHash('sha256').update(old).digest('hex'),
    newHash: createHash('sha256').update(expected).digest('hex'),
    counts: {
      journal: [...journalChunks(placeSaved(layout.saved, 0), CHUNK)].length, header: 1, synced: 1, write: chunks(layout.writes), flush: 1,
      grow: layout.newSize > layout.oldSize ? 1 : 0, shrink: layout.newSize < layout.oldSize ? 1 : 0,
    },
  };
}


function runChild(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<ChildExit> {
  return runKillable(childJs, args, env, killAfterMs);
}

type Outcome = 'old' | 'new' | 'corrupt';

describe('fault injection: SIGKILL during a save, then recovery', function () {
  this.timeout(240_000);

  before(() => {
    fs.mkdirSync(outDir, { recursive: true });
    esbuild.buildSync({
      entryPoints: { 'save-child': path.join(repo, 'scripts/save-child.ts'), saveWorker: path.join(repo, 'src/edits/saveWorker.ts') },
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: outDir, external: ['koffi'], logLevel: 'error',
    });
  });

  it('leaves the old or the new content after every kill (at least 100 runs)', async () => {
    const dir = tempDir();
    const rand = random(20260101);
    const tally: Record<Outcome, number> = { old: 0, new: 0, corrupt: 0 };
    const failures: string[] = [];
    const cases: Case[] = [];
    let runId = 0;

    /** One run: copy the template, run the child (killed or not), recover, classify. */
    async function run(c: Case, label: string, env: Record<string, string>, killAfterMs?: number, then?: (file: string) => Promise<void>): Promise<Outcome> {
      const file = path.join(dir, `run-${runId++}.bin`);
      fs.copyFileSync(c.template, file);
      const exit = await runChild(['save', file, c.planFile], env, killAfterMs);
      if (exit.signal === null && exit.code !== 0) throw new Error(`${label}: the child failed: ${exit.stderr}`);
      if (env.HUGEFILE_SAVE_KILL_AT && exit.signal !== 'SIGKILL') failures.push(`${label}: the kill point was never reached`);
      if (then) await then(file);
      recoverInterruptedSave(file);
      const hash = sha(file);
      const outcome: Outcome = hash === c.oldHash ? 'old' : hash === c.newHash ? 'new' : 'corrupt';
      tally[outcome]++;
      if (outcome === 'corrupt') failures.push(`${label}: corrupt file`);
      if (fs.existsSync(journalPath(file))) failures.push(`${label}: journal left after recovery`);
      fs.rmSync(file);
      return outcome;
    }

    // Calibration: one uninterrupted save per kind, which also times it for the random delays.
    for (const [i, kind] of kinds.entries()) {
      const prepared = prepare(kind, dir, i + 1);
      const c: Case = { ...prepared, ms: 0 };
      const t0 = performance.now();
      assert.strictEqual(await run(c, `${kind.name} (uninterrupted)`, {}), 'new');
      c.ms = performance.now() - t0;
      cases.push(c);
    }

    const jobs: (() => Promise<unknown>)[] = [];
    for (const c of cases) {
      const steps = (Object.entries(c.counts) as [SaveStep, number][]).filter(([, n]) => n > 0);
      for (let k = 0; k < 18; k++) {
        const applyIn = ['auto', 'auto', 'inline', 'worker'][randInt(rand, 4)];
        if (k % 2 === 0) {
          // (a) an injected kill point: the engine SIGKILLs itself after the n-th step.
          const [step, count] = steps[randInt(rand, steps.length)];
          const n = 1 + randInt(rand, count);
          const label = `${c.kind.name}, kill at ${step}:${n} (${applyIn})`;
          jobs.push(async () => {
            const outcome = await run(c, label, { HUGEFILE_SAVE_KILL_AT: `${step}:${n}`, HUGEFILE_SAVE_APPLY_IN: applyIn });
            if (outcome !== 'old') failures.push(`${label}: expected the old content, got ${outcome}`);
          });
        } else {
          // (b) a kill from outside at a random moment (some land after the save finished).
          const delay = Math.round(rand() * c.ms * 1.2);
          jobs.push(() => run(c, `${c.kind.name}, kill after ${delay} ms (${applyIn})`, { HUGEFILE_SAVE_APPLY_IN: applyIn }, delay));
        }
      }
      // A recovery killed part-way, then recovered again: still the old content.
      const write = c.counts.write!;
      const journalChunks = c.counts.journal!;
      if (journalChunks > 0) {
        const label = `${c.kind.name}, recovery killed`;
        jobs.push(() => run(c, label, { HUGEFILE_SAVE_KILL_AT: `write:${1 + randInt(rand, Math.max(1, write))}` }, undefined, async (file) => {
          const exit = await runChild(['recover', file], { HUGEFILE_SAVE_KILL_AT: `recover:${1 + randInt(rand, journalChunks)}` });
          if (exit.signal !== 'SIGKILL') failures.push(`${label}: the recovery was not killed (${exit.code}: ${exit.stderr})`);
        }));
      }
    }

    // Two children at a time (the machine has two cores).
    let next = 0;
    await Promise.all([0, 1].map(async () => {
      while (next < jobs.length) await jobs[next++]();
    }));

    const runs = tally.old + tally.new + tally.corrupt;
    console.log(`      ${runs} runs: ${tally.old} old, ${tally.new} new, ${tally.corrupt} corrupt`);
    assert.deepStrictEqual(failures, []);
    assert.ok(runs >= 100, `only ${runs} runs`);
    assert.strictEqual(tally.corrupt, 0);
    assert.ok(tally.old > 0 && tally.new > 0, 'expected some old and some new outcomes');
  });
});
