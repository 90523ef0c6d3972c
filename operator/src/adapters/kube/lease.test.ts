import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { KubeApi, RequestOptions } from "./client.js";
import { KubeApiError } from "./errors.js";
import { LeaderElector } from "./lease.js";

interface Lease { metadata: { name: string; namespace?: string; resourceVersion?: string }; spec?: Record<string, unknown> }

/** One Lease in memory with optimistic concurrency, like the API server. */
class LeaseApi implements KubeApi {
  lease: Lease | undefined;
  private rv = 1;
  down = false;

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    if (this.down) throw new KubeApiError(method, path, 503, { reason: "ServiceUnavailable" });
    const body = options.body as Lease | undefined;
    switch (method) {
      case "GET":
        if (!this.lease) throw new KubeApiError(method, path, 404, { reason: "NotFound", details: { name: "servicelevel-operator", kind: "leases" } });
        return structuredClone(this.lease) as T;
      case "POST":
        if (this.lease) throw new KubeApiError(method, path, 409, { reason: "AlreadyExists", details: { name: "servicelevel-operator" } });
        this.lease = { ...structuredClone(body as Lease), metadata: { ...(body as Lease).metadata, resourceVersion: String(++this.rv) } };
        return structuredClone(this.lease) as T;
      case "PUT":
        if (body?.metadata.resourceVersion !== this.lease?.metadata.resourceVersion) throw new KubeApiError(method, path, 409, { reason: "Conflict", details: { name: "servicelevel-operator" } });
        this.lease = { ...structuredClone(body as Lease), metadata: { ...(body as Lease).metadata, resourceVersion: String(++this.rv) } };
        return structuredClone(this.lease) as T;
      default:
        throw new Error(`unexpected ${method}`);
    }
  }

  watch(): Promise<void> {
    throw new Error("no watches here");
  }
}

const silent = pino({ level: "silent" });
const elector = (api: KubeApi, identity: string) =>
  new LeaderElector({ api, namespace: "operators", name: "servicelevel-operator", identity, leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, log: silent });

describe("LeaderElector", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-27T10:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("creates the lease when there is none, and renews it", async () => {
    const api = new LeaseApi();
    const a = elector(api, "a");
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(api.lease?.spec).toMatchObject({ holderIdentity: "a", leaseDurationSeconds: 15, leaseTransitions: 0, renewTime: "2026-11-27T10:00:00.000000Z" });
    vi.advanceTimersByTime(2_000);
    expect(await a.tryAcquireOrRenew()).toBe(true);
    expect(api.lease?.spec).toMatchObject({ holderIdentity: "a", acquireTime: "2026-11-27T10:00:00.000000Z", renewTime: "2026-11-27T10:00:02.000000Z", leaseTransitions: 0 });
  });

  it("does not take a lease another replica renews, and takes it once it expired on its own clock", async () => {
    const api = new LeaseApi();
    const a = elector(api, "a");
    const b = elector(api, "b");
    await a.tryAcquireOrRenew();
    expect(await b.tryAcquireOrRenew()).toBe(false);
    vi.advanceTimersByTime(14_000);
    expect(await b.tryAcquireOrRenew()).toBe(false); // 14 s since b first saw this record
    vi.advanceTimersByTime(1_500);
    expect(await b.tryAcquireOrRenew()).toBe(true);
    expect(api.lease?.spec).toMatchObject({ holderIdentity: "b", leaseTransitions: 1 });
    // The old leader's next renewal fails: the record is no longer its own.
    expect(await a.tryAcquireOrRenew()).toBe(false);
  });

  it("measures expiry from when the record last changed, not from its renewTime (clocks may differ)", async () => {
    const api = new LeaseApi();
    const a = elector(api, "a");
    const b = elector(api, "b");
    await a.tryAcquireOrRenew();
    await b.tryAcquireOrRenew();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(2_000);
      await a.tryAcquireOrRenew();
      expect(await b.tryAcquireOrRenew()).toBe(false);
    }
  });

  it("releases the lease so a standby takes it at its next try", async () => {
    const api = new LeaseApi();
    const a = elector(api, "a");
    const b = elector(api, "b");
    const controller = new AbortController();
    expect(await a.acquire(controller.signal)).toBe(true);
    expect(await b.tryAcquireOrRenew()).toBe(false);
    await a.release();
    expect(api.lease?.spec).toMatchObject({ holderIdentity: "", leaseDurationSeconds: 1 });
    expect(a.isLeader).toBe(false);
    expect(await b.tryAcquireOrRenew()).toBe(true);
    expect(api.lease?.spec).toMatchObject({ holderIdentity: "b", leaseTransitions: 1 });
  });

  it("reports leadership lost when renewing fails for longer than the renew deadline", async () => {
    const api = new LeaseApi();
    const a = elector(api, "a");
    const controller = new AbortController();
    await a.acquire(controller.signal);
    const held = a.holdLease(controller.signal);
    await vi.advanceTimersByTimeAsync(6_000);
    api.down = true;
    await vi.advanceTimersByTimeAsync(8_000);
    expect(a.isLeader).toBe(true); // still within the deadline
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await held).toBe("lost");
    expect(a.isLeader).toBe(false);
  });

  it("rejects timings that cannot work", () => {
    expect(() => new LeaderElector({ api: new LeaseApi(), namespace: "n", name: "l", identity: "a", leaseDurationMs: 5_000, renewDeadlineMs: 10_000, log: silent })).toThrow(RangeError);
  });
});
