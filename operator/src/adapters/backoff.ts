// Exponential backoff with a cap and jitter, and an abortable sleep: how the informers reconnect,
// how the work queue spaces out retries of a failing key, and how the Prometheus client spaces
// out its attempts. The sleep resolves early when its signal aborts; the caller decides what an
// abort means.

export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Default 2. */
  readonly factor?: number;
  /** Share of the delay randomised, 0..1 (default 0.2): replicas that failed together do not retry together. */
  readonly jitter?: number;
}

/** The delay before retry number `attempt` (0-based): initial × factor^attempt, capped, with jitter. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * (policy.factor ?? 2) ** Math.max(0, attempt));
  const jitter = policy.jitter ?? 0.2;
  return Math.round(base * (1 - jitter + jitter * random()));
}

/** Counts consecutive failures; reset() after a success. */
export class Backoff {
  private attempt = 0;
  constructor(private readonly policy: BackoffPolicy) {}
  next(): number {
    return backoffDelay(this.policy, this.attempt++);
  }
  reset(): void {
    this.attempt = 0;
  }
  get failures(): number {
    return this.attempt;
  }
}

/** Resolves after ms, or early (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
