// The rule sets under comparison, for the same SLOs:
// - Sloth's: the rules Sloth generated for its getting-started SLO (99.9%, errors code=~"(5..|429)"),
//   read at run time from ../shared/anchors/sloth/ and copied once per SLO by string substitution.
// - Ours: what compile() makes of a ServiceLevelAgreement with the same objective and indicator,
//   alerting on the google-sre table (the Workbook's 30-day windows, like Sloth's).
// - Ours with compatibility series: the same SLA with spec.compatibility {sloth, pyrra} (in its own
//   namespace, so its series do not collide with ours): what the opt-in adds.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { compile, formatPath } from "../../operator/src/compile/index.js";
import { parseDuration } from "../../operator/src/compile/duration.js";
import type { BurnRateTable } from "../../operator/src/api/v1alpha1/types.js";

export type SetName = "sloth" | "ours" | "compat";
export const setNames: readonly SetName[] = ["sloth", "ours", "compat"];
export const setTitles: Record<SetName, string> = { sloth: "Sloth", ours: "ours", compat: "ours + compat." };
/**
 * A rule set measured beside the compared ones but left out of their tables: the test suite's
 * mutant of our rules, which proves its bound on the cost would catch an expensive change.
 */
export type ExtraSetName = "mutant";

export interface BenchRule {
  readonly set: SetName | ExtraSetName;
  /** The SLO (= job) the rule belongs to. */
  readonly slo: string;
  readonly group: string;
  /** Short name of the group's role, the same for every SLO: "sli", "tiles", "hourly", "meta", ... */
  readonly role: string;
  readonly intervalSeconds: number;
  readonly kind: "record" | "alert";
  /** The recorded series or the alert name. */
  readonly name: string;
  /** Identifies the rule across SLOs, for per-rule figures. */
  readonly key: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Rule file groups as Prometheus reads them. */
interface FileGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: ReadonlyArray<{ record?: string; alert?: string; expr: string; labels?: Record<string, string> }>;
}

/** Prometheus' default evaluation_interval, which Sloth's groups (no interval) run at. */
export const defaultIntervalSeconds = 60;

/** Sloth's rules for each job: `holdout` becomes the job, `myservice` (in ids, labels, group names) too. */
export function slothRules(anchorsDir: string, jobs: readonly string[]): BenchRule[] {
  const file = path.join(anchorsDir, "getting-started-as-holdout.yaml");
  const template = readFileSync(file, "utf8");
  for (const needle of ['job="holdout"', "myservice"]) {
    if (!template.includes(needle)) throw new Error(`${file} no longer contains ${needle}; update bench/rule-cost/rulesets.ts`);
  }
  return jobs.flatMap((job) => {
    const text = template.replaceAll('job="holdout"', `job="${job}"`).replaceAll("myservice", job);
    const document = parse(text) as { groups: FileGroup[] };
    return document.groups.flatMap((group) =>
      group.rules.map((rule) => {
        // Labels added by Sloth's example script, not by Sloth (see the anchors' README).
        const { cmd: _cmd, sloth_version: _version, ...labels } = rule.labels ?? {};
        const role = group.name.replace(/^sloth-slo-/, "").replace(`-${job}-requests-availability`, "");
        return benchRule("sloth", job, group.name, role, group.interval, rule, labels);
      }),
    );
  });
}

/** Our rules for each job, from a ServiceLevelAgreement with Sloth's objective and indicator; "compat" with Sloth's and Pyrra's series too. */
export function ourRules(repoRoot: string, jobs: readonly string[], set: "ours" | "compat" = "ours"): BenchRule[] {
  const tablesDir = path.join(repoRoot, "policies/alerting");
  const burnRateTables = new Map<string, BurnRateTable>(
    readdirSync(tablesDir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => parse(readFileSync(path.join(tablesDir, f), "utf8")) as BurnRateTable)
      .map((t) => [t.name, t]),
  );
  return jobs.flatMap((job) => {
    const result = compile(slaDocument(job, set === "compat"), { burnRateTables });
    if (!result.ok) {
      throw new Error(`our SLA for ${job} does not compile:\n${result.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`).join("\n")}`);
    }
    const base = `sla-${result.value.model.namespace}-${result.value.model.name}-`;
    return result.value.groups.flatMap((group) =>
      group.rules.map((rule) => benchRule(set, job, group.name, group.name.replace(base, ""), group.interval, {
        ...("record" in rule ? { record: rule.record } : { alert: rule.alert }),
        expr: rule.expr,
      }, rule.labels)),
    );
  });
}

/** The benchmark's ServiceLevelAgreement: Sloth's getting-started SLO in our API. */
export function slaDocument(job: string, compatibility = false): object {
  return {
    apiVersion: "servicelevel.dev/v1alpha1",
    kind: "ServiceLevelAgreement",
    metadata: { name: job, namespace: compatibility ? "rule-cost-compat" : "rule-cost" },
    spec: {
      service: job,
      owner: "bench",
      period: { rolling: "30d" },
      objectives: [{
        name: "requests-availability",
        target: 99.9,
        indicator: {
          ratio: {
            errors: `sum(rate(http_requests_total{job="${job}",code=~"(5..|429)"}[{{window}}]))`,
            total: `sum(rate(http_requests_total{job="${job}"}[{{window}}]))`,
          },
        },
      }],
      alerting: { burnRates: "google-sre" },
      ...(compatibility ? { compatibility: { sloth: true, pyrra: true } } : {}),
    },
  };
}

export function benchRule(
  set: SetName | ExtraSetName, slo: string, group: string, role: string, interval: string | undefined,
  rule: { record?: string; alert?: string; expr: string }, labels: Readonly<Record<string, string>>,
): BenchRule {
  const intervalSeconds = interval === undefined ? defaultIntervalSeconds : parseDuration(interval);
  if (intervalSeconds === undefined) throw new Error(`group ${group}: bad interval ${JSON.stringify(interval)}`);
  const kind = rule.record !== undefined ? "record" : "alert";
  const name = rule.record ?? rule.alert ?? "";
  // Alerts share a name across tiers: tell them apart by their windows or severity.
  const qualifier = kind === "alert"
    ? labels.long_window ? ` ${labels.long_window}/${labels.short_window ?? "?"}` : labels.sloth_severity ? ` ${labels.sloth_severity}` : ""
    : "";
  return { set, slo, group, role, intervalSeconds, kind, name, key: `${role} ${name}${qualifier}`, expr: rule.expr.trim(), labels };
}

/** A Prometheus rule file with the given rules, grouped as they were generated. */
export function ruleFile(rules: readonly BenchRule[]): object {
  const groups = new Map<string, { name: string; interval: string; rules: object[] }>();
  for (const rule of rules) {
    let group = groups.get(rule.group);
    if (!group) {
      group = { name: rule.group, interval: `${rule.intervalSeconds}s`, rules: [] };
      groups.set(rule.group, group);
    }
    group.rules.push({ [rule.kind]: rule.name, expr: rule.expr, ...(Object.keys(rule.labels).length > 0 ? { labels: rule.labels } : {}) });
  }
  return { groups: [...groups.values()] };
}
