/**
 * A debounced save queue for text fields: changes are collected, sent ~400 ms after the last
 * keystroke (or at once on flush), one request at a time; a failed save keeps its text and is
 * retried. No React here so it can be tested with fake timers.
 */

export interface AutosaveOptions<F extends string> {
  /** Debounce after the last change, ms. */
  delay: number;
  /** First retry after a failure, ms (doubles up to `maxRetryDelay`). */
  retryDelay?: number;
  maxRetryDelay?: number;
  /** Sends the changed fields; rejects when the save failed. */
  save: (patch: Partial<Record<F, string>>) => Promise<void>;
  /** Called after a failed save (the text is kept and retried). */
  onError?: (error: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Autosave<F extends string> {
  private pending: Partial<Record<F, string>> = {};
  private timer: unknown = null;
  private inFlight: Promise<boolean> | null = null;
  private failures = 0;
  private disposed = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: AutosaveOptions<F>) {
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** A field changed: remember it and (re)start the debounce. */
  change(field: F, value: string): void {
    this.pending[field] = value;
    if (this.failures === 0) this.schedule(this.opts.delay);
  }

  /** True while something typed has not been confirmed by the server. */
  hasUnsaved(): boolean {
    return Object.keys(this.pending).length > 0 || this.inFlight !== null;
  }

  /** The fields waiting to be sent. */
  unsaved(): Partial<Record<F, string>> {
    return { ...this.pending };
  }

  /** Save everything now; resolves true when all is saved, false when a save failed (it stays queued). */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    for (;;) {
      if (this.inFlight) {
        const ok = await this.inFlight;
        if (!ok) return false;
        continue;
      }
      if (Object.keys(this.pending).length === 0) return true;
      const ok = await this.run();
      if (!ok) return false;
    }
  }

  /** Try a failed save again now (e.g. when the connection comes back). */
  retryNow(): Promise<boolean> {
    this.failures = 0;
    return this.flush();
  }

  /** Stop the timers; whatever is pending is sent once more (not retried). */
  dispose(): Promise<boolean> {
    const p = this.flush();
    this.disposed = true;
    this.cancelTimer();
    return p;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private run(): Promise<boolean> {
    const patch = this.pending;
    this.pending = {};
    const p = this.opts
      .save(patch)
      .then(() => {
        this.failures = 0;
        return true;
      })
      .catch((e: unknown) => {
        // Put the text back unless something newer was typed meanwhile.
        for (const [f, v] of Object.entries(patch) as [F, string][]) if (!(f in this.pending)) this.pending[f] = v;
        this.failures += 1;
        this.opts.onError?.(e);
        const base = this.opts.retryDelay ?? 3000;
        const max = this.opts.maxRetryDelay ?? 30000;
        this.schedule(Math.min(max, base * 2 ** (this.failures - 1)));
        return false;
      })
      .finally(() => {
        if (this.inFlight === p) this.inFlight = null;
      });
    this.inFlight = p;
    return p;
  }
}
