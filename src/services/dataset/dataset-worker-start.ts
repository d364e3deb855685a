import { sharedClusterClient } from '../cluster/cluster-client.ts';
import { sendDatasetRequest } from './dataset-protocol.ts';

/**
 * The dataset worker, started by the app's first module (app/boot.ts), before the rest of the app's JavaScript
 * is evaluated: the worker fetches on its own thread, so the data downloads while the page starts, and sends
 * the positions straight to the cluster worker. Its messages wait here until loadDefaultData takes the worker.
 */
interface StartedWorker {
  readonly worker: Worker;
  readonly baseUrl: string;
  readonly early: MessageEvent[];
}

let started: StartedWorker | undefined;

/** Starts loading the data folder at baseUrl in a worker (once; not where workers are unavailable). */
export function startDatasetWorker(baseUrl: string): void {
  if (started || typeof Worker === 'undefined') return;
  const worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
  const early: MessageEvent[] = [];
  worker.onmessage = (event) => early.push(event);
  // The cluster worker starts now too, and gets the positions from the dataset worker directly.
  sendDatasetRequest(worker, { baseUrl, clusterPort: sharedClusterClient().connectPort() });
  started = { worker, baseUrl, early };
}

/** The worker started for this data folder, with the messages it sent so far; once. */
export function takeDatasetWorker(baseUrl: string): { worker: Worker; early: MessageEvent[] } | undefined {
  const taken = started?.baseUrl === baseUrl ? started : undefined;
  if (taken) started = undefined;
  return taken;
}
