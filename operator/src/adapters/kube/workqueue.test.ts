import { afterEach, describe, expect, it, vi } from "vitest";
import { WorkQueue } from "./workqueue.js";

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("WorkQueue", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("coalesces keys added while they wait into one run", async () => {
    const runs: string[] = [];
    const queue = new WorkQueue(async (key) => { runs.push(key); }, { concurrency: 2 });
    for (let i = 0; i < 5; i++) queue.add("shop/checkout");
    queue.add("shop/orders");
    queue.add("shop/orders");
    expect(queue.depth).toBe(2);
    queue.start();
    await queue.whenIdle();
    expect(runs.sort()).toEqual(["shop/checkout", "shop/orders"]);
  });

  it("never runs the same key twice at once, and runs it once more when it was added meanwhile", async () => {
    const gates = [deferred(), deferred()];
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const queue = new WorkQueue(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await gates[runs++]?.promise;
      running--;
    }, { concurrency: 4 });
    queue.start();
    queue.add("a");
    await tick();
    expect(queue.active).toBe(1);
    queue.add("a");
    queue.add("a");
    await tick();
    expect(queue.active).toBe(1); // the second run waits for the first
    gates[0]?.resolve();
    await tick();
    expect(runs).toBe(2);
    gates[1]?.resolve();
    await queue.whenIdle();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it("runs different keys concurrently up to the concurrency limit", async () => {
    const gate = deferred();
    let running = 0;
    let maxRunning = 0;
    const queue = new WorkQueue(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await gate.promise;
      running--;
    }, { concurrency: 3 });
    for (const key of ["a", "b", "c", "d", "e"]) queue.add(key);
    queue.start();
    await tick();
    expect(queue.active).toBe(3);
    expect(queue.depth).toBe(2);
    gate.resolve();
    await queue.whenIdle();
    expect(maxRunning).toBe(3);
  });

  it("retries a failing key with exponential backoff up to the cap, and forgets failures after a success", async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    let failuresLeft = 6;
    const errors: number[] = [];
    const queue = new WorkQueue(async () => {
      times.push(Date.now());
      if (failuresLeft-- > 0) throw new Error("boom");
    }, {
      concurrency: 1,
      backoff: { initialMs: 100, maxMs: 1_000, jitter: 0 },
      onError: (_key, _error, retryInMs) => errors.push(retryInMs),
    });
    queue.start();
    queue.add("a");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(errors).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(queue.failuresOf("a")).toBe(0);
  });

  it("requeues a key after the delay a handler asks for", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const queue = new WorkQueue(async () => (++runs < 3 ? { requeueAfterMs: 30_000 } : undefined), { concurrency: 1 });
    queue.start();
    queue.add("a");
    await vi.advanceTimersByTimeAsync(29_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toBe(3);
  });

  it("keeps the earlier of two delayed adds of a key", async () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const queue = new WorkQueue(async () => { runs.push(Date.now()); }, { concurrency: 1 });
    queue.start();
    const t0 = Date.now();
    queue.addAfter("a", 5_000);
    queue.addAfter("a", 1_000);
    queue.addAfter("a", 3_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs.map((t) => t - t0)).toEqual([1_000]);
  });

  it("shutdown drains the runs in flight and drops the waiting keys", async () => {
    const gate = deferred();
    const finished: string[] = [];
    const queue = new WorkQueue(async (key) => {
      await gate.promise;
      finished.push(key);
    }, { concurrency: 1 });
    queue.add("a");
    queue.add("b");
    queue.start();
    await tick();
    const stopped = queue.shutdown();
    let done = false;
    void stopped.then(() => { done = true; });
    await tick();
    expect(done).toBe(false);
    gate.resolve();
    await stopped;
    expect(finished).toEqual(["a"]);
    queue.add("c");
    expect(queue.depth).toBe(0);
  });

  it("holds keys until started", async () => {
    const runs: string[] = [];
    const queue = new WorkQueue(async (key) => { runs.push(key); }, { concurrency: 1 });
    queue.add("a");
    await tick();
    expect(runs).toEqual([]);
    queue.start();
    await queue.whenIdle();
    expect(runs).toEqual(["a"]);
  });
});
