// The compiler's public surface. The operator applies generateObjects() of a model from the SLA
// index; slactl and the Pulumi program call compile(), which also renders the files. Issues are
// values; every document becomes a model through buildModel (build-model.ts).
import type { ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import type { ValidationContext } from "./validate.js";
import { buildModel, type ModelledSla } from "./build-model.js";
import { buildRuleGroups, ruleCount, type RuleGroup } from "./rules.js";
import { prometheusRuleObject, renderYaml, ruleGroupsDocument } from "./outputs.js";
import { buildMaintenanceTests, buildRuleTests, testMaintenanceIntervals } from "./tests.js";
import { maintenanceSignal, type MaintenanceSignal } from "./maintenance-signal.js";
import { alertmanagerConfigObject, alertmanagerFragment } from "./alertmanager.js";
import { buildDashboard, dashboardConfigMap } from "./dashboards.js";
import { warning, type Issue } from "./issues.js";
import type { SlaModel } from "./model.js";

export type { Issue, IssuePath } from "./issues.js";
export { formatPath } from "./issues.js";
export type { SlaModel } from "./model.js";
export type { RuleGroup } from "./rules.js";
export type { MaintenanceSignal } from "./maintenance-signal.js";
export { buildModel, validateDocument, type ModelledSla, type ModelResult } from "./build-model.js";
export { SlaIndex, dependencyKeys } from "./sla-index.js";
export { generatedNames } from "./outputs.js";
export { buildSlaDashboard, slaDashboardFileName, slaDashboardPath, slaDashboardUid } from "./sla-dashboard.js";

export interface CompileOptions extends ValidationContext {
  /** Labels put on the PrometheusRule so a Prometheus ruleSelector picks it up. */
  readonly ruleLabels?: Readonly<Record<string, string>>;
  /** The time to expand scheduled maintenance windows from (epoch ms); without it they are left out, with a warning. */
  readonly now?: number;
}

export interface CompiledSla extends GeneratedObjects {
  readonly sla: ServiceLevelAgreement;
  readonly model: SlaModel;
  /** Warnings that did not stop compilation. */
  readonly warnings: readonly Issue[];
  /** Rendered outputs keyed by file suffix: `<name>.<suffix>`. */
  readonly files: Readonly<Record<string, string>>;
}

export type CompileResult = { readonly ok: true; readonly value: CompiledSla } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The Kubernetes objects an SLA's model generates: what the operator applies, without rendering any file. */
export interface GeneratedObjects {
  readonly groups: readonly RuleGroup[];
  readonly ruleCount: number;
  readonly prometheusRule: object;
  /** The SLA's own Grafana dashboard, or null when it has none (the shared dashboard shows it). */
  readonly dashboard: object | null;
  /** The own dashboard's ConfigMap for the Grafana sidecar, or null without an own dashboard. */
  readonly dashboardConfigMap: object | null;
  /** The AlertmanagerConfig muting the SLA's alerts during maintenance, or null without maintenance. */
  readonly alertmanagerConfig: object | null;
  /** The maintenance windows the rules and the AlertmanagerConfig hold; generate again before `validUntil`. */
  readonly maintenance: MaintenanceSignal;
}

/** Builds the PrometheusRule, dashboard ConfigMap and AlertmanagerConfig of a model; `now` expands scheduled maintenance. */
export function generateObjects(model: SlaModel, options: { readonly ruleLabels?: Readonly<Record<string, string>> | undefined; readonly now?: number | undefined } = {}): GeneratedObjects {
  const maintenance = maintenanceSignal(model.maintenance, options.now);
  const groups = buildRuleGroups(model, { maintenance: maintenance.intervals });
  // Every SLA is shown by the shared dashboard (sla-dashboard.ts); only one that asks gets its own.
  const dashboard = model.dashboard?.own ? buildDashboard(model) : null;
  return {
    groups,
    ruleCount: ruleCount(groups),
    prometheusRule: prometheusRuleObject(model, groups, options.ruleLabels),
    dashboard,
    dashboardConfigMap: dashboard ? dashboardConfigMap(model, dashboard) : null,
    alertmanagerConfig: alertmanagerConfigObject(model, maintenance.intervals) ?? null,
    maintenance,
  };
}

/** Compiles a parsed document into rule groups and rendered files, or returns why it cannot: what slactl writes. */
export function compile(document: unknown, options: CompileOptions): CompileResult {
  const built = buildModel(document, options);
  if (!built.ok) return built;
  return { ok: true, value: compileModel(built.value, options) };
}

/** Renders the files of a model already built (by buildModel or an SlaIndex), so a caller that validated first does not model twice. */
export function compileModel(built: ModelledSla, options: Pick<CompileOptions, "ruleLabels" | "now">): CompiledSla {
  const { sla, model } = built;
  const objects = generateObjects(model, { ruleLabels: options.ruleLabels, now: options.now });
  const { groups, prometheusRule, dashboard, maintenance } = objects;
  const ruleFile = `${model.name}.rules.yaml`;
  const tests = buildRuleTests(model, ruleFile);
  const maintenanceTests = buildMaintenanceTests(model, `${model.name}.maintenance-test-rules.yaml`);
  const fragment = alertmanagerFragment(model);
  const unexpanded = maintenance.schedulesSkipped
    ? [warning(["spec", "maintenance"], "maintenance-not-expanded", "no time was given to expand the scheduled maintenance windows from: the rules leave out only the fixed windows")]
    : [];
  const skipped = tests.skipped.map((s) => warning(["spec", "objectives", model.objectives.findIndex((o) => o.name === s.objective), "indicator"], "untestable",
    `alert timing of objective ${JSON.stringify(s.objective)} is not covered by the generated tests: ${s.reason}`));
  return {
    ...objects,
    sla,
    model,
    warnings: [...built.warnings, ...skipped, ...unexpanded],
    files: {
      "prometheusrule.yaml": renderYaml(model, prometheusRule),
      "rules.yaml": renderYaml(model, ruleGroupsDocument(groups)),
      "rules.test.yaml": renderYaml(model, tests.document),
      ...(dashboard ? { "dashboard.json": `${JSON.stringify(dashboard, null, 2)}\n` } : {}),
      ...(fragment ? { "alertmanager.yaml": renderYaml(model, fragment) } : {}),
      ...(maintenanceTests ? {
        "maintenance-test-rules.yaml": renderYaml(model, ruleGroupsDocument(buildRuleGroups(model, { maintenance: testMaintenanceIntervals() }))),
        "maintenance.rules.test.yaml": renderYaml(model, maintenanceTests),
      } : {}),
    },
  };
}
