import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * One async job at a time for an element: a newer run aborts the older one,
 * and a late answer from an older run never replaces a newer result.
 * Disconnecting the host aborts the job; `needsRun` tells the host to start
 * again when it comes back.
 */
export class AsyncTask<T> implements ReactiveController {
  status: TaskStatus = 'initial';
  value?: T;
  error?: unknown;
  private controller?: AbortController;
  private run_ = 0;
  private interrupted = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True when a run was cut short by a disconnect and should start again. */
  get needsRun(): boolean {
    return this.interrupted;
  }

  async run(job: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const run = ++this.run_;
    this.interrupted = false;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await job(controller.signal);
      if (run !== this.run_) return;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
    } catch (error) {
      if (run !== this.run_ || controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  /** Forgets any result and aborts a running job. */
  reset(): void {
    this.controller?.abort();
    this.run_++;
    this.status = 'initial';
    this.value = undefined;
    this.error = undefined;
  }

  hostDisconnected(): void {
    if (this.status === 'pending') {
      this.controller?.abort();
      this.run_++;
      this.interrupted = true;
    }
  }
}
