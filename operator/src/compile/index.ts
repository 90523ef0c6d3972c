// The compiler's public surface. The CLI, the operator and the Pulumi program all call compile():
// one path from a parsed document to rules, tests and a dashboard, with issues as values.
import type { ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import { checkSchema } from "./schema-check.js";
import { validateSla, type ValidationContext } from "./validate.js";
import { normalizeSla } from "./normalize.js";
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
export { generatedNames } from "./outputs.js";

export interface CompileOptions extends ValidationContext {
  /** Labels put on the PrometheusRule so a Prometheus ruleSelector picks it up. */
  readonly ruleLabels?: Readonly<Record<string, string>>;
  /** The time to expand scheduled maintenance windows from (epoch ms); without it they are left out, with a warning. */
  readonly now?: number;
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
  /** The AlertmanagerConfig muting the SLA's alerts during maintenance, or null without maintenance. */
  readonly alertmanagerConfig: object | null;
  /** The maintenance windows the rules and the AlertmanagerConfig hold; compile again before `validUntil`. */
  readonly maintenance: MaintenanceSignal;
  /** Rendered outputs keyed by file suffix: `<name>.<suffix>`. */
  readonly files: Readonly<Record<string, string>>;
}

export type CompileResult = { readonly ok: true; readonly value: CompiledSla } | { readonly ok: false; readonly issues: readonly Issue[] };

/** Checks a parsed document against the schema and the semantic rules. */
export function validateDocument(document: unknown, options: ValidationContext): { ok: true; value: ServiceLevelAgreement; warnings: Issue[] } | { ok: false; issues: Issue[] } {
  const schema = checkSchema(document);
  if (!schema.ok) return schema;
  const issues = validateSla(schema.value, options);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, value: schema.value, warnings: issues };
}

/** Compiles a parsed document into rule groups and rendered files, or returns why it cannot. */
export function compile(document: unknown, options: CompileOptions): CompileResult {
  const valid = validateDocument(document, options);
  if (!valid.ok) return valid;
  const model = normalizeSla(valid.value, options.burnRateTables);
  const maintenance = maintenanceSignal(model.maintenance, options.now);
  const groups = buildRuleGroups(model, { maintenance: maintenance.intervals });
  const prometheusRule = prometheusRuleObject(model, groups, options.ruleLabels);
  const dashboard = model.dashboard ? buildDashboard(model) : null;
  const ruleFile = `${model.name}.rules.yaml`;
  const tests = buildRuleTests(model, ruleFile);
  const maintenanceTests = buildMaintenanceTests(model, `${model.name}.maintenance-test-rules.yaml`);
  const fragment = alertmanagerFragment(model);
  const alertmanagerConfig = alertmanagerConfigObject(model, maintenance.intervals) ?? null;
  const unexpanded = maintenance.schedulesSkipped
    ? [warning(["spec", "maintenance"], "maintenance-not-expanded", "no time was given to expand the scheduled maintenance windows from: the rules leave out only the fixed windows")]
    : [];
  const skipped = tests.skipped.map((s) => warning(["spec", "objectives", model.objectives.findIndex((o) => o.name === s.objective), "indicator"], "untestable",
    `alert timing of objective ${JSON.stringify(s.objective)} is not covered by the generated tests: ${s.reason}`));
  return {
    ok: true,
    value: {
      sla: valid.value,
      model,
      groups,
      ruleCount: ruleCount(groups),
      warnings: [...valid.warnings, ...skipped, ...unexpanded],
      prometheusRule,
      dashboardConfigMap: dashboard ? dashboardConfigMap(model, dashboard) : null,
      alertmanagerConfig,
      maintenance,
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
    },
  };
}
