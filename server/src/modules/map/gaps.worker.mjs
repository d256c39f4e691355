// Runs the gap analysis of a large chain off the request path (a worker thread).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { analyseGaps } = await import('@tisserand/core/gaps/analyse');

parentPort?.on('message', (input) => {
  try {
    parentPort?.postMessage({ ok: true, gaps: analyseGaps(input) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: String(err instanceof Error ? err.stack : err) });
  }
});
