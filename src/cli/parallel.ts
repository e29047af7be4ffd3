import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { dropLaterLinks, type InputFile } from '../core/lint/inputs';
import type { LintChunkResult, OnFileReport } from '../core/lint/lint-chunk';

type Chunk = LintChunkResult;
type LintChunk = (inputs: readonly InputFile[], configPath: string | undefined, fix: boolean, overrides?: undefined, onFile?: OnFileReport) => Chunk;

/** Below this many files a thread costs more to start than it saves. */
const MIN_FILES_PER_THREAD = 500;
const MAX_THREADS = 8;
/**
 * With fewer cores one thread wins: on 2 cores, 10,000 files took 0.89–1.09 s on one thread and 1.05–1.26 s
 * on two (bench/data/rdp-10000, alternating runs), the worker's start and the copy of its results back costing more than it saved.
 */
const MIN_CORES_FOR_THREADS = 4;

/** Passed to each lint thread, so the bundle knows it is one before it loads worker_threads. */
const WORKER_FLAG = '--rdp-doctor-lint-worker';

interface WorkerJob {
  readonly rdpDoctorLintChunk: true;
  readonly inputs: readonly InputFile[];
  readonly configPath: string | undefined;
  readonly fix: boolean;
}

/**
 * Splits the files into contiguous chunks, lints the first in this thread and the rest in worker
 * threads running this same bundle, and returns the chunks in order, so output does not depend on timing.
 * `onFile` takes the reports of this thread's chunk as they are made (that chunk comes back without them);
 * the worker threads' chunks come back whole.
 */
export async function lintInParallel(all: readonly InputFile[], configPath: string | undefined, fix: boolean, lintChunk: LintChunk, onFile?: OnFileReport): Promise<Chunk[]> {
  let inputs = all;
  const forced = Number(process.env.RDP_DOCTOR_THREADS); // RDP_DOCTOR_THREADS=N asks for N threads (tests, benchmarks)
  const cores = availableParallelism();
  if (!forced && cores < MIN_CORES_FOR_THREADS) return [lintChunk(inputs, configPath, fix, undefined, onFile)];
  const limit = forced || MAX_THREADS;
  const threads = Math.max(1, Math.min(cores, limit, Math.floor(inputs.length / MIN_FILES_PER_THREAD)));
  if (threads === 1) return [lintChunk(inputs, configPath, fix, undefined, onFile)];
  // A thread can only compare the files it reads itself: later links to a file are dropped before the split.
  inputs = dropLaterLinks(inputs);
  const size = Math.ceil(inputs.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => inputs.slice(i * size, (i + 1) * size));
  const workers = chunks.slice(1).map(
    (chunk) =>
      new Promise<Chunk>((resolve, reject) => {
        const job: WorkerJob = { rdpDoctorLintChunk: true, inputs: chunk, configPath, fix };
        const worker = new Worker(__filename, { workerData: job, argv: [WORKER_FLAG] });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`A lint thread stopped with exit code ${code}.`)));
      }),
  );
  const first = lintChunk(chunks[0]!, configPath, fix, undefined, onFile);
  return [first, ...(await Promise.all(workers))];
}

/** In a worker thread started by `lintInParallel`: lint the chunk, post it back, and report whether this was one. */
export function runAsLintWorker(lintChunk: LintChunk): boolean {
  // The flag first: a command that is not a lint worker never loads worker_threads (issue 16, start-up).
  if (!process.argv.includes(WORKER_FLAG)) return false;
  const job = workerData as WorkerJob | undefined;
  if (isMainThread || !job?.rdpDoctorLintChunk) return false;
  parentPort!.postMessage(lintChunk(job.inputs, job.configPath, job.fix));
  return true;
}
