// ServiceLevelAgreements -> OpenSLO v1: a Service per SLA, an SLO per objective (named
// <service>-<objective>, with its indicator inline) and, for each burn-rate tier, an AlertPolicy
// with its AlertCondition and AlertNotificationTarget. Works on the compiled model, so the tiers
// that apply (named table or inline) are exported with their factors. What OpenSLO cannot express
// is a warning. Pure: the CLI writes the documents.
import type { CompiledSla, Issue } from "../compile/index.js";
import { formatDuration } from "../compile/duration.js";
import type { IndicatorModel, SlaModel } from "../compile/model.js";
import { dnsLabel } from "./common.js";

export const ownerAnnotation = "servicelevel.dev/owner";

export interface ExportResult {
  /** OpenSLO v1 objects, in a stable order: Service, then per objective its SLO, then alerting objects. */
  readonly documents: readonly object[];
  readonly warnings: readonly Issue[];
}

const openslo = "openslo/v1";
const object = (kind: string, metadata: Record<string, unknown>, spec: Record<string, unknown>) => ({ apiVersion: openslo, kind, metadata, spec });

/** The OpenSLO v1 documents of one compiled SLA. */
export function exportOpenSlo(compiled: Pick<CompiledSla, "sla" | "model">): ExportResult {
  const { sla, model } = compiled;
  const warnings: Issue[] = [];
  const warn = (path: (string | number)[], message: string) => warnings.push({ path, code: "schema", severity: "warning", message });
  const spec = sla.spec;
  for (const [field, what] of [
    ["maintenance", "maintenance windows"], ["credits", "service credits"], ["dependencies", "dependencies"], ["review", "reviews"], ["dashboard", "dashboard settings"], ["tier", "the service tier"],
  ] as const) {
    if (spec[field] !== undefined) warn(["spec", field], `OpenSLO has no ${what}; spec.${field} is not exported`);
  }
  if (spec.alerting?.name || spec.alerting?.labels || spec.alerting?.annotations || spec.alerting?.page?.annotations || spec.alerting?.ticket?.annotations) {
    warn(["spec", "alerting"], "OpenSLO alert conditions carry a severity only: alert name prefix, labels and annotations are not exported");
  }
  if (model.objectives[0]?.alerts?.noData === null) warn(["spec", "alerting", "noData"], "the no-data alert switch is exported as alertWhenNoData: false");

  const service = dnsLabel(model.service);
  const documents: object[] = [object("Service", { name: service, annotations: { [ownerAnnotation]: model.owner } }, {
    ...(model.description ? { description: model.description.slice(0, 1050) } : {}),
  })];
  const policies = alertObjects(model, service, warn);
  const labels = Object.keys(model.labels).length > 0 ? { labels: { ...model.labels } } : {};
  for (const [i, objective] of model.objectives.entries()) {
    const name = `${service}-${objective.name}`.slice(0, 63).replace(/-+$/, "");
    documents.push(object("SLO", { name, ...labels }, {
      ...(objective.description ? { description: objective.description.slice(0, 1050) } : {}),
      service,
      indicator: { metadata: { name }, spec: indicatorSpec(objective.indicator, (m) => warn(["spec", "objectives", i, "indicator"], m)) },
      timeWindow: [timeWindow(model)],
      budgetingMethod: "Occurrences",
      objectives: [{ displayName: objective.name, target: objective.target }],
      ...(policies.refs.length > 0 ? { alertPolicies: policies.refs.map((ref) => ({ alertPolicyRef: ref })) } : {}),
    }));
  }
  documents.push(...policies.documents);
  return { documents, warnings };
}

function timeWindow(model: SlaModel): Record<string, unknown> {
  const period = model.period;
  if (period.kind === "rolling") return { duration: formatDuration(period.seconds), isRolling: true };
  // 2024-01-01 is a Monday and the first day of a month and a quarter: every calendar period starts there.
  return { duration: { week: "1w", month: "1M", quarter: "1Q" }[period.unit], isRolling: false, calendar: { startTime: "2024-01-01 00:00:00", timeZone: period.timeZone } };
}

const source = (query: string) => ({ metricSource: { type: "Prometheus", spec: { query } } });

/** The SLI spec of an indicator; queries keep {{window}} where the range goes. */
function indicatorSpec(indicator: IndicatorModel, warn: (message: string) => void): Record<string, unknown> {
  const matchers = (selector: Readonly<Record<string, string>>, extra: string[] = []) => {
    const parts = [...Object.entries(selector).map(([k, v]) => `${k}=${JSON.stringify(v)}`), ...extra];
    return parts.length > 0 ? `{${parts.join(",")}}` : "";
  };
  switch (indicator.kind) {
    case "ratio":
      return {
        ratioMetric: {
          counter: true,
          ...(indicator.good ? { good: source(indicator.good.text) } : { bad: source(indicator.errors!.text) }),
          total: source(indicator.total.text),
        },
      };
    case "latency": {
      warn("a latency indicator is exported as a ratio of histogram bucket and count rates; importing it back gives a ratio indicator");
      const le = Number.isInteger(indicator.thresholdSeconds) ? `le=~"${indicator.thresholdSeconds}(\\\\.0)?"` : `le="${indicator.thresholdSeconds}"`;
      return {
        ratioMetric: {
          counter: true,
          good: source(`sum(rate(${indicator.histogram}_bucket${matchers(indicator.selector, [le])}[{{window}}]))`),
          total: source(`sum(rate(${indicator.histogram}_count${matchers(indicator.selector)}[{{window}}]))`),
        },
      };
    }
    case "probe":
      warn("a probe indicator is exported as a raw failure ratio; importing it back gives a raw indicator");
      return { ratioMetric: { counter: false, rawType: "failure", raw: source(`1 - avg(avg_over_time(${indicator.metric}${matchers(indicator.selector)}[{{window}}]))`) } };
    case "raw":
      return { ratioMetric: { counter: false, rawType: "failure", raw: source(indicator.errorRatio.text) } };
  }
}

/** An AlertPolicy, AlertCondition and AlertNotificationTarget per burn-rate tier. */
function alertObjects(model: SlaModel, service: string, warn: (path: (string | number)[], message: string) => void): { refs: string[]; documents: object[] } {
  const alerting = model.alerting;
  if (!alerting) return { refs: [], documents: [] };
  const documents: object[] = [];
  const refs: string[] = [];
  const shortWindows = new Set<string>();
  const targets = new Set<string>();
  // The SLA's alerts as its first objective has them; OpenSLO alert policies are per SLO.
  const alerts = model.objectives[0]?.alerts;
  for (const tier of alerting.tiers) {
    const route = alerts?.[tier.severity];
    if (!route) continue;
    const long = formatDuration(tier.longWindowSeconds);
    const name = `${service}-${tier.severity}-${long}`.toLowerCase().slice(0, 63);
    const severity = route.labels["severity"] ?? tier.severity;
    const target = `${service}-${tier.severity}`;
    shortWindows.add(`${formatDuration(tier.shortWindowSeconds)}/${long}`);
    documents.push(object("AlertCondition", { name }, {
      description: `${Number((tier.budgetShare * 100).toPrecision(6))}% of the error budget spent within ${long}`,
      severity,
      condition: { kind: "burnrate", op: "gt", threshold: tier.factor, lookbackWindow: long, alertAfter: formatDuration(tier.shortWindowSeconds) },
    }));
    documents.push(object("AlertPolicy", { name }, {
      alertWhenBreaching: true,
      ...(alerts?.noData === null ? { alertWhenNoData: false } : {}),
      conditions: [{ conditionRef: name }],
      notificationTargets: [{ targetRef: target }],
    }));
    if (!targets.has(target)) {
      targets.add(target);
      documents.push(object("AlertNotificationTarget", { name: target }, { description: `The ${tier.severity} route of ${model.namespace}/${model.name}`, target: severity }));
    }
    refs.push(name);
  }
  if (shortWindows.size > 0) {
    warn(["spec", "alerting"], `OpenSLO burn-rate conditions have one window: the short windows (${[...shortWindows].join(", ")}) are written as alertAfter, which OpenSLO tools read as a delay`);
  }
  return { refs, documents };
}
