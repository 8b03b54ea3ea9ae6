import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { journalPath } from '../../../src/edits/saveEngine';
import { type ChildExit, runKillable } from '../killableChild';
import { random, randInt, tempDir } from '../testUtil';
import { bundleCli, bundleDir, hugefile } from './cliBundle';

/*
 * `hugefile replace` SIGKILLed at random points of its save (injected kill points,
 * and kills from outside after a random delay), then run again: its first step rolls
 * the file back from the journal. The file must then hold the old content or the
 * new one. See test/unit/edits/faultInjection.test.ts for what SIGKILL does and does
 * not prove.
 */

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A 3 MiB text with a few thousand matches of 'needle' (lines of varying length). */
function template(rand: () => number): Buffer {
  const lines: string[] = [];
  for (let size = 0; size < 3 * 1024 * 1024; ) {
    const line = `#${lines.length} ${'x'.repeat(randInt(rand, 400))}${rand() < 0.3 ? ' needle' : ''} end\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''));
}

function runChild(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<ChildExit> {
  return runKillable(path.join(bundleDir, 'replaceChild.js'), args, env, killAfterMs);
}

describe('hugefile replace killed during its save, then run again', function () {
  this.timeout(300_000);
  before(bundleCli);

  it('leaves the old or the new content after every kill (same-length and length-changing)', async () => {
    const dir = tempDir();
    const rand = random(17);
    const old = template(rand);
    const original = path.join(dir, 'template.txt');
    fs.writeFileSync(original, old);
    const failures: string[] = [];
    const tally = { old: 0, new: 0 };
    for (const replacement of ['NEEDLE', 'pin']) {
      const expected = path.join(dir, `expected-${replacement}.txt`);
      fs.copyFileSync(original, expected);
      assert.strictEqual(hugefile('replace', expected, 'needle', replacement).status, 0);
      const hashes = { old: sha(original), new: sha(expected) };
      // Kill points: journal chunks (64 KiB), the header, the writes, the flush.
      const points = ['journal:1', 'journal:3', 'header:1', 'synced:1', 'write:1', 'write:5', 'write:20', 'flush:1'];
      const timing = path.join(dir, 'timing.txt');
      fs.copyFileSync(original, timing);
      const t0 = performance.now();
      assert.strictEqual((await runChild([timing, 'needle', replacement], {})).code, 0);
      const ms = performance.now() - t0;
      const runs: { env: Record<string, string>; delay?: number; label: string }[] = [];
      for (const point of points) {
        for (const applyIn of ['inline', 'worker']) runs.push({ env: { HUGEFILE_SAVE_KILL_AT: point, HUGEFILE_SAVE_APPLY_IN: applyIn }, label: `${point} (${applyIn})` });
      }
      for (let k = 0; k < 10; k++) {
        const delay = Math.round(rand() * ms * 1.2);
        runs.push({ env: {}, delay, label: `kill after ${delay} ms` });
      }
      for (const run of runs) {
        const file = path.join(dir, 'run.txt');
        fs.copyFileSync(original, file);
        const exit = await runChild([file, 'needle', replacement], run.env, run.delay);
        const label = `${replacement}, ${run.label}`;
        if (run.env.HUGEFILE_SAVE_KILL_AT && exit.signal !== 'SIGKILL') failures.push(`${label}: not killed (${exit.code}: ${exit.stderr})`);
        // The next run recovers first (saying so), then counts what is (still or again) there.
        const journalLeft = fs.existsSync(journalPath(file));
        const again = hugefile('replace', file, 'needle', replacement, '--dry-run');
        const hash = sha(file);
        const outcome = hash === hashes.old ? 'old' : hash === hashes.new ? 'new' : 'corrupt';
        if (outcome === 'corrupt') failures.push(`${label}: corrupt file`);
        else tally[outcome]++;
        if (fs.existsSync(journalPath(file))) failures.push(`${label}: journal left after the rerun`);
        if (journalLeft && !/^hugefile: (rolled|removed) /.test(again.stderr)) failures.push(`${label}: the rerun did not say it recovered: ${again.stderr}`);
        if (outcome === 'old' && again.status !== 0) failures.push(`${label}: the rerun found no match in the old content (${again.stderr})`);
      }
    }
    console.log(`      ${tally.old} old, ${tally.new} new`);
    assert.deepStrictEqual(failures, []);
    assert.ok(tally.old > 0, 'expected some runs killed before the save finished');
  });
});
