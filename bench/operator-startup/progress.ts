// What the benchmark watches while an operator starts: every SLA's status and the PrometheusRules
// owned by SLAs, from two watches on the apiserver, so completion is noticed as it happens without
// listing thousands of objects over and over.
import type { Kube, KubeObject } from "../support/kube.js";
import { slaApi } from "../support/fleet.js";

/** True when the SLA's status is for its current generation and has a Ready condition. */
export function hasStatus(sla: KubeObject): boolean {
  const status = sla.status;
  return status?.observedGeneration !== undefined && status.observedGeneration === sla.metadata.generation &&
    (status.conditions ?? []).some((c) => c.type === "Ready");
}

export class FleetProgress {
  private readonly withStatus = new Set<string>();
  private readonly uidOf = new Map<string, string>();
  private readonly ruleOwners = new Set<string>();
  private readonly stops: Array<() => void> = [];
  /** When the last SLA became complete, epoch ms. */
  completedAt: number | undefined;

  constructor(private readonly expected: number) {}

  /** Starts both watches (from the current resource version). */
  watch(kube: Kube): void {
    this.stops.push(kube.watch(`${slaApi}/servicelevelagreements`, (type, sla) => {
      const key = `${sla.metadata.namespace ?? ""}/${sla.metadata.name}`;
      if (sla.metadata.uid) this.uidOf.set(key, sla.metadata.uid);
      if (type !== "DELETED" && hasStatus(sla)) this.withStatus.add(key);
      this.check();
    }));
    this.stops.push(kube.watch("/apis/monitoring.coreos.com/v1/prometheusrules", (type, rule) => {
      if (type === "DELETED") return;
      for (const owner of rule.metadata.ownerReferences ?? []) this.ruleOwners.add(owner.uid);
      this.check();
    }));
  }

  /** Records the SLAs' uids (from a list made before the operator started). */
  know(slas: readonly KubeObject[]): void {
    for (const sla of slas) if (sla.metadata.uid) this.uidOf.set(`${sla.metadata.namespace ?? ""}/${sla.metadata.name}`, sla.metadata.uid);
  }

  /** SLAs with status, and of those, with their PrometheusRule. */
  counts(): { readonly withStatus: number; readonly complete: number } {
    let complete = 0;
    for (const key of this.withStatus) {
      const uid = this.uidOf.get(key);
      if (uid !== undefined && this.ruleOwners.has(uid)) complete++;
    }
    return { withStatus: this.withStatus.size, complete };
  }

  private check(): void {
    if (this.completedAt === undefined && this.counts().complete >= this.expected) this.completedAt = Date.now();
  }

  stop(): void {
    for (const stop of this.stops) stop();
  }
}
