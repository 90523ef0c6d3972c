// The path users run, end to end with the real parts: an SLA applied with kubectl -> our operator
// writes its PrometheusRule -> the real prometheus-operator selects it (the Prometheus resource's
// ruleSelector matches the chart's default rule labels) and writes the rule-file ConfigMap -> the
// files, extracted as the config reloader would, pass promtool and a real Prometheus 3 loads and
// evaluates them over backfilled raw series -> our operator reads the figures -> `kubectl get sla`
// shows them. An SLA that fails validation never gets a PrometheusRule.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "../operator/cluster.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter, writeCounterHistory } from "../prometheus/openmetrics.js";
import { steadyScenario } from "../scenarios/index.js";
import { prometheus3 } from "../support/prometheus-releases.js";
import { promtool } from "../support/promtool.js";
import type { GroupProcess } from "../support/process-group.js";
import { ensurePrometheusOperator, prometheusOperatorCrds, startPrometheusOperator } from "./prometheus-operator.js";

const ns = "shop";
const monitoring = "monitoring";
/** The chart's default ruleLabels (values.yaml), which kube-prometheus-stack's Prometheus selects. */
const ruleLabels = { release: "kube-prometheus-stack" };
const errorRatio = 0.0005;
const now = Date.now();
const scenario = steadyScenario({ name: "checkout", namespace: ns, now, errorRatio });

let cp: ControlPlane;
let po: GroupProcess;
let prom: RunningPrometheus;
let op: OperatorProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slo-prometheus-operator-"));
  // Recorded tiles for the month (what the operator's figures read) and two hours of the raw
  // counters the SLA's queries select, ending now, for the rules to evaluate.
  const writer = await OpenMetricsWriter.create(join(dir, "history.om"));
  await scenario.write(writer);
  const rawFrom = Math.floor(now / 60_000) * 60_000 - 2 * 3_600_000;
  for (const [code, share] of [["200", 1 - errorRatio], ["500", errorRatio]] as const) {
    await writeCounterHistory(writer, { metric: "http_requests_total", labels: { job: "checkout", code }, startMs: rawFrom, endMs: rawFrom + 2 * 3_600_000, stepMs: 15_000, ratePerSecond: () => 10 * share });
  }
  const history = (await writer.close()).file;
  await ensurePrometheusOperator(); // its CRDs come with the build
  const [plane, prometheus] = await Promise.all([
    startControlPlane({ crds: [slaCrdPath, ...prometheusOperatorCrds()], prometheusRuleCrd: false }),
    startPrometheus({ blocksFrom: history, release: prometheus3() }),
  ]);
  cp = plane;
  prom = prometheus;
  for (const name of [ns, monitoring]) await cp.kubectlOrThrow(["create", "namespace", name]);
  expect((await kubectlApply(cp, {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "Prometheus",
    metadata: { name: "k8s", namespace: monitoring },
    spec: { replicas: 1, ruleSelector: { matchLabels: ruleLabels }, ruleNamespaceSelector: {} },
  })).code).toBe(0);
  po = await startPrometheusOperator(cp, join(dir, "prometheus-operator.log"));
  op = new OperatorProcess("operator", [
    "--kubeconfig", cp.kubeconfigPath,
    "--metrics-addr", "127.0.0.1:0",
    "--health-addr", "127.0.0.1:0",
    "--prometheus-url", prom.url,
    "--evaluation-interval", "2s",
    ...Object.entries(ruleLabels).flatMap(([k, v]) => ["--rule-label", `${k}=${v}`]),
  ]);
  await op.started();
}, 1_200_000);

afterAll(async () => {
  await stopAllOperators();
  await po?.stop();
  await prom?.stop();
  await cp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const describeAll = () => `${op.describe()}\n--- prometheus-operator:\n${po.logTail(30)}`;

describe("an SLA through the real prometheus-operator into a real Prometheus 3", () => {
  let ruleFiles: Record<string, string> = {};

  it("becomes a PrometheusRule that prometheus-operator writes into its rule-file ConfigMap", { timeout: 180_000 }, async () => {
    expect((await kubectlApply(cp, scenario.sla)).code).toBe(0);
    let rule: Obj | undefined;
    await waitFor("the PrometheusRule", async () => (rule = await getObject(cp, "prometheusrule", "sla-checkout", ns)) !== undefined, 60_000, describeAll);
    expect(rule?.metadata.labels).toMatchObject(ruleLabels);
    let configMap: Obj | undefined;
    await waitFor("prometheus-k8s-rulefiles-0 with the SLA's rules", async () => {
      configMap = await getObject(cp, "configmap", "prometheus-k8s-rulefiles-0", monitoring);
      return Object.keys(configMap?.data ?? {}).some((k) => k.startsWith(`${ns}-sla-checkout-`));
    }, 120_000, describeAll);
    ruleFiles = configMap?.data ?? {};
    expect(Object.keys(ruleFiles)).toEqual([expect.stringMatching(new RegExp(`^${ns}-sla-checkout-${rule?.metadata.uid}\\.yaml$`))]);
  });

  it("gives rule files that promtool 3 accepts and Prometheus 3 evaluates over the raw series", { timeout: 240_000 }, async () => {
    expect(Object.keys(ruleFiles)).toHaveLength(1);
    const paths = Object.entries(ruleFiles).map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const checked = await promtool(["check", "rules", ...paths], dir, prometheus3());
    expect(checked.ok, checked.output).toBe(true);
    await prom.setRules(paths);
    // The 1m group's first evaluation comes within a minute (at its hashed offset).
    let ratio: number | undefined;
    await waitFor("the 5m error ratio recorded from the raw series", async () => {
      const params = new URLSearchParams({ query: `sla:sli_error:ratio_rate5m{sla="checkout",sla_namespace="${ns}"}` });
      const body = (await (await fetch(`${prom.url}/api/v1/query?${params.toString()}`)).json()) as { data?: { result: { value: [number, string] }[] } };
      const value = body.data?.result[0]?.value[1];
      ratio = value === undefined ? undefined : Number(value);
      return ratio !== undefined;
    }, 150_000, () => prom.logTail());
    expect(ratio).toBeCloseTo(errorRatio, 12);
    const rules = (await (await fetch(`${prom.url}/api/v1/rules`)).json()) as { data: { groups: { file: string; rules: { health: string; lastError?: string }[] }[] } };
    expect(rules.data.groups.map((g) => g.file).every((f) => paths.includes(f))).toBe(true);
    expect(rules.data.groups.flatMap((g) => g.rules).filter((r) => r.health === "err")).toEqual([]);
  });

  it("ends in the SLA's status, which kubectl get sla prints", { timeout: 120_000 }, async () => {
    let o: Obj | undefined;
    await waitFor("checkout evaluated", async () => {
      o = await getObject(cp, "sla", "checkout", ns);
      return (o?.status as { compliance?: number } | undefined)?.compliance !== undefined;
    }, 90_000, describeAll);
    const status = o?.status as { state?: string; compliance?: number };
    expect(status.state).toBe(scenario.expected.state);
    expect(Math.abs((status.compliance as number) - (scenario.expected.compliance as number))).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(condition(o, "MetricsAvailable")?.status).toBe("True");
    const table = await cp.kubectlOrThrow(["get", "sla", "checkout", "-n", ns]);
    expect(table).toMatch(new RegExp(`checkout\\s+.*${scenario.expected.state}`));
    expect(table).toContain((scenario.expected.compliance as number).toFixed(2));
  });

  it("never writes a PrometheusRule for an SLA that fails validation", { timeout: 60_000 }, async () => {
    const invalid = sla("broken", ns, { objectives: [{ name: "availability", target: 99.9, indicator: { ratio: { errors: "sum(rate(http_requests_total{code=~\"5..\"}[{{window}}]", total: "sum(rate(http_requests_total[{{window}}]))" } } }] });
    const applied = await kubectlApply(cp, invalid);
    // Refused by the CRD's own validation, or admitted and then marked Invalid by the operator.
    if (applied.code === 0) {
      await waitFor("broken marked Invalid", async () => (await getObject(cp, "sla", "broken", ns))?.status?.state === "Invalid", 45_000, describeAll);
    }
    expect(await getObject(cp, "prometheusrule", "sla-broken", ns)).toBeUndefined();
    const configMap = await getObject(cp, "configmap", "prometheus-k8s-rulefiles-0", monitoring);
    expect(Object.keys(configMap?.data ?? {}).some((k) => k.startsWith(`${ns}-sla-broken-`))).toBe(false);
  });
});
