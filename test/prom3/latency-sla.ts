// A one-objective latency SLA over http_request_duration_seconds, compiled, for the Prometheus 3 suites.
import type { ServiceLevelAgreement } from "../../operator/src/api/v1alpha1/types.js";
import { compile, type CompiledSla } from "../../operator/src/compile/index.js";
import { loadTables } from "../support/burn-rate-tables.js";

export interface LatencySlaOptions {
  readonly name: string;
  readonly job: string;
  /** A duration such as 250ms. */
  readonly threshold: string;
  readonly native?: boolean;
}

/** Compiles the SLA (namespace shop, target 99); throws with the issues when it does not compile. */
export function compileLatencySla(o: LatencySlaOptions): CompiledSla {
  const sla = {
    apiVersion: "servicelevel.dev/v1alpha1",
    kind: "ServiceLevelAgreement",
    metadata: { name: o.name, namespace: "shop" },
    spec: {
      service: o.job,
      owner: "team-payments",
      objectives: [{
        name: "latency",
        target: 99,
        indicator: { latency: { histogram: "http_request_duration_seconds", selector: { job: o.job }, threshold: o.threshold, ...(o.native ? { native: true } : {}) } },
      }],
    },
  } as ServiceLevelAgreement;
  const result = compile(sla, { burnRateTables: loadTables(), peers: new Map() });
  if (!result.ok) throw new Error(`${o.name} does not compile: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** The expression of the recording rule `record`. */
export function exprOf(c: CompiledSla, record: string): string {
  const rule = c.groups.flatMap((g) => g.rules).find((r) => "record" in r && r.record === record);
  if (!rule) throw new Error(`${c.model.name} has no rule ${record}`);
  return rule.expr;
}

/**
 * What the rule `record` computes when Prometheus evaluates its group, as one query over the raw
 * series: windows fed from the recorded 5m rates (sla:sli_errors:rate5m{...}[30m]) read those
 * rates at the group's interval, which a subquery of the 5m rule's own expression reproduces on
 * history the rules never ran over (backfilled blocks).
 */
export function evaluatedExprOf(c: CompiledSla, record: string): string {
  const group = c.groups.find((g) => g.rules.some((r) => "record" in r && r.record === record));
  if (!group) throw new Error(`${c.model.name} has no rule ${record}`);
  return exprOf(c, record).replace(/(sla:sli_(?:errors|events):rate5m)\{[^}]*\}\[(\w+)\]/g,
    (_match, name: string, window: string) => `(${exprOf(c, name)})[${window}:${group.interval}]`);
}
