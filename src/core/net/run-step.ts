import type { StepOptions } from './types';

/**
 * The longest wait for the server's first answer on a connection after its TLS handshake (the MCS Connect Response,
 * the NTLM CHALLENGE); a shorter step timeout wins. Real listeners answer within ~50 ms (xrdp ~6 ms, ~45 ms when run
 * without its shipped `tcp_nodelay=true`: it then holds its second TLS 1.3 session ticket, and the answer behind it,
 * until this side's delayed ACK; FreeRDP shadow ~27 ms, weston ~6 ms); 2 s still covers a satellite round trip
 * (~600 ms), one lost segment's retransmission (RFC 6298's 1 s minimum RTO) and a busy server, while a silent server
 * costs 2 s of the check, not the whole step timeout.
 */
export const FIRST_ANSWER_WAIT_MS = 2000;

/** The step's options with its timeout capped at FIRST_ANSWER_WAIT_MS. */
export function firstAnswerStep(step: StepOptions): StepOptions {
  return { ...step, timeoutMs: Math.min(step.timeoutMs, FIRST_ANSWER_WAIT_MS) };
}

/**
 * Runs one network step to a single outcome: the first of `finish`, the timeout or the abort wins,
 * and the step's own cleanup runs exactly once, whatever the peer does afterwards.
 */
export function runStep<T>(
  options: StepOptions,
  outcomes: { readonly timeout: () => T; readonly aborted: () => T },
  start: (finish: (value: T) => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve) => {
    const { signal } = options;
    if (signal?.aborted) return resolve(outcomes.aborted());
    let done = false;
    let cleanup: () => void = () => undefined;
    const finish = (value: T): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      cleanup();
      resolve(value);
    };
    const onAbort = (): void => finish(outcomes.aborted());
    const timer = setTimeout(() => finish(outcomes.timeout()), Math.max(0, options.timeoutMs));
    signal?.addEventListener('abort', onAbort, { once: true });
    cleanup = start(finish);
    if (done) cleanup();
  });
}

/** An AbortSignal that fires when the parent does or when the budget runs out; dispose it to free its timer. */
export class Budget {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly started = Date.now();
  private readonly onParentAbort = (): void => this.controller.abort();

  constructor(private readonly totalMs: number, private readonly parent?: AbortSignal) {
    this.timer = setTimeout(() => this.controller.abort(), totalMs);
    if (parent?.aborted) this.controller.abort();
    else parent?.addEventListener('abort', this.onParentAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the caller cancelled (rather than the budget running out). */
  get cancelled(): boolean {
    return this.parent?.aborted === true;
  }

  /** The time left, capped at one step's timeout. */
  stepMs(stepTimeoutMs: number): number {
    return Math.max(0, Math.min(stepTimeoutMs, this.totalMs - (Date.now() - this.started)));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }
}

export function elapsed(start: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;
}
