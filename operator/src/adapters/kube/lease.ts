// Leader election on a coordination.k8s.io/v1 Lease, the way client-go's leaderelection does it:
// a candidate takes the lease when it is free or when its holder has not renewed it for the lease
// duration (measured on the candidate's own clock from when it last saw the record change, so
// clocks need not agree), the leader renews it every retry period and gives up when it could not
// renew for the renew deadline, and a leader that stops cleanly releases the lease so a standby
// takes over at its next retry instead of waiting the lease out.
import type { Logger } from "pino";
import { sleep } from "../backoff.js";
import type { KubeApi } from "./client.js";
import { describeError, isApiError } from "./errors.js";
import { microTime } from "./events.js";
import { leaseResource, resourcePath } from "./resources.js";

export interface LeaderElectionOptions {
  readonly api: KubeApi;
  readonly namespace: string;
  readonly name: string;
  /** Unique per replica, e.g. the pod name plus a random suffix. */
  readonly identity: string;
  readonly leaseDurationMs?: number | undefined;
  readonly renewDeadlineMs?: number | undefined;
  readonly retryPeriodMs?: number | undefined;
  readonly log: Logger;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

interface Lease {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  spec?: LeaseSpec;
}

export class LeaderElector {
  readonly leaseDurationMs: number;
  readonly renewDeadlineMs: number;
  readonly retryPeriodMs: number;
  private observed: { resourceVersion: string | undefined; holder: string; at: number; durationMs: number } | undefined;
  private current: Lease | undefined;
  private leading = false;
  private readonly log: Logger;

  constructor(private readonly options: LeaderElectionOptions) {
    this.leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 2_000;
    if (!(this.leaseDurationMs > this.renewDeadlineMs && this.renewDeadlineMs > this.retryPeriodMs && this.retryPeriodMs > 0)) {
      throw new RangeError("leader election needs lease duration > renew deadline > retry period > 0");
    }
    this.log = options.log.child({ lease: `${options.namespace}/${options.name}`, identity: options.identity });
  }

  get isLeader(): boolean {
    return this.leading;
  }

  get identity(): string {
    return this.options.identity;
  }

  /** Tries every retry period until this replica holds the lease; false when the signal aborted first. */
  async acquire(signal: AbortSignal): Promise<boolean> {
    let reportedHolder: string | undefined;
    while (!signal.aborted) {
      if (await this.tryAcquireOrRenew()) {
        this.leading = true;
        this.log.info("became leader");
        return true;
      }
      const holder = this.observed?.holder;
      if (holder && holder !== reportedHolder) {
        this.log.info({ holder }, "lease is held by another replica; standing by");
        reportedHolder = holder;
      }
      await sleep(jittered(this.retryPeriodMs), signal);
    }
    return false;
  }

  /**
   * Renews every retry period until the signal aborts (resolves "stopped") or renewal failed for
   * longer than the renew deadline (resolves "lost").
   */
  async holdLease(signal: AbortSignal): Promise<"stopped" | "lost"> {
    let lastRenewed = Date.now();
    while (!signal.aborted) {
      await sleep(this.retryPeriodMs, signal);
      if (signal.aborted) break;
      if (await this.tryAcquireOrRenew()) {
        lastRenewed = Date.now();
        continue;
      }
      if (Date.now() - lastRenewed > this.renewDeadlineMs) {
        this.leading = false;
        this.log.error({ sinceRenewMs: Date.now() - lastRenewed }, "could not renew the lease within the renew deadline; leadership lost");
        return "lost";
      }
    }
    return "stopped";
  }

  /** Gives the lease up (holder cleared) so a standby takes over at once. */
  async release(): Promise<void> {
    if (!this.leading || !this.current) return;
    this.leading = false;
    const now = microTime(new Date());
    const released: Lease = {
      ...this.current,
      spec: { ...this.current.spec, holderIdentity: "", leaseDurationSeconds: 1, acquireTime: now, renewTime: now },
    };
    try {
      await this.options.api.request("PUT", resourcePath(leaseResource, this.options.namespace, this.options.name), { body: released, timeoutMs: this.renewDeadlineMs });
      this.log.info("released the lease");
    } catch (cause) {
      this.log.warn({ err: describeError(cause) }, "could not release the lease; the next leader waits for it to expire");
    }
  }

  /** One attempt: create the lease, renew ours, or take an expired or released one. Never throws. */
  async tryAcquireOrRenew(): Promise<boolean> {
    const { api, namespace, name, identity } = this.options;
    const path = resourcePath(leaseResource, namespace, name);
    const timeoutMs = Math.max(1_000, Math.floor(this.renewDeadlineMs / 2));
    const now = Date.now();
    const durationSeconds = Math.ceil(this.leaseDurationMs / 1000);
    try {
      let lease: Lease;
      try {
        lease = await api.request<Lease>("GET", path, { timeoutMs });
      } catch (cause) {
        if (!(isApiError(cause) && cause.isNotFound && !cause.isResourceTypeMissing)) throw cause;
        const created = await api.request<Lease>("POST", resourcePath(leaseResource, namespace), {
          timeoutMs,
          body: {
            apiVersion: "coordination.k8s.io/v1",
            kind: "Lease",
            metadata: { name, namespace },
            spec: { holderIdentity: identity, leaseDurationSeconds: durationSeconds, acquireTime: microTime(new Date(now)), renewTime: microTime(new Date(now)), leaseTransitions: 0 },
          },
        });
        this.remember(created, now);
        return true;
      }
      this.remember(lease, now);
      const spec = lease.spec ?? {};
      const holder = spec.holderIdentity ?? "";
      const observed = this.observed;
      if (holder !== "" && holder !== identity && observed && observed.at + observed.durationMs > now) return false;
      const renewing = holder === identity;
      const updated = await api.request<Lease>("PUT", path, {
        timeoutMs,
        body: {
          ...lease,
          apiVersion: "coordination.k8s.io/v1",
          kind: "Lease",
          spec: {
            ...spec,
            holderIdentity: identity,
            leaseDurationSeconds: durationSeconds,
            acquireTime: renewing && spec.acquireTime ? spec.acquireTime : microTime(new Date(now)),
            renewTime: microTime(new Date(now)),
            leaseTransitions: (spec.leaseTransitions ?? 0) + (renewing ? 0 : 1),
          },
        },
      });
      this.remember(updated, now);
      return true;
    } catch (cause) {
      // A conflict means another replica wrote first; anything else (API server away) is retried.
      if (!(isApiError(cause) && cause.isConflict)) this.log.warn({ err: describeError(cause) }, "lease request failed");
      return false;
    }
  }

  private remember(lease: Lease, now: number): void {
    this.current = lease;
    const resourceVersion = lease.metadata.resourceVersion;
    if (this.observed?.resourceVersion === resourceVersion) return;
    this.observed = {
      resourceVersion,
      holder: lease.spec?.holderIdentity ?? "",
      at: now,
      durationMs: (lease.spec?.leaseDurationSeconds ?? Math.ceil(this.leaseDurationMs / 1000)) * 1000,
    };
  }
}

const jittered = (ms: number): number => Math.round(ms * (1 + 0.2 * Math.random()));
