import { parentPort, workerData } from 'worker_threads';
import { runInBackgroundIfAsked, threadPriority } from '../../../src/workers/priority/threadPriority';

// A worker as the index and search workers start: lowers itself if asked, reports its
// priority, then blocks until the test releases it, so the test can look at it meanwhile.
runInBackgroundIfAsked();
parentPort!.postMessage(threadPriority.currentThread());
Atomics.wait(workerData as Int32Array, 0, 0);
