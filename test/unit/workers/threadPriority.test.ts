import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { threadPriority } from '../../../src/workers/priority/threadPriority';

const source = path.resolve(__dirname, '../../../src/workers/priority/threadPriority.ts');

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

/**
 * Starts a worker that calls runInBackground(), reports its priority as it reads it,
 * then blocks until `release` is set, so the test can look at it from outside meanwhile.
 */
function startLoweredWorker(release: Int32Array): Promise<{ worker: Worker; reported: number }> {
  const code = `
    require('tsx/cjs');
    const { parentPort, workerData } = require('worker_threads');
    const p = require(${JSON.stringify(source)});
    p.runInBackground();
    parentPort.postMessage(p.threadPriority.currentThread());
    Atomics.wait(workerData, 0, 0);
  `;
  const worker = new Worker(code, { eval: true, workerData: release });
  return new Promise((resolve, reject) => {
    worker.once('message', (reported: number) => resolve({ worker, reported }));
    worker.once('error', reject);
  });
}

describe('threadPriority', () => {
  (process.platform === 'linux' ? it : it.skip)('lowers only the calling thread to nice 10 on Linux, as /proc shows', async () => {
    assert.equal(threadPriority.name, 'linux');
    const before = niceByThread();
    const release = new Int32Array(new SharedArrayBuffer(4));
    const { worker, reported } = await startLoweredWorker(release);
    try {
      assert.equal(reported, 10);
      const after = niceByThread();
      const lowered = [...after].filter(([tid, nice]) => nice === 10 && before.get(tid) !== 10);
      assert.equal(lowered.length, 1, `one new thread at nice 10, got ${JSON.stringify([...after])}`);
      assert.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its priority');
      assert.equal(threadPriority.currentThread(), before.get(process.pid));
    } finally {
      Atomics.store(release, 0, 1);
      Atomics.notify(release, 0);
      await new Promise((resolve) => worker.once('exit', resolve));
    }
  });

  (process.platform === 'win32' ? it : it.skip)('lowers the calling thread to below normal on Windows', () => {
    assert.equal(threadPriority.name, 'windows');
    assert.equal(threadPriority.currentThread(), 0); // THREAD_PRIORITY_NORMAL
    threadPriority.lowerCurrentThread();
    assert.equal(threadPriority.currentThread(), -1); // THREAD_PRIORITY_BELOW_NORMAL
  });
});
