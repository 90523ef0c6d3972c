// A work queue like client-go's: keys, not events. Adding a key that is already waiting does
// nothing (events coalesce); a key being processed is never handed to a second worker, and if it
// is added meanwhile it runs once more afterwards; failures are retried with capped exponential
// backoff per key; up to `concurrency` different keys are processed at once.
import { backoffDelay, type BackoffPolicy } from "../backoff.js";

/** What a handler may ask for after a successful run. */
export interface HandlerOutcome {
  /** Process the key again after this long (e.g. to retry a missing CRD). */
  readonly requeueAfterMs?: number | undefined;
}

export type KeyHandler = (key: string) => Promise<HandlerOutcome | void>;

export interface WorkQueueOptions {
  readonly concurrency: number;
  /** Retry delay of a failing key. Default 500 ms doubling to 5 min. */
  readonly backoff?: BackoffPolicy | undefined;
  /** Told about each failure and the delay before the retry. */
  readonly onError?: ((key: string, error: unknown, retryInMs: number) => void) | undefined;
}

export class WorkQueue {
  private readonly order: string[] = [];
  private readonly waiting = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private idleWaiters: (() => void)[] = [];
  private started = false;
  private shuttingDown = false;

  constructor(private readonly handler: KeyHandler, private readonly options: WorkQueueOptions) {
    if (!(options.concurrency >= 1)) throw new RangeError(`concurrency must be at least 1, got ${options.concurrency}`);
  }

  /** Queues a key; a no-op if it is already waiting. */
  add(key: string): void {
    if (this.shuttingDown || this.waiting.has(key)) return;
    this.waiting.add(key);
    if (!this.processing.has(key)) this.order.push(key);
    this.pump();
  }

  /** Queues a key after a delay; an earlier pending delay of the same key wins. */
  addAfter(key: string, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const at = Date.now() + delayMs;
    const pending = this.timers.get(key);
    if (pending && pending.at <= at) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref?.();
    this.timers.set(key, { timer, at });
  }

  /** Starts handing keys to the handler (keys added before are kept). */
  start(): void {
    this.started = true;
    this.pump();
  }

  /** Keys waiting to be processed. */
  get depth(): number {
    return this.order.length;
  }

  /** Keys being processed now. */
  get active(): number {
    return this.processing.size;
  }

  /** Consecutive failures of a key. */
  failuresOf(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Resolves when nothing is waiting or being processed (delayed keys do not count). */
  whenIdle(): Promise<void> {
    if (this.order.length === 0 && this.processing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Takes no more keys, drops the waiting and delayed ones, and waits for the running handlers to finish. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.order.length = 0;
    this.waiting.clear();
    await this.whenIdle();
  }

  private pump(): void {
    while (this.started && !this.shuttingDown && this.processing.size < this.options.concurrency && this.order.length > 0) {
      const key = this.order.shift() as string;
      this.waiting.delete(key);
      this.processing.add(key);
      void this.process(key);
    }
    this.notifyIdle();
  }

  private async process(key: string): Promise<void> {
    try {
      const outcome = await this.handler(key);
      this.failures.delete(key);
      if (outcome?.requeueAfterMs !== undefined) this.addAfter(key, outcome.requeueAfterMs);
    } catch (error) {
      const attempt = this.failures.get(key) ?? 0;
      this.failures.set(key, attempt + 1);
      const delay = backoffDelay(this.options.backoff ?? { initialMs: 500, maxMs: 300_000 }, attempt);
      this.options.onError?.(key, error, delay);
      this.addAfter(key, delay);
    } finally {
      this.processing.delete(key);
      // Added again while it ran: it waited in `waiting` but not in `order`; queue it now.
      if (this.waiting.has(key)) this.order.push(key);
      this.pump();
    }
  }

  private notifyIdle(): void {
    if (this.order.length > 0 || this.processing.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
