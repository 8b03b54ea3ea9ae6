import { parentPort, workerData } from 'worker_threads';
import { runInBackgroundIfAsked } from '../workers/priority/threadPriority';
import { runJob } from './searchJob';
import type { WorkerInput } from './searchMessages';

// Worker thread entry (dist/searchWorker.js): runs one job, then the thread ends.
runInBackgroundIfAsked();
runJob(workerData as WorkerInput, (message, transfer) => parentPort!.postMessage(message, transfer ?? []));
