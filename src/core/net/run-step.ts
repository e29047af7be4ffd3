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

/**
 * An AbortSignal that fires when the parent does or when the budget runs out; dispose it to free its timer. The clock
 * stops while any of the check's connections waits for a place among this process's connections to its endpoint
 * (`pause`): that wait is the check's own queue, not time the server took.
 */
export class Budget {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();
  private paused = 0;
  private pausedAt = 0;
  private pauses = 0;
  private disposed = false;
  private readonly onParentAbort = (): void => this.controller.abort();

  constructor(private readonly totalMs: number, private readonly parent?: AbortSignal) {
    this.schedule();
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
    return Math.max(0, Math.min(stepTimeoutMs, this.totalMs - this.used()));
  }

  /** How long the clock has stood still (`pause`). */
  get pausedMs(): number {
    return this.paused + (this.pauses > 0 ? Date.now() - this.pausedAt : 0);
  }

  /** Stops the clock until the returned function is called (each pause once; the clock runs when none is left). */
  readonly pause = (): (() => void) => {
    if (this.pauses++ === 0) {
      this.pausedAt = Date.now();
      clearTimeout(this.timer);
    }
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      if (--this.pauses > 0) return;
      this.paused += Date.now() - this.pausedAt;
      this.schedule();
    };
  };

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }

  private used(): number {
    return Date.now() - this.started - this.pausedMs;
  }

  private schedule(): void {
    if (this.disposed || this.controller.signal.aborted) return;
    this.timer = setTimeout(() => this.controller.abort(), Math.max(0, this.totalMs - this.used()));
  }
}

export function elapsed(start: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100;
}
