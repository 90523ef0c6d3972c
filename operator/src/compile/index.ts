// The compiler's public surface. The CLI, the operator and the Pulumi program all call compile():
// one path from a parsed document to rules, tests and a dashboard, with issues as values.
import type { ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import type { ValidationContext } from "./validate.js";
import { buildModel } from "./build-model.js";
import { buildRuleGroups, ruleCount, type RuleGroup } from "./rules.js";
import { prometheusRuleObject, renderYaml, ruleGroupsDocument } from "./outputs.js";
import { buildRuleTests } from "./tests.js";
import { buildDashboard, dashboardConfigMap } from "./dashboards.js";
import { warning, type Issue } from "./issues.js";
import type { SlaModel } from "./model.js";

export type { Issue, IssuePath } from "./issues.js";
export { formatPath } from "./issues.js";
export type { SlaModel } from "./model.js";
export type { RuleGroup } from "./rules.js";
export { buildModel, validateDocument, type ModelledSla, type ModelResult } from "./build-model.js";
export { SlaIndex, dependencyKeys } from "./sla-index.js";
export { generatedNames } from "./outputs.js";

export interface CompileOptions extends ValidationContext {
  /** Labels put on the PrometheusRule so a Prometheus ruleSelector picks it up. */
  readonly ruleLabels?: Readonly<Record<string, string>>;
}

export interface CompiledSla {
  readonly sla: ServiceLevelAgreement;
  readonly model: SlaModel;
  readonly groups: readonly RuleGroup[];
  readonly ruleCount: number;
  /** Warnings that did not stop compilation. */
  readonly warnings: readonly Issue[];
  readonly prometheusRule: object;
  /** The dashboard ConfigMap for the Grafana sidecar, or null when the dashboard is disabled. */
  readonly dashboardConfigMap: object | null;
  /** Rendered outputs keyed by file suffix: `<name>.<suffix>`. */
  readonly files: Readonly<Record<string, string>>;
}

export type CompileResult = { readonly ok: true; readonly value: CompiledSla } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The Kubernetes objects an SLA's model generates: what the operator applies, without rendering any file. */
export interface GeneratedObjects {
  readonly groups: readonly RuleGroup[];
  readonly ruleCount: number;
  readonly prometheusRule: object;
  /** The Grafana dashboard, or null when it is disabled. */
  readonly dashboard: object | null;
  /** The dashboard ConfigMap for the Grafana sidecar, or null when the dashboard is disabled. */
  readonly dashboardConfigMap: object | null;
}

/** Builds the PrometheusRule and dashboard ConfigMap of a model. */
export function generateObjects(model: SlaModel, ruleLabels: Readonly<Record<string, string>> = {}): GeneratedObjects {
  const groups = buildRuleGroups(model);
  const dashboard = model.dashboard ? buildDashboard(model) : null;
  return {
    groups,
    ruleCount: ruleCount(groups),
    prometheusRule: prometheusRuleObject(model, groups, ruleLabels),
    dashboard,
    dashboardConfigMap: dashboard ? dashboardConfigMap(model, dashboard) : null,
  };
}

/** Compiles a parsed document into rule groups and rendered files, or returns why it cannot: what slactl writes. */
export function compile(document: unknown, options: CompileOptions): CompileResult {
  const built = buildModel(document, options);
  if (!built.ok) return built;
  const { sla, model } = built.value;
  const objects = generateObjects(model, options.ruleLabels);
  const { groups, prometheusRule, dashboard } = objects;
  const ruleFile = `${model.name}.rules.yaml`;
  const tests = buildRuleTests(model, ruleFile);
  const skipped = tests.skipped.map((s) => warning(["spec", "objectives", model.objectives.findIndex((o) => o.name === s.objective), "indicator"], "untestable",
    `alert timing of objective ${JSON.stringify(s.objective)} is not covered by the generated tests: ${s.reason}`));
  return {
    ok: true,
    value: {
      sla,
      model,
      groups,
      ruleCount: objects.ruleCount,
      warnings: [...built.value.warnings, ...skipped],
      prometheusRule,
      dashboardConfigMap: objects.dashboardConfigMap,
      files: {
        "prometheusrule.yaml": renderYaml(model, prometheusRule),
        "rules.yaml": renderYaml(model, ruleGroupsDocument(groups)),
        "rules.test.yaml": renderYaml(model, tests.document),
        ...(dashboard ? { "dashboard.json": `${JSON.stringify(dashboard, null, 2)}\n` } : {}),
      },
    },
  };
}
