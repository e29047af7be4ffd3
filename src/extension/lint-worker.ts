// The lint of a large `.rdp` document, off the extension host's thread: dist/lint-worker.js, a worker thread that
// off-thread-lint.ts starts on the first such document. It loads the core (dist/extension-core.js) itself.
import { parentPort } from 'node:worker_threads';
import { lintRdpDetached } from './core-api';
import type { LintJob, LintReply } from './off-thread-lint';

parentPort?.on('message', (job: LintJob) => {
  let reply: LintReply;
  try {
    reply = { id: job.id, lint: lintRdpDetached(job.text, job.options) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
