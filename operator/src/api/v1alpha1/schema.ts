// The one source of the ServiceLevelAgreement API. The TypeScript types (types.ts), the ajv
// validation used by slactl and the operator (validate-schema.ts) and the CRD in crds/
// (crd.ts) are all derived from these TypeBox schemas, so the three can never disagree.
//
// TypeBox was chosen over hand-written JSON Schema because it yields the static types from the
// same value, and over zod because its output *is* JSON Schema, which both ajv and the
// Kubernetes CRD format consume without a conversion library.
import { Type, type TProperties, type TSchema } from "@sinclair/typebox";
import { durationBounds, durationExpectation, type DurationBounds } from "./bounds.js";
import { apiVersion, durationPattern, kind } from "./constants.js";

export { apiVersion, durationPattern, kind };
const labelNamePattern = "^[a-zA-Z_][a-zA-Z0-9_]*$";
const dnsLabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
const metricNamePattern = "^[a-zA-Z_:][a-zA-Z0-9_:]*$";

/** CEL rules of the CRD; ajv ignores the keyword, and validate.ts repeats each check for slactl. */
type Cel = { rule: string; message: string; fieldPath?: string };
const cel = (...rules: Cel[]) => ({ "x-kubernetes-validations": rules });

const unitMilliseconds: [string, string, number][] = [
  ["y", "[0-9]+y", 31_536_000_000], ["w", "[0-9]+w", 604_800_000], ["d", "[0-9]+d", 86_400_000], ["h", "[0-9]+h", 3_600_000],
  ["m", "[0-9]+m([0-9]|$)", 60_000], ["s", "[0-9]+s", 1000], ["ms", "[0-9]+ms", 1],
];
/** A CEL expression for the milliseconds of a duration string that matched durationPattern. */
const celMilliseconds = unitMilliseconds
  .map(([, re, ms]) => `(self.find('${re}') == '' ? 0 : int(self.find('${re}').find('[0-9]+')) * ${ms})`)
  .join(" + ");

const Duration = (description: string, bounds: DurationBounds) =>
  Type.String({
    description: `${description} From ${bounds.min} to ${bounds.max}.`,
    pattern: durationPattern,
    minLength: 2,
    maxLength: 32,
    ...cel({
      rule: `[${celMilliseconds}].all(ms, ms >= ${Math.round(bounds.minSeconds * 1000)} && ms <= ${bounds.maxSeconds * 1000})`,
      message: durationExpectation(bounds),
    }),
  });

const LabelMap = (description: string) =>
  Type.Record(Type.String({ pattern: labelNamePattern }), Type.String({ maxLength: 1024 }), {
    description,
    // Key patterns cannot be expressed in a structural schema, and a CEL rule over unbounded keys
    // exceeds the apiserver's cost budget; validate.ts checks label names instead.
    maxProperties: 64,
  });

const AnnotationMap = (description: string) =>
  Type.Record(Type.String({ pattern: labelNamePattern }), Type.String({ maxLength: 4096 }), {
    description,
    maxProperties: 64,
  });

const PromQL = (description: string) => Type.String({ description, minLength: 1, maxLength: 8192 });

export const RatioIndicator = Type.Object(
  {
    errors: Type.Optional(PromQL(
      "PromQL for the rate of bad events, with {{window}} where the range goes, e.g. " +
      "sum(rate(http_requests_total{code=~\"5..\"}[{{window}}])). Give errors or good, not both.")),
    good: Type.Optional(PromQL("PromQL for the rate of good events, with {{window}}. Give errors or good, not both.")),
    total: PromQL("PromQL for the rate of all events, with {{window}}."),
  },
  {
    additionalProperties: false,
    description: "An event-based indicator: the share of bad (or good) events among all events.",
    ...cel({ rule: "has(self.errors) != has(self.good)", message: "give exactly one of errors or good" }),
  },
);

export const LatencyIndicator = Type.Object(
  {
    histogram: Type.String({
      description: "Name of a Prometheus histogram without the _bucket suffix, e.g. http_request_duration_seconds.",
      pattern: metricNamePattern,
      maxLength: 256,
    }),
    selector: Type.Optional(LabelMap("Label equality matchers that select the service's series, e.g. {job: checkout}.")),
    threshold: Duration(
      "Requests at or below this duration are good. It must equal a bucket boundary (le) of the histogram, e.g. 300ms.", durationBounds.threshold),
    native: Type.Optional(Type.Boolean({
      description:
        "Read a native histogram (Prometheus 2.40+ with native histograms on; standard in 3.x) named histogram, " +
        "with histogram_fraction, instead of the classic _bucket and _count series. The threshold then need not be a " +
        "bucket boundary: within a bucket the share is interpolated.",
    })),
  },
  { additionalProperties: false, description: "The share of requests that finished within the threshold, from a histogram." },
);

export const ProbeIndicator = Type.Object(
  {
    metric: Type.String({
      description: "A gauge that is 1 when the probe succeeds and 0 when it fails, e.g. probe_success.",
      pattern: metricNamePattern,
      maxLength: 256,
    }),
    selector: Type.Optional(LabelMap("Label equality matchers that select the probe's series.")),
  },
  { additionalProperties: false, description: "A time-based indicator: the share of time a 1/0 gauge was 0." },
);

export const RawIndicator = Type.Object(
  {
    errorRatio: PromQL("PromQL that already yields the error ratio (0..1) over {{window}}; averaged over time for longer windows."),
  },
  { additionalProperties: false, description: "An expression that is already an error ratio." },
);

export const Indicator = Type.Object(
  {
    ratio: Type.Optional(RatioIndicator),
    latency: Type.Optional(LatencyIndicator),
    probe: Type.Optional(ProbeIndicator),
    raw: Type.Optional(RawIndicator),
  },
  {
    additionalProperties: false,
    description: "How the objective is measured. Give exactly one of ratio, latency, probe or raw.",
    ...cel({
      rule: "[has(self.ratio), has(self.latency), has(self.probe), has(self.raw)].filter(x, x).size() == 1",
      message: "give exactly one of ratio, latency, probe or raw",
    }),
  },
);

const AlertRoute = (what: string, severity: string) =>
  Type.Object(
    {
      disabled: Type.Optional(Type.Boolean({ description: `Do not generate the ${what} alert.` })),
      labels: Type.Optional(LabelMap(`Labels added to the ${what} alert. Its severity label defaults to ${severity}; set {severity: ${what}} to route on page/ticket instead.`)),
      annotations: Type.Optional(AnnotationMap(`Annotations added to the ${what} alert.`)),
    },
    { additionalProperties: false, description: `Settings of the ${what} burn-rate alert: one alert whose expression combines every ${what} tier.` },
  );

const AlertKind = <T extends TProperties>(what: string, extra: T) =>
  Type.Object(
    {
      disabled: Type.Optional(Type.Boolean({ description: `Do not generate the ${what} alert.` })),
      ...extra,
      labels: Type.Optional(LabelMap(`Labels added to the ${what} alert; its severity follows the ticket alert's unless set here.`)),
      annotations: Type.Optional(AnnotationMap(`Annotations of the ${what} alert (alerting.annotations apply to burn-rate alerts only).`)),
    },
    { additionalProperties: false, description: `Settings of the ${what} alert.` },
  );

const alertNameSchema = (description: string) => Type.String({ description, pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$", maxLength: 128 });

/** Alerting settings of one objective, merged over the SLA's: labels and annotations add to them, disabled replaces. */
export const ObjectiveAlerting = Type.Object(
  {
    labels: Type.Optional(LabelMap("Labels added to every alert of this objective.")),
    annotations: Type.Optional(AnnotationMap("Annotations added to the burn-rate alerts of this objective.")),
    page: Type.Optional(AlertRoute("page", "critical")),
    ticket: Type.Optional(AlertRoute("ticket", "warning")),
    noData: Type.Optional(AlertKind("no-data", {})),
    exhausted: Type.Optional(AlertKind("budget-exhausted", {})),
  },
  { additionalProperties: false, description: "Alerting settings of this objective, merged over spec.alerting." },
);

export const Objective = Type.Object(
  {
    name: Type.String({ description: "Name of the objective, unique within the SLA, e.g. availability.", pattern: dnsLabelPattern, maxLength: 63 }),
    description: Type.Optional(Type.String({ description: "What the objective promises, in words.", maxLength: 1024 })),
    target: Type.Number({
      description: "The promised share of good events or time, in percent, e.g. 99.9.",
      exclusiveMinimum: 0,
      exclusiveMaximum: 100,
    }),
    indicator: Indicator,
    alerting: Type.Optional(ObjectiveAlerting),
  },
  { additionalProperties: false, description: "One service level objective." },
);

export const Period = Type.Object(
  {
    rolling: Type.Optional(Duration("A rolling window that compliance is measured over, e.g. 30d. The default when no period is given.", durationBounds.period)),
    calendar: Type.Optional(Type.Union([Type.Literal("week"), Type.Literal("month"), Type.Literal("quarter")], {
      description: "A calendar period: week (from Monday), month or quarter, in timeZone.",
    })),
    timeZone: Type.Optional(Type.String({ description: "IANA time zone of calendar periods and maintenance schedules, e.g. Europe/Berlin. Default UTC.", maxLength: 64 })),
  },
  {
    additionalProperties: false,
    description: "The contract period that compliance is measured over: rolling or calendar, not both.",
    ...cel({ rule: "!(has(self.rolling) && has(self.calendar))", message: "give rolling or calendar, not both" }),
  },
);

export const BurnRateTier = Type.Object(
  {
    severity: Type.Union([Type.Literal("page"), Type.Literal("ticket")], { description: "Which alert the tier raises." }),
    budgetPercent: Type.Number({ description: "Share of the period's error budget that, spent within longWindow, raises the alert.", exclusiveMinimum: 0, maximum: 100 }),
    longWindow: Duration("The window the budget share is measured over; at most the period.", durationBounds.window),
    shortWindow: Duration("A shorter window that must also burn fast, so the alert resets soon after recovery (usually longWindow/12).", durationBounds.window),
  },
  { additionalProperties: false, description: "One tier of a multiwindow multi-burn-rate alert." },
);

export const Alerting = Type.Object(
  {
    name: Type.Optional(alertNameSchema("Name of the burn-rate alerts (the page and the ticket alert share it, told apart by severity), as in Sloth. Default SLAErrorBudgetBurn.")),
    labels: Type.Optional(LabelMap("Labels added to every alert of this SLA, e.g. {team: payments}.")),
    annotations: Type.Optional(AnnotationMap("Annotations added to the burn-rate alerts, e.g. {runbook_url: https://...}; noData and exhausted have their own.")),
    burnRates: Type.Optional(Type.String({
      description: "Name of a burn-rate table in policies/alerting/, e.g. google-sre. Default: the table made for the SLA's period.",
      pattern: dnsLabelPattern,
      maxLength: 63,
    })),
    burnRateTiers: Type.Optional(Type.Array(BurnRateTier, { description: "Inline burn-rate tiers instead of a named table.", minItems: 1, maxItems: 8 })),
    page: Type.Optional(AlertRoute("page", "critical")),
    ticket: Type.Optional(AlertRoute("ticket", "warning")),
    noData: Type.Optional(AlertKind("no-data", {
      name: Type.Optional(alertNameSchema("Name of the alert. Default SLAIndicatorNoData.")),
      for: Type.Optional(Duration("How long the indicator's series must be missing before the alert fires. Default 10m.", durationBounds.noDataFor)),
    })),
    exhausted: Type.Optional(AlertKind("budget-exhausted", {
      name: Type.Optional(alertNameSchema("Name of the alert. Default SLAErrorBudgetExhausted.")),
    })),
  },
  {
    additionalProperties: false,
    description: "How the SLA alerts: multiwindow multi-burn-rate alerts from the SRE Workbook, a no-data and a budget-exhausted alert.",
    ...cel({ rule: "!(has(self.burnRates) && has(self.burnRateTiers))", message: "give burnRates or burnRateTiers, not both" }),
  },
);

export const MaintenanceWindow = Type.Object(
  {
    schedule: Type.Optional(Type.String({ description: "A cron schedule (minute hour day-of-month month day-of-week) in period.timeZone, e.g. \"0 2 * * SUN\".", maxLength: 128 })),
    duration: Type.Optional(Duration("How long each scheduled window lasts; at most the period.", durationBounds.maintenance)),
    start: Type.Optional(Type.String({ description: "Start of a one-off window (RFC 3339).", format: "date-time" })),
    end: Type.Optional(Type.String({ description: "End of a one-off window (RFC 3339).", format: "date-time" })),
    description: Type.Optional(Type.String({ description: "Why the window exists.", maxLength: 256 })),
  },
  {
    additionalProperties: false,
    description: "Scheduled maintenance, excluded from compliance: either schedule and duration, or start and end.",
    ...cel({
      rule: "(has(self.schedule) && has(self.duration) && !has(self.start) && !has(self.end)) || (has(self.start) && has(self.end) && !has(self.schedule) && !has(self.duration))",
      message: "give schedule and duration, or start and end",
    }),
  },
);

export const CreditTier = Type.Object(
  {
    below: Type.Number({ description: "The tier applies when compliance is below this percentage.", exclusiveMinimum: 0, maximum: 100 }),
    credit: Type.Number({ description: "Service credit owed, in percent of the monthly fee.", minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false, description: "One service credit tier." },
);

export const Dependency = Type.Object(
  {
    name: Type.String({ description: "Name of the ServiceLevelAgreement this one relies on.", pattern: dnsLabelPattern, maxLength: 253 }),
    namespace: Type.Optional(Type.String({ description: "Its namespace; default the namespace of this SLA.", pattern: dnsLabelPattern, maxLength: 63 })),
    weakerBecause: Type.Optional(Type.String({
      description:
        "Why this service can promise more than this dependency, e.g. \"retries with fallback to the secondary provider\". " +
        "A dependency is otherwise taken as serial: a target above the product of the dependencies' weakest targets is refused. " +
        "With a reason, this dependency is left out of that product.",
      minLength: 1,
      maxLength: 1024,
    })),
  },
  { additionalProperties: false, description: "Another SLA this one relies on." },
);

export const ServiceLevelAgreementSpec = Type.Object(
  {
    service: Type.String({ description: "The service the agreement covers, a DNS label, e.g. checkout.", pattern: dnsLabelPattern, maxLength: 63 }),
    owner: Type.String({ description: "Who answers for the service, e.g. team-payments.", minLength: 1, maxLength: 253 }),
    description: Type.Optional(Type.String({ description: "What the service is, in words.", maxLength: 1024 })),
    tier: Type.Optional(Type.String({ description: "Service tier, e.g. gold; a ServiceLevelPolicy may set defaults per tier.", maxLength: 63 })),
    labels: Type.Optional(LabelMap("Labels copied onto every generated rule and usable as dashboard filters, e.g. {region: eu-west-1}.")),
    period: Type.Optional(Period),
    objectives: Type.Array(Objective, {
      description: "The service level objectives; at least one, names unique.",
      minItems: 1,
      maxItems: 32,
      ...cel({ rule: "self.all(o, self.exists_one(p, p.name == o.name))", message: "objective names must be unique" }),
    }),
    alerting: Type.Optional(Alerting),
    maintenance: Type.Optional(Type.Array(MaintenanceWindow, { description: "Scheduled maintenance excluded from compliance.", maxItems: 64 })),
    credits: Type.Optional(Type.Array(CreditTier, {
      description: "Service credit tiers, highest threshold first; the last tier whose threshold compliance is below applies.",
      maxItems: 16,
    })),
    dependencies: Type.Optional(Type.Array(Dependency, { description: "Other SLAs this service relies on.", maxItems: 64 })),
    review: Type.Optional(Type.Object(
      {
        every: Duration("How often the agreement must be reviewed, e.g. 90d.", durationBounds.reviewEvery),
        lastReviewed: Type.Optional(Type.String({ description: "Date of the last review (YYYY-MM-DD).", format: "date" })),
      },
      { additionalProperties: false, description: "Periodic review of the agreement." },
    )),
    compatibility: Type.Optional(Type.Object(
      {
        sloth: Type.Optional(Type.Boolean({
          description: "Also record Sloth's series (slo:sli_error:ratio_rate<window>, slo:objective:ratio, slo:error_budget:ratio, slo:period_error_budget_remaining:ratio, sloth_slo_info ...) with Sloth's labels (sloth_service = service, sloth_slo = objective name, sloth_id, sloth_window), so Sloth's Grafana dashboards keep working.",
        })),
        pyrra: Type.Optional(Type.Boolean({
          description: "Also record the series Pyrra's Grafana dashboards read (pyrra_objective, pyrra_window, pyrra_availability, pyrra_requests:rate5m, pyrra_errors:rate5m), labelled slo = the SLA's name (<sla>-<objective> when it has several objectives).",
        })),
      },
      { additionalProperties: false, description: "Series recorded under other tools' names, derived from this SLA's own recorded series (not from the raw series again), for dashboards users already have." },
    )),
    dashboard: Type.Optional(Type.Object(
      {
        disabled: Type.Optional(Type.Boolean({ description: "Do not generate a dashboard of this SLA, and leave it out of the status' dashboard link." })),
        own: Type.Optional(Type.Boolean({
          description: "Generate a dashboard of this SLA alone (a ConfigMap per SLA, with its tiers' thresholds drawn) besides the shared servicelevel-sla dashboard that shows every SLA. Implied by folder and filters.",
        })),
        folder: Type.Optional(Type.String({ description: "Grafana folder of the SLA's own dashboard.", maxLength: 128 })),
        filters: Type.Optional(Type.Array(Type.String({ description: "A label name of spec.labels.", pattern: labelNamePattern, maxLength: 128 }), {
          description: "Labels of spec.labels offered as variables of the SLA's own dashboard.",
          maxItems: 16,
        })),
      },
      { additionalProperties: false, description: "The Grafana dashboards: every SLA is shown by the shared servicelevel-sla dashboard; own adds one of its own." },
    )),
  },
  { additionalProperties: false, description: "The agreement: what is promised, how it is measured, and what happens when it is missed." },
);

const Condition = Type.Object(
  {
    type: Type.String({ description: "Type of condition: Ready, Valid, RulesApplied, DashboardApplied, AlertmanagerConfigApplied, MetricsAvailable, IndicatorMatchesData, Compliant, ReviewDue.", maxLength: 316 }),
    status: Type.Union([Type.Literal("True"), Type.Literal("False"), Type.Literal("Unknown")], { description: "True, False or Unknown." }),
    reason: Type.String({ description: "A CamelCase reason for the last transition.", maxLength: 1024 }),
    message: Type.String({ description: "Human-readable detail.", maxLength: 32768 }),
    lastTransitionTime: Type.String({ description: "When the status last changed.", format: "date-time" }),
    observedGeneration: Type.Optional(Type.Integer({ description: "The generation the condition was computed from.", minimum: 0 })),
  },
  { additionalProperties: false, description: "A metav1.Condition." },
);

const ObjectiveStatus = Type.Object(
  {
    name: Type.String({ description: "The objective's name." }),
    attained: Type.Optional(Type.Number({ description: "Attained level over the period so far, percent." })),
    target: Type.Number({ description: "The objective's target, percent." }),
    errorBudget: Type.Optional(Type.Object(
      {
        remaining: Type.Number({ description: "Percent of the period's error budget left (negative when overspent)." }),
        consumed: Type.Number({ description: "Percent of the period's error budget spent." }),
      },
      { additionalProperties: false, description: "The period's error budget." },
    )),
    burnRate: Type.Optional(Type.Record(Type.String(), Type.Number(), { description: "Burn rate per window: 1 spends the budget exactly over the period." })),
    exhaustion: Type.Optional(Type.String({ description: "When the budget runs out at the current burn rate; absent if never.", format: "date-time" })),
    incidents: Type.Optional(Type.Object(
      {
        count: Type.Integer({ description: "Bad periods in the contract period.", minimum: 0 }),
        mttr: Type.Optional(Type.String({ description: "Mean time to recover." })),
        mtbf: Type.Optional(Type.String({ description: "Mean time between failures." })),
      },
      { additionalProperties: false, description: "Incidents derived from the indicator's bad periods." },
    )),
    state: Type.String({ description: "Compliant, AtRisk, Breached or NoData." }),
  },
  { additionalProperties: false, description: "What was measured for one objective." },
);

export const ServiceLevelAgreementStatus = Type.Object(
  {
    observedGeneration: Type.Optional(Type.Integer({ description: "The generation of the spec this status describes.", minimum: 0 })),
    lastEvaluated: Type.Optional(Type.String({ description: "When the figures were last computed.", format: "date-time" })),
    period: Type.Optional(Type.Object(
      {
        start: Type.String({ description: "Start of the current contract period.", format: "date-time" }),
        end: Type.String({ description: "End of the current contract period.", format: "date-time" }),
      },
      { additionalProperties: false, description: "The contract period the figures cover." },
    )),
    state: Type.Optional(Type.String({ description: "Compliant, AtRisk, Breached, NoData or Invalid." })),
    compliance: Type.Optional(Type.Number({ description: "Attained level of the worst objective for the period so far, percent." })),
    budgetRemaining: Type.Optional(Type.Number({ description: "Error budget left of the worst objective, percent." })),
    credit: Type.Optional(Type.Number({ description: "Service credit owed if the period ended now, percent of the fee." })),
    objectives: Type.Optional(Type.Array(ObjectiveStatus, { description: "Figures per objective." })),
    generated: Type.Optional(Type.Object(
      {
        prometheusRule: Type.Optional(Type.String({ description: "Name of the generated PrometheusRule." })),
        dashboard: Type.Optional(Type.String({ description: "Name of the generated dashboard ConfigMap." })),
        alertmanagerConfig: Type.Optional(Type.String({ description: "Name of the generated AlertmanagerConfig muting the alerts during maintenance." })),
        rules: Type.Optional(Type.Integer({ description: "Number of generated rules.", minimum: 0 })),
      },
      { additionalProperties: false, description: "What the operator generated." },
    )),
    conditions: Type.Optional(Type.Array(Condition, {
      description: "Conditions: Ready, Valid, RulesApplied, DashboardApplied, MetricsAvailable, Compliant, ReviewDue.",
    })),
  },
  { additionalProperties: false, description: "What the operator measured; written only by the operator." },
);

export const ObjectMeta = Type.Object(
  {
    name: Type.String({ description: "Name of the resource.", pattern: dnsLabelPattern, maxLength: 63 }),
    namespace: Type.Optional(Type.String({ description: "Namespace of the resource.", pattern: dnsLabelPattern, maxLength: 63 })),
    labels: Type.Optional(Type.Record(Type.String(), Type.String())),
    annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: true, description: "Standard object metadata." },
);

/** The whole resource as slactl reads it from YAML. */
export const ServiceLevelAgreement = Type.Object(
  {
    apiVersion: Type.Literal(apiVersion),
    kind: Type.Literal(kind),
    metadata: ObjectMeta,
    spec: ServiceLevelAgreementSpec,
    status: Type.Optional(ServiceLevelAgreementStatus),
  },
  { additionalProperties: false },
);

/** Burn-rate tables in policies/alerting/*.yaml share the tier type with inline tiers. */
export const BurnRateTable = Type.Object(
  {
    name: Type.String({ pattern: dnsLabelPattern }),
    description: Type.Optional(Type.String()),
    period: Duration("The period the table was designed for; tables are chosen by it when an SLA names none.", durationBounds.period),
    defaultFor: Type.Optional(Type.Object(
      { from: Duration("Shortest period.", durationBounds.period), to: Duration("Longest period.", durationBounds.period) },
      { additionalProperties: false, description: "Periods (inclusive) this table is the default for when no table is made for the exact period." },
    )),
    tiers: Type.Array(BurnRateTier, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type AnySchema = TSchema;
