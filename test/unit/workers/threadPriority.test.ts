import { strict as assert } from 'assert';
import * as fs from 'fs';
import type { Worker } from 'worker_threads';
import { threadPriority } from '../../../src/workers/priority/threadPriority';
import { spawnWorker } from '../../../src/workers/spawnWorker';

/** Nice value of every thread of this process, by thread id, from /proc (the kernel's own account). */
function niceByThread(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the ")" that closes the thread name: state is field 3, nice field 19.
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

/** Starts priorityProbe through spawnWorker, as the index and search workers start; it blocks until `release` is set. */
function startProbe(release: Int32Array, background: boolean): Promise<{ worker: Worker; reported: number }> {
  const worker = spawnWorker(__dirname, 'priorityProbe', release, [], background);
  return new Promise((resolve, reject) => {
    worker.once('message', (reported: number) => resolve({ worker, reported }));
    worker.once('error', reject);
  });
}

async function stop(worker: Worker, release: Int32Array): Promise<void> {
  Atomics.store(release, 0, 1);
  Atomics.notify(release, 0);
  await new Promise((resolve) => worker.once('exit', resolve));
}

describe('threadPriority', () => {
  (process.platform === 'linux' ? it : it.skip)('a worker spawned for the background lowers only its own thread to nice 10 on Linux, as /proc shows', async () => {
    assert.equal(threadPriority.name, 'linux');
    const before = niceByThread();
    const release = new Int32Array(new SharedArrayBuffer(4));
    const { worker, reported } = await startProbe(release, true);
    try {
      assert.equal(reported, 10);
      const after = niceByThread();
      const lowered = [...after].filter(([tid, nice]) => nice === 10 && before.get(tid) !== 10);
      assert.equal(lowered.length, 1, `one new thread at nice 10, got ${JSON.stringify([...after])}`);
      assert.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its priority');
      assert.equal(threadPriority.currentThread(), before.get(process.pid));
    } finally {
      await stop(worker, release);
    }
  });

  (process.platform === 'linux' ? it : it.skip)('a worker spawned without background keeps normal priority (a CLI command)', async () => {
    const release = new Int32Array(new SharedArrayBuffer(4));
    const { worker, reported } = await startProbe(release, false);
    try {
      assert.equal(reported, threadPriority.currentThread());
      assert.ok(![...niceByThread().values()].includes(10), 'no thread at nice 10');
    } finally {
      await stop(worker, release);
    }
  });

  (process.platform === 'win32' ? it : it.skip)('lowers the calling thread to below normal on Windows', () => {
    assert.equal(threadPriority.name, 'windows');
    assert.equal(threadPriority.currentThread(), 0); // THREAD_PRIORITY_NORMAL
    threadPriority.lowerCurrentThread();
    assert.equal(threadPriority.currentThread(), -1); // THREAD_PRIORITY_BELOW_NORMAL
  });
});
