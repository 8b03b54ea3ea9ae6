import { parentPort, workerData } from 'worker_threads';
import { runJob } from './searchJob';
import type { WorkerInput } from './searchMessages';

// Worker thread entry (dist/searchWorker.js): runs one job, then the thread ends.
runJob(workerData as WorkerInput, (message, transfer) => parentPort!.postMessage(message, transfer ?? []));
