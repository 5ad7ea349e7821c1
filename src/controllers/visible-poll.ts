import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs a job again every `interval()` ms, but only while the page is visible
 * and the host is in the document: the timer stops when the page is hidden
 * or the host removed. Coming back, a job that fell due meanwhile runs at
 * once. The next run is counted from the end of the last, so slow answers
 * never pile up. Nothing runs until `run()` is first called.
 */
export class VisiblePollController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private last = 0;
  private running = 0;
  private connected = false;
  private readonly onVisibility = () => this.schedule();

  constructor(
    host: ReactiveControllerHost,
    private readonly job: () => Promise<unknown>,
    private readonly interval: () => number,
  ) {
    host.addController(this);
  }

  /** Runs the job now, hidden page or not, and polls from there. */
  async run(): Promise<void> {
    this.stop();
    this.running++;
    try {
      await this.job();
    } finally {
      this.running--;
      this.last = Date.now();
      this.schedule();
    }
  }

  /** Sets the timer again, e.g. after the interval changed. */
  schedule(): void {
    this.stop();
    const interval = this.interval();
    if (!this.connected || this.running || !this.last || !(interval > 0) || document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => void this.run(), Math.max(0, this.last + interval - Date.now()));
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
