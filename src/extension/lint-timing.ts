/** A promise with its resolve at hand, for those who wait on something scheduled. */
export class Deferred {
  resolve!: () => void;
  readonly promise = new Promise<void>((resolve) => (this.resolve = resolve));
}

/** Lints of a document that its debounce averages (VS Code's sliding window for its own providers' delays). */
const WINDOW = 6;

/**
 * How long to wait after an edit before linting the document again: the average of its last lints' durations, at least
 * the `rdpDoctor.lint.debounceMs` setting and at most its square, as VS Code spaces its own requests to a provider by
 * how long that provider takes (src/vs/editor/common/services/languageFeatureDebounce.ts: a sliding window of 6,
 * clamped to [min, min²]). A file that lints in 2 ms is linted 200 ms after typing stops; one that takes 2 s, after
 * 2 s without a keystroke, not after every one.
 */
export class LintDurations {
  private readonly windows = new Map<string, number[]>();

  record(key: string, ms: number): void {
    const window = this.windows.get(key) ?? [];
    window.push(ms);
    if (window.length > WINDOW) window.shift();
    this.windows.set(key, window);
  }

  delay(key: string, min: number): number {
    const window = this.windows.get(key);
    if (!window?.length) return min;
    const average = window.reduce((a, b) => a + b, 0) / window.length;
    return Math.round(Math.min(Math.max(average, min), Math.max(min, min * min)));
  }

  forget(key: string): void {
    this.windows.delete(key);
  }
}
