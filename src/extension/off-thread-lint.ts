import type { Worker } from 'node:worker_threads';
import type { DetachedRdpLint, LintOptions } from '../core/lint/lint-file';

/** A lint the worker is asked for (lint-worker.ts). */
export interface LintJob {
  readonly id: number;
  readonly text: string;
  readonly options: LintOptions;
}

/** The worker's answer to a job: its lint, or why it failed. */
export type LintReply = { readonly id: number; readonly lint: DetachedRdpLint } | { readonly id: number; readonly error: string };

/** What an off-thread lint came to: the lint; a failure, said in a sentence; or nothing, as its version is gone. */
export type OffThreadResult = { readonly lint: DetachedRdpLint } | { readonly failed: string } | { readonly stale: true };

interface Queued {
  readonly name: string;
  readonly text: string;
  readonly options: LintOptions;
  /** Whether the version is still the document's: a job whose version is gone is not started. */
  readonly current: () => boolean;
  readonly done: (result: OffThreadResult) => void;
}

/** How long one lint may take in the worker before it is stopped (1,000,000 lines took 2.3–5.8 s, bench/large). */
const TIMEOUT_MS = 60_000;

/**
 * Lints large `.rdp` texts in a worker thread, one at a time: the extension host keeps answering every other feature
 * and extension meanwhile. The worker starts with the first job (activation starts none) and is started again after it
 * crashed or was stopped for taking longer than `timeoutMs`; a waiting job whose version is gone is dropped when the
 * next job comes or at its turn, whichever is first.
 */
export class OffThreadLinter {
  private worker?: Worker;
  private readonly queue: Queued[] = [];
  private running?: { readonly id: number; readonly job: Queued; readonly timer: NodeJS.Timeout };
  private nextId = 0;
  private disposed = false;

  constructor(
    private readonly start: () => Worker,
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  /** Lints `text` (named `name` in a failure's message) off the thread, once the jobs before it are done. */
  lint(name: string, text: string, options: LintOptions, current: () => boolean): Promise<OffThreadResult> {
    if (this.disposed) return Promise.resolve({ stale: true });
    return new Promise((done) => {
      this.dropStale();
      this.queue.push({ name, text, options, current, done });
      this.next();
    });
  }

  /** Drops the waiting jobs whose version is gone: each holds a copy of its text until its turn would come. */
  private dropStale(): void {
    const stale = this.queue.filter((job) => !job.current());
    if (stale.length === 0) return;
    this.queue.splice(0, this.queue.length, ...this.queue.filter((job) => !stale.includes(job)));
    for (const job of stale) job.done({ stale: true });
  }

  private next(): void {
    if (this.running || this.disposed) return;
    let job = this.queue.shift();
    while (job && !job.current()) {
      job.done({ stale: true });
      job = this.queue.shift();
    }
    if (!job) return;
    const id = ++this.nextId;
    const worker = (this.worker ??= this.started());
    const timer = setTimeout(() => this.stop(`The lint of ${job.name} took more than ${this.timeoutMs / 1000} s in the lint worker and was stopped: no problems are shown for this version.`), this.timeoutMs);
    this.running = { id, job, timer };
    worker.postMessage({ id, text: job.text, options: job.options } satisfies LintJob);
  }

  private started(): Worker {
    const worker = this.start();
    worker.on('message', (reply: LintReply) => {
      if (this.running?.id !== reply.id) return;
      this.finish('lint' in reply ? { lint: reply.lint } : { failed: `The lint worker failed on ${this.running.job.name}: ${reply.error}` });
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.stop(`The lint worker crashed${this.running ? ` on ${this.running.job.name}` : ''}: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(`The lint worker exited (code ${code})${this.running ? ` while linting ${this.running.job.name}` : ''}.`);
    });
    // The worker alone does not keep the extension host's process alive.
    worker.unref();
    return worker;
  }

  /** Ends the running job, if any, with `result`, and starts the next. */
  private finish(result: OffThreadResult): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = undefined;
    running.job.done(result);
    this.next();
  }

  /** Stops the worker (crashed, exited or too slow): the running job fails with `message`; the next starts a new worker. */
  private stop(message: string): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (this.running) this.finish({ failed: message });
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.job.done({ stale: true });
      this.running = undefined;
    }
    for (const job of this.queue.splice(0)) job.done({ stale: true });
  }
}
