// The ServiceLevelStack component under Pulumi's mocks: which resources it declares, with which
// inputs, and that the pieces line up (rule labels, dashboard labels, retention, Alertmanager
// routes, secrets). No cluster and no Pulumi CLI: the mock monitor records every registration.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { Ajv } from "ajv";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compile } from "../operator/src/compile/index.js";
import { loadBurnRateTables } from "../operator/src/adapters/fs/burn-rate-tables.js";
import { alertmanagerConfigKey, receiverNames, slaGroupBy } from "./alertmanager.js";
import { ServiceLevelStack, type ServiceLevelStackArgs } from "./service-level-stack.js";
import { loadServiceLevelSources, repositoryRoot, type ServiceLevelSources } from "./sources.js";
import { isSecretInput, one, plainStrings, registered, resolve, setupMocks, types, unwrapSecrets, type RecordedResource } from "./test-support.js";
import { coalesceValues, dashboardSidecar, stackUrls } from "./values.js";

const password = "correct-horse-battery-staple";
const pagerUrl = "https://pager.example.com/v2/enqueue?routing_key=PAGER-SECRET";
const ticketUrl = "https://tickets.example.com/hooks/TICKET-SECRET";
const secretsInPlain = [password, "PAGER-SECRET", "TICKET-SECRET"];

let withExamples: ServiceLevelSources;
let weekOnly: ServiceLevelSources;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "slo-infra-"));
  writeFileSync(join(tmp, "weekly.yaml"), `apiVersion: servicelevel.dev/v1alpha1
kind: ServiceLevelAgreement
metadata: {name: batch, namespace: data}
spec:
  service: batch
  owner: team-data
  period: {rolling: 7d}
  objectives:
    - name: success
      target: 99
      indicator:
        ratio:
          errors: sum(rate(jobs_failed_total[{{window}}]))
          total: sum(rate(jobs_total[{{window}}]))
`);
  [withExamples, weekOnly] = await Promise.all([
    loadServiceLevelSources({ installExamples: true }),
    loadServiceLevelSources({ slaPaths: [tmp] }),
  ]);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let recorded: RecordedResource[];
beforeEach(async () => {
  recorded = await setupMocks();
});

/** Declares a stack and waits until all its resources are registered. */
async function declare(args: Partial<ServiceLevelStackArgs> & Pick<ServiceLevelStackArgs, "sources">, name = "slo"): Promise<ServiceLevelStack> {
  const stack = new ServiceLevelStack(name, { grafanaAdminPassword: pulumi.secret(password), ...args });
  // The operator release waits for everything but the examples, and the examples wait for it.
  await registered([stack, stack.operator, ...stack.examples]);
  return stack;
}

const releases = () => recorded.filter((r) => r.type === types.release);
const kpsRelease = () => one(recorded, types.release, "slo-kube-prometheus-stack");
const operatorRelease = () => one(recorded, types.release, "slo-operator");
const kpsValues = () => unwrapSecrets(kpsRelease().inputs["values"]) as {
  prometheus: { prometheusSpec: { retention: string; ruleSelector: { matchLabels: Record<string, string> }; ruleSelectorNilUsesHelmValues: boolean; ruleNamespaceSelector: object; storageSpec: unknown } };
  alertmanager: { alertmanagerSpec: { useExistingSecret: boolean; configSecret: string } };
  grafana: { admin: { existingSecret: string; userKey: string; passwordKey: string }; sidecar: { dashboards: Record<string, unknown> } };
};
type OperatorValues = Record<string, unknown> & {
  ruleLabels: Record<string, string>; prometheus: { url: string }; replicaCount: number; serviceMonitor: { enabled: boolean; labels: Record<string, string> };
};
const operatorChartDir = () => join(repositoryRoot(), "charts", "servicelevel-operator");
const chartDefaults = () => parse(readFileSync(join(operatorChartDir(), "values.yaml"), "utf8")) as Record<string, unknown>;
/** The operator chart's values as Helm sees them: the declared values over the chart's values.yaml. */
const operatorValues = () => coalesceValues(chartDefaults(), unwrapSecrets(operatorRelease().inputs["values"]) as Record<string, unknown>) as OperatorValues;

describe("resources", () => {
  it("declares the namespace, two Helm releases, the CRD and, when asked, the example SLAs", async () => {
    const stack = await declare({ sources: withExamples });
    const namespaces = recorded.filter((r) => r.type === types.namespace).map((r) => (r.inputs["metadata"] as { name: string }).name);
    expect(namespaces).toContain("monitoring");
    expect(releases().map((r) => r.inputs["chart"])).toEqual(["kube-prometheus-stack", join(repositoryRoot(), "charts", "servicelevel-operator")]);
    expect(kpsRelease().inputs).toMatchObject({ name: "kube-prometheus-stack", namespace: "monitoring", repositoryOpts: { repo: "https://prometheus-community.github.io/helm-charts" } });
    expect(operatorRelease().inputs).toMatchObject({ name: "servicelevel-operator", namespace: "monitoring", skipCrds: true });

    const crds = recorded.filter((r) => r.type === types.crd);
    expect(crds.map((r) => (r.inputs["metadata"] as { name: string }).name)).toEqual(["servicelevelagreements.servicelevel.dev"]);
    // The CRD is the committed one, apart from the annotation that lets Pulumi take it over.
    const committed = parse(readFileSync(join(repositoryRoot(), "crds", "servicelevel.dev_servicelevelagreements.yaml"), "utf8")) as { spec: unknown };
    expect(crds[0]!.inputs["spec"]).toEqual(committed.spec);
    expect((crds[0]!.inputs["metadata"] as { annotations: Record<string, string> }).annotations["pulumi.com/patchForce"]).toBe("true");

    const slas = recorded.filter((r) => r.type === types.sla);
    expect(slas.map((r) => { const m = r.inputs["metadata"] as { namespace: string; name: string }; return `${m.namespace}/${m.name}`; }).sort())
      .toEqual(withExamples.examples.map((e) => e.key).sort());
    expect(withExamples.examples.length).toBeGreaterThanOrEqual(5);
    expect(stack.examples).toHaveLength(withExamples.examples.length);
    // Each example's namespace exists (and is kept on destroy: it may have existed before).
    for (const ns of new Set(withExamples.examples.map((e) => e.namespace))) expect(namespaces).toContain(ns);
  });

  it("declares no SLA and no example namespace without examples", async () => {
    await declare({ sources: weekOnly });
    expect(recorded.filter((r) => r.type === types.sla)).toEqual([]);
    expect(recorded.filter((r) => r.type === types.namespace)).toHaveLength(1);
    expect(releases()).toHaveLength(2);
    expect(recorded.filter((r) => r.type === types.crd)).toHaveLength(1);
  });

  it("leaves the namespace alone with createNamespace: false", async () => {
    const stack = await declare({ sources: weekOnly, createNamespace: false, namespace: "observability" });
    expect(recorded.filter((r) => r.type === types.namespace)).toEqual([]);
    expect(kpsRelease().inputs["namespace"]).toBe("observability");
    expect(await resolve(stack.namespace)).toBe("observability");
  });

  it("puts every resource on the given provider", async () => {
    const provider = new k8s.Provider("other-cluster", { context: "staging" });
    await declare({ sources: withExamples, provider });
    const urn = await resolve(provider.urn);
    const children = recorded.filter((r) => r.type.startsWith("kubernetes:") && r.type !== types.component);
    expect(children.length).toBeGreaterThan(10);
    for (const child of children) expect(child.provider, `${child.type} ${child.name}`).toContain(urn);
  });

  it("installs a chart from a repository when one is named", async () => {
    await declare({ sources: { ...weekOnly, operatorChart: undefined }, operator: { chart: "oci://ghcr.io/example/charts/servicelevel-operator", version: "0.2.0" } });
    expect(operatorRelease().inputs).toMatchObject({ chart: "oci://ghcr.io/example/charts/servicelevel-operator", version: "0.2.0" });
  });
});

describe("retention", () => {
  it("covers the longest example period, a calendar quarter at 92 days, plus 7 days", async () => {
    const stack = await declare({ sources: withExamples });
    expect(stack.retention).toMatchObject({ retention: "99d", longestSla: "support/support-response", longestPeriod: "92d" });
    expect(kpsValues().prometheus.prometheusSpec.retention).toBe("99d");
  });

  it("is smaller for a folder that holds only a 7-day SLA", async () => {
    const stack = await declare({ sources: weekOnly });
    expect(kpsValues().prometheus.prometheusSpec.retention).toBe("14d");
    expect(stack.retention.longestSla).toBe("data/batch");
  });

  it("counts the examples only when they are installed", async () => {
    await declare({ sources: { ...withExamples, slas: weekOnly.slas }, installExamples: false });
    expect(kpsValues().prometheus.prometheusSpec.retention).toBe("14d");
    expect(recorded.filter((r) => r.type === types.sla)).toEqual([]);
  });

  it("follows the margin", async () => {
    await declare({ sources: weekOnly, retentionMarginDays: 1 });
    expect(kpsValues().prometheus.prometheusSpec.retention).toBe("8d");
  });

  it("stores Prometheus' data on a volume of the configured size", async () => {
    await declare({ sources: weekOnly, prometheusStorageSize: "200Gi", prometheusStorageClass: "fast-ssd" });
    expect(kpsValues().prometheus.prometheusSpec.storageSpec).toEqual({
      volumeClaimTemplate: { spec: { storageClassName: "fast-ssd", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "200Gi" } } } },
    });
  });
});

describe("the pieces line up", () => {
  it("selects exactly the operator's rule labels, in all namespaces", async () => {
    const stack = await declare({ sources: withExamples });
    const spec = kpsValues().prometheus.prometheusSpec;
    expect(spec.ruleSelectorNilUsesHelmValues).toBe(false);
    expect(spec.ruleNamespaceSelector).toEqual({});
    expect(spec.ruleSelector.matchLabels).toEqual(operatorValues().ruleLabels);
    expect(spec.ruleSelector.matchLabels).toEqual(stack.ruleLabels);
    // By default they are the chart's own default, which is what kube-prometheus-stack selects out of the box.
    expect(spec.ruleSelector.matchLabels).toEqual(chartDefaults()["ruleLabels"]);
  });

  it("the PrometheusRules the compiler makes with those labels match the selector", async () => {
    await declare({ sources: withExamples, ruleLabels: { "servicelevel.dev/rules": "yes", team: "platform" } });
    const selector = kpsValues().prometheus.prometheusSpec.ruleSelector.matchLabels;
    expect(selector).toEqual({ "servicelevel.dev/rules": "yes", team: "platform" });
    // Helm merges maps: the chart's default label is deleted with a null, so the rules carry exactly these.
    expect(operatorRelease().inputs["allowNullValues"]).toBe(true);
    expect((unwrapSecrets(operatorRelease().inputs["values"]) as { ruleLabels: unknown }).ruleLabels).toEqual({ release: null, "servicelevel.dev/rules": "yes", team: "platform" });
    expect(operatorValues().ruleLabels).toEqual(selector);
    const tables = await loadBurnRateTables();
    if (!tables.ok) throw new Error("burn-rate tables");
    for (const sla of withExamples.examples) {
      const result = compile(sla.manifest, { burnRateTables: tables.tables, ruleLabels: operatorValues().ruleLabels });
      if (!result.ok) throw new Error(`${sla.key} does not compile`);
      const labels = (result.value.prometheusRule as { metadata: { labels: Record<string, string> } }).metadata.labels;
      for (const [key, value] of Object.entries(selector)) expect(labels[key], `${sla.key} ${key}`).toBe(value);
    }
  });

  it("the Grafana sidecar loads the operator's dashboard ConfigMaps, into their folders", async () => {
    await declare({ sources: withExamples });
    const dashboards = kpsValues().grafana.sidecar.dashboards;
    expect(dashboards).toEqual({
      enabled: true, label: "grafana_dashboard", labelValue: "1", searchNamespace: "ALL", folderAnnotation: "grafana_folder",
      provider: { foldersFromFilesStructure: true },
    });
    const tables = await loadBurnRateTables();
    if (!tables.ok) throw new Error("burn-rate tables");
    // hosting-contract.yaml sets a dashboard folder.
    const maps = withExamples.examples.map((sla) => compile(sla.manifest, { burnRateTables: tables.tables }))
      .flatMap((r) => (r.ok && r.value.dashboardConfigMap ? [r.value.dashboardConfigMap as { metadata: { labels: Record<string, string>; annotations?: Record<string, string> } }] : []));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) expect(map.metadata.labels[dashboardSidecar.label]).toBe(dashboardSidecar.labelValue);
    expect(maps.some((m) => m.metadata.annotations?.[dashboardSidecar.folderAnnotation] !== undefined)).toBe(true);
  });

  it("points the operator at the stack's Prometheus, or at the configured one", async () => {
    const stack = await declare({ sources: weekOnly });
    expect(operatorValues().prometheus.url).toBe("http://kube-prometheus-stack-prometheus.monitoring.svc:9090");
    expect(await resolve(stack.prometheusUrl)).toBe(stackUrls("kube-prometheus-stack", "monitoring").prometheus);
    expect(operatorValues().serviceMonitor).toMatchObject({ enabled: true, labels: { release: "kube-prometheus-stack" } });
    expect(operatorValues().replicaCount).toBe(1);

    recorded = await setupMocks();
    await declare({ sources: weekOnly, prometheusUrl: "https://prometheus.example.com", operator: { replicas: 3 } });
    expect(operatorValues().prometheus.url).toBe("https://prometheus.example.com");
    expect(operatorValues().replicaCount).toBe(3);
  });

  it("names follow the kube-prometheus-stack release", async () => {
    const stack = await declare({ sources: weekOnly, namespace: "obs", kubePrometheusStack: { releaseName: "kps", version: "79.0.0" } });
    expect(kpsRelease().inputs).toMatchObject({ name: "kps", version: "79.0.0", namespace: "obs" });
    expect(kpsValues()).toMatchObject({ fullnameOverride: "kps", grafana: { fullnameOverride: "kps-grafana" } });
    expect(operatorValues().ruleLabels).toEqual({ release: "kps" });
    expect(kpsValues().prometheus.prometheusSpec.ruleSelector.matchLabels).toEqual({ release: "kps" });
    expect(operatorValues().prometheus.url).toBe("http://kps-prometheus.obs.svc:9090");
    expect(await resolve(stack.grafanaService)).toBe("obs/kps-grafana");
  });

  it("gives the operator chart values its schema accepts", async () => {
    await declare({ sources: withExamples, operator: { replicas: 2, image: { repository: "registry.example.com/slo", tag: "0.1.0" } } });
    const schema = JSON.parse(readFileSync(join(operatorChartDir(), "values.schema.json"), "utf8")) as object;
    const check = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const values = operatorValues();
    expect(check(values) ? [] : check.errors).toEqual([]);
    // The check can fail: a misspelt key is refused.
    expect(check(coalesceValues(values, { replicas: 2 }))).toBe(false);
  });

  it("merges extra values over the computed ones", async () => {
    await declare({
      sources: weekOnly,
      kubePrometheusStack: { values: { prometheus: { prometheusSpec: { retentionSize: "45GB" } }, grafana: { persistence: { enabled: true } } } },
      operator: { values: { logLevel: "debug" } },
    });
    expect(kpsValues().prometheus.prometheusSpec).toMatchObject({ retention: "14d", retentionSize: "45GB" });
    expect(kpsValues()).toMatchObject({ grafana: { persistence: { enabled: true }, sidecar: { dashboards: { enabled: true } } } });
    expect(operatorValues()).toMatchObject({ logLevel: "debug", prometheus: { url: expect.any(String) as unknown } });
  });
});

describe("Alertmanager", () => {
  const config = () => {
    const secret = recorded.find((r) => r.type === types.secret && (r.inputs["metadata"] as { name: string }).name === "kube-prometheus-stack-alertmanager-config");
    if (!secret) throw new Error("no Alertmanager configuration Secret");
    const data = unwrapSecrets(secret.inputs["stringData"]) as Record<string, string>;
    return parse(data[alertmanagerConfigKey]!) as {
      route: { routes: { receiver: string; matchers: string[]; group_by?: string[] }[] };
      receivers: { name: string; webhook_configs?: { url: string }[] }[];
    };
  };

  it("routes page and ticket alerts to their receivers, one group per SLA objective", async () => {
    await declare({ sources: weekOnly, pagerWebhookUrl: pulumi.secret(pagerUrl), ticketWebhookUrl: pulumi.secret(ticketUrl) });
    expect(kpsValues().alertmanager.alertmanagerSpec).toEqual({ useExistingSecret: true, configSecret: "kube-prometheus-stack-alertmanager-config" });
    const { route, receivers } = config();
    const page = route.routes.find((r) => r.matchers.includes('severity =~ "critical|page"'));
    const ticket = route.routes.find((r) => r.matchers.includes('severity =~ "warning|ticket"'));
    expect(page).toMatchObject({ receiver: receiverNames.page, group_by: [...slaGroupBy] });
    expect(ticket).toMatchObject({ receiver: receiverNames.ticket, group_by: [...slaGroupBy] });
    expect(slaGroupBy).toEqual(["sla_namespace", "sla", "objective"]);
    expect(receivers.find((r) => r.name === receiverNames.page)?.webhook_configs).toEqual([{ url: pagerUrl, send_resolved: true }]);
    expect(receivers.find((r) => r.name === receiverNames.ticket)?.webhook_configs).toEqual([{ url: ticketUrl, send_resolved: true }]);
  });

  it("keeps the routes without webhooks, with receivers that drop the alerts", async () => {
    await declare({ sources: weekOnly });
    const { route, receivers } = config();
    expect(route.routes.map((r) => r.receiver)).toEqual([receiverNames.none, receiverNames.page, receiverNames.ticket]);
    expect(receivers.map((r) => r.webhook_configs)).toEqual([undefined, undefined, undefined]);
  });
});

describe("secrets stay secret", () => {
  it("the Grafana password and the webhook URLs are secret inputs and appear nowhere in plain", async () => {
    const stack = await declare({ sources: withExamples, pagerWebhookUrl: pulumi.secret(pagerUrl), ticketWebhookUrl: pulumi.secret(ticketUrl) });
    const grafana = recorded.find((r) => r.type === types.secret && (r.inputs["metadata"] as { name: string }).name === "kube-prometheus-stack-grafana-admin");
    const alertmanager = recorded.find((r) => r.type === types.secret && (r.inputs["metadata"] as { name: string }).name === "kube-prometheus-stack-alertmanager-config");
    expect(isSecretInput(grafana?.inputs["stringData"])).toBe(true);
    expect(isSecretInput(alertmanager?.inputs["stringData"])).toBe(true);
    expect(unwrapSecrets(grafana?.inputs["stringData"])).toEqual({ "admin-user": "admin", "admin-password": password });
    // Grafana reads the password from that Secret; the Helm values only name it.
    expect(kpsValues().grafana.admin).toEqual({ existingSecret: "kube-prometheus-stack-grafana-admin", userKey: "admin-user", passwordKey: "admin-password" });
    for (const resource of recorded) {
      const leaks = plainStrings(resource.inputs).filter((s) => secretsInPlain.some((secret) => s.includes(secret)));
      expect(leaks, `${resource.type} ${resource.name}`).toEqual([]);
    }
    for (const output of [stack.namespace, stack.prometheusUrl, stack.grafanaUrl, stack.alertmanagerUrl, stack.grafanaService]) {
      expect(await pulumi.isSecret(output)).toBe(false);
      const text = JSON.stringify(await resolve(output as pulumi.Output<unknown>));
      expect(secretsInPlain.filter((s) => text.includes(s))).toEqual([]);
    }
  });

  it("a password given as a plain string is made secret all the same", async () => {
    await declare({ sources: weekOnly, grafanaAdminPassword: password, pagerWebhookUrl: pagerUrl });
    for (const resource of recorded) {
      expect(plainStrings(resource.inputs).filter((s) => s.includes(password) || s.includes("PAGER-SECRET")), `${resource.type} ${resource.name}`).toEqual([]);
    }
  });
});

describe("arguments it refuses", () => {
  it("an empty rule label set, which would select every rule", () => {
    expect(() => new ServiceLevelStack("bad", { sources: weekOnly, grafanaAdminPassword: "x", ruleLabels: {} })).toThrow(/ruleLabels must not be empty/);
  });

  it("a release name kube-prometheus-stack would truncate", () => {
    expect(() => new ServiceLevelStack("bad", { sources: weekOnly, grafanaAdminPassword: "x", kubePrometheusStack: { releaseName: "a-very-long-monitoring-stack-name" } })).toThrow(/at most 26/);
  });

  it("a repository chart without a version", () => {
    expect(() => new ServiceLevelStack("bad", { sources: weekOnly, grafanaAdminPassword: "x", operator: { chart: "oci://example/chart" } })).toThrow(/give its version/);
  });
});
