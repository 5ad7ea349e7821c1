import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * An async job an element runs now and again every `interval()` ms, with its
 * state (in `@lit/task`'s words: status, value, error):
 * - one run at a time: a newer run aborts the older, and a late answer from
 *   an older run never replaces a newer result;
 * - it polls only while the page is visible and the host is in the document;
 *   coming back, a run that fell due meanwhile starts at once, and one cut
 *   short by a disconnect starts again;
 * - the next run is counted from the end of the last, so slow answers never
 *   pile up; nothing runs until `run()` is first called.
 *
 * `job` returns undefined when there is nothing to run (no `src`): the
 * state goes back to `initial`.
 */
export class PollingTask<T> implements ReactiveController {
  status: TaskStatus = 'initial';
  value?: T;
  error?: unknown;
  private controller?: AbortController;
  private runs = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private lastEnd = 0;
  private connected = false;
  private interrupted = false;
  private readonly onVisibility = () => this.schedule();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly job: (signal: AbortSignal) => Promise<T> | undefined,
    private readonly interval: () => number,
  ) {
    host.addController(this);
  }

  /** Runs the job now, hidden page or not, and polls from there. */
  async run(): Promise<void> {
    this.stopTimer();
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const run = ++this.runs;
    this.interrupted = false;
    const pending = this.job(controller.signal);
    if (!pending) {
      this.status = 'initial';
      this.value = this.error = undefined;
    } else {
      this.status = 'pending';
      this.host.requestUpdate();
      try {
        const value = await pending;
        if (run !== this.runs) return;
        this.value = value;
        this.error = undefined;
        this.status = 'complete';
      } catch (error) {
        if (run !== this.runs || controller.signal.aborted) return;
        this.error = error;
        this.status = 'error';
      }
    }
    this.lastEnd = Date.now();
    this.schedule();
    this.host.requestUpdate();
  }

  /** Sets the timer again, e.g. after the interval changed. */
  schedule(): void {
    this.stopTimer();
    const interval = this.interval();
    if (!this.connected || this.status === 'pending' || !this.lastEnd || !(interval > 0) || document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => void this.run(), Math.max(0, this.lastEnd + interval - Date.now()));
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.interrupted) void this.run();
    else this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopTimer();
    if (this.status === 'pending') {
      this.controller?.abort();
      this.runs++;
      this.status = this.error ? 'error' : this.value !== undefined ? 'complete' : 'initial';
      this.interrupted = true;
    }
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
