// A save or a recovery in a process of its own, for the fault-injection test
// (test/unit/edits/faultInjection.test.ts), which SIGKILLs it. The test bundles it
// with esbuild next to saveWorker.js.
//   node save-child.js save FILE PLAN.json     PLAN: { originalSize, chunkBytes, applyIn, segments }
//   node save-child.js recover FILE
// HUGEFILE_SAVE_KILL_AT=<step>:<n> makes the engine SIGKILL this process after the
// n-th occurrence of that step (see SaveStep). Only this script reads it: the
// library takes the fault point as a hook. HUGEFILE_SAVE_APPLY_IN=inline|worker|auto
// overrides where the apply phase runs.
import * as fs from 'fs';
import { recoverWith, saveInPlace, Segment } from '../src/edits/saveEngine';
import type { FaultPoint, SaveStep } from '../src/edits/saveTypes';

interface ChildPlan {
  originalSize: number;
  chunkBytes: number;
  applyIn: 'inline' | 'worker' | 'auto';
  segments: ({ kind: 'original'; offset: number; length: number } | { kind: 'bytes'; base64: string })[];
}

function killPoint(): FaultPoint | undefined {
  const spec = process.env.HUGEFILE_SAVE_KILL_AT;
  if (!spec) return undefined;
  const [step, n] = spec.split(':');
  return { step: step as SaveStep, after: Number(n), action: 'kill' };
}

function applyIn(): ChildPlan['applyIn'] | undefined {
  const where = process.env.HUGEFILE_SAVE_APPLY_IN;
  return where === 'inline' || where === 'worker' || where === 'auto' ? where : undefined;
}

async function main(): Promise<void> {
  const [mode, file, planFile] = process.argv.slice(2);
  if (mode === 'recover') {
    console.log(JSON.stringify(recoverWith(file, { fault: killPoint(), chunkBytes: 1024 * 1024 })));
    return;
  }
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as ChildPlan;
  const segments: Segment[] = plan.segments.map((s) => (s.kind === 'bytes' ? { kind: 'bytes', data: Buffer.from(s.base64, 'base64') } : s));
  const result = await saveInPlace(
    { path: file, segments, originalSize: plan.originalSize },
    { hooks: { fault: killPoint(), chunkBytes: plan.chunkBytes, applyIn: applyIn() ?? plan.applyIn } },
  );
  console.log(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
