// The Helm chart rendered by the real helm (`helm lint --strict`, `helm template`), with default and
// non-default values, and assertions on the objects: the hardened pod, RBAC without wildcards and
// equal to the operator's calls, PodDisruptionBudget and leader election iff more than one replica,
// the container's flags following the values, and those flags accepted by `slactl run` itself.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseRunFlags, runHelp } from "../../operator/src/cli/run.js";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { CHART_DIR, ensureHelm, lint, one, render, template, type K8sObject } from "./helm.js";
import { grantedKeys, keysOf, operatorPermissions, permissionKey, type PolicyRule } from "./operator-permissions.js";

const HOOK_TIMEOUT = 30 * 60_000; // building helm on a cold Go cache takes minutes

interface Container {
  name: string;
  image: string;
  args: string[];
  ports: { name: string; containerPort: number }[];
  securityContext: Record<string, unknown>;
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

interface PodSpec {
  serviceAccountName: string;
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string } }[];
  nodeSelector?: Record<string, string>;
  tolerations?: unknown[];
  affinity?: unknown;
}

function podOf(objects: K8sObject[]): { spec: PodSpec; annotations: Record<string, string>; labels: Record<string, string> } {
  const deployment = one(objects, "Deployment") as unknown as { spec: { template: { metadata: { annotations: Record<string, string>; labels: Record<string, string> }; spec: PodSpec } } };
  return { spec: deployment.spec.template.spec, ...deployment.spec.template.metadata };
}

function containerOf(objects: K8sObject[]): Container {
  const [container, ...others] = podOf(objects).spec.containers;
  expect(others).toEqual([]);
  return container as Container;
}

const kinds = (objects: K8sObject[]): string[] => objects.map((o) => o.kind).sort();
const rulesOf = (o: K8sObject): PolicyRule[] => (o["rules"] as PolicyRule[] | undefined) ?? [];
const sorted = (s: Iterable<string>): string[] => [...s].sort();

/** Every non-default value this test suite sets, in one place. */
const nonDefault = {
  replicaCount: 2,
  watchNamespaces: ["shop", "vendors"],
  labelSelector: "team in (payments,orders)",
  ruleLabels: { release: "monitoring", "example.com/tier": "gold" },
  concurrency: 8,
  resyncPeriod: "30m",
  watchStaleAfter: "5m",
  logLevel: "debug",
  policiesDir: "/etc/servicelevel-operator/policies",
  prometheus: {
    url: "https://prometheus.monitoring.svc:9091",
    evaluationInterval: "2m",
    maxResponseBytes: 33554432,
    existingSecret: "prometheus-credentials",
    bearerTokenKey: "token",
    basicAuth: { username: "", passwordKey: "" },
    tls: { caKey: "ca.crt", insecureSkipVerify: false },
  },
  serviceMonitor: { enabled: true, labels: { release: "kube-prometheus-stack" }, interval: "15s", scrapeTimeout: "10s" },
  image: { repository: "registry.example.com/slo/operator", tag: "1.2.3", digest: "", pullPolicy: "Always" },
  podAnnotations: { "example.com/scrape": "false" },
  podLabels: { team: "platform" },
  nodeSelector: { "kubernetes.io/os": "linux" },
  tolerations: [{ key: "dedicated", operator: "Equal", value: "platform", effect: "NoSchedule" }],
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/arch", operator: "In", values: ["amd64", "arm64"] }] }] } } },
  extraVolumes: [{ name: "policies", configMap: { name: "slo-policies" } }],
  extraVolumeMounts: [{ name: "policies", mountPath: "/etc/servicelevel-operator/policies", readOnly: true }],
};

/** Flags that the running operator must accept: the chart's args after `run`. */
function flagsOf(container: Container): string[] {
  expect(container.args[0]).toBe("run");
  return container.args.slice(1);
}

const operatorHasPrometheusFlags = runHelp.includes("--prometheus-url");

beforeAll(async () => {
  await ensureHelm();
}, HOOK_TIMEOUT);

describe("the chart's metadata", () => {
  it("is a v2 chart whose appVersion is the package version", () => {
    const chart = parse(readFileSync(join(CHART_DIR, "Chart.yaml"), "utf8")) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(chart["apiVersion"]).toBe("v2");
    expect(chart["name"]).toBe("servicelevel-operator");
    expect(chart["appVersion"]).toBe(pkg.version);
  });

  it("ships byte-identical copies of the repository's CRDs in crds/ (regular files, not links)", () => {
    const repoCrds = readdirSync(join(REPO_ROOT, "crds")).filter((f) => f.endsWith(".yaml")).sort();
    const chartCrds = readdirSync(join(CHART_DIR, "crds"), { withFileTypes: true });
    expect(chartCrds.map((f) => f.name).sort()).toEqual(repoCrds);
    for (const entry of chartCrds) {
      expect(entry.isFile(), `${entry.name} is a regular file`).toBe(true);
      expect(readFileSync(join(CHART_DIR, "crds", entry.name), "utf8"), `charts/servicelevel-operator/crds/${entry.name} differs from crds/${entry.name}: copy it`)
        .toBe(readFileSync(join(REPO_ROOT, "crds", entry.name), "utf8"));
    }
  });
});

describe("helm lint --strict", () => {
  it("passes with the default values", async () => {
    const r = await lint();
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("passes with non-default values", async () => {
    const r = await lint(nonDefault);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});

describe("helm template with the default values", () => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render(undefined, { release: "slo", namespace: "slo-system" });
  });

  it("renders the operator's objects and the two dashboard ConfigMaps (the SLA dashboard replaces one per SLA), nothing else optional", () => {
    expect(kinds(objects)).toEqual(["ClusterRole", "ClusterRoleBinding", "ConfigMap", "ConfigMap", "Deployment", "Service", "ServiceAccount"]);
    for (const o of objects.filter((x) => !x.kind.startsWith("Cluster"))) expect(o.metadata.namespace, `${o.kind} namespace`).toBe("slo-system");
  });

  it("runs one replica without leader election, with the default flags", () => {
    expect((one(objects, "Deployment")["spec"] as { replicas: number }).replicas).toBe(1);
    expect(containerOf(objects).args).toEqual([
      "run",
      "--metrics-addr=:8080",
      "--health-addr=:8081",
      "--log-level=info",
      "--concurrency=4",
      "--resync-period=10m",
      "--watch-stale-after=3m",
      "--rule-label=release=kube-prometheus-stack",
    ]);
  });

  it("hardens the pod: non-root 65532, read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp", () => {
    const pod = podOf(objects).spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } });
    const c = containerOf(objects);
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      privileged: false,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    // A writable /tmp, since the root filesystem is not.
    expect(c.volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
  });

  it("sets resource requests and limits, and probes /healthz and /readyz on the health port", () => {
    const c = containerOf(objects);
    expect(Object.keys(c.resources.requests ?? {}).sort()).toEqual(["cpu", "memory"]);
    expect(Object.keys(c.resources.limits ?? {}).sort()).toEqual(["cpu", "memory"]);
    expect(c.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "health" });
    expect(c.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "health" });
    expect(c.ports).toEqual([
      { name: "metrics", containerPort: 8080, protocol: "TCP" },
      { name: "health", containerPort: 8081, protocol: "TCP" },
    ]);
  });

  it("keeps V8's heap under the memory limit (Node 20 does not size it from the container), and leaves Node's default when heapLimitMiB is null", async () => {
    const env = (c: Container) => (c as unknown as { env?: { name: string; value?: string }[] }).env ?? [];
    const limitMiB = Number(/^(\d+)Mi$/.exec(containerOf(objects).resources.limits?.["memory"] ?? "")?.[1]);
    const heap = Number(/^--max-old-space-size=(\d+)$/.exec(env(containerOf(objects)).find((e) => e.name === "NODE_OPTIONS")?.value ?? "")?.[1]);
    expect(limitMiB).toBe(512);
    expect(heap).toBe(384);
    expect(heap).toBeLessThanOrEqual(0.8 * limitMiB);
    const unset = containerOf(await render({ heapLimitMiB: null }));
    expect(env(unset).map((e) => e.name)).not.toContain("NODE_OPTIONS");
    const tiny = await template({ heapLimitMiB: 16 });
    expect(tiny.code).not.toBe(0);
    expect(tiny.stderr).toMatch(/heapLimitMiB/);
  });

  it("pulls the image tagged with the chart's appVersion", () => {
    const chart = parse(readFileSync(join(CHART_DIR, "Chart.yaml"), "utf8")) as { appVersion: string };
    expect(containerOf(objects).image).toBe(`ghcr.io/servicelevel-dev/servicelevel-operator:${chart.appVersion}`);
  });

  it("binds the ClusterRole to the chart's ServiceAccount, which the pod runs as", () => {
    const sa = one(objects, "ServiceAccount").metadata.name;
    expect(podOf(objects).spec.serviceAccountName).toBe(sa);
    expect(one(objects, "ClusterRoleBinding")).toMatchObject({
      roleRef: { kind: "ClusterRole", name: one(objects, "ClusterRole").metadata.name },
      subjects: [{ kind: "ServiceAccount", name: sa, namespace: "slo-system" }],
    });
  });

  it("grants exactly the operator's permissions, without wildcards", () => {
    const rules = rulesOf(one(objects, "ClusterRole"));
    for (const rule of rules) {
      for (const field of [rule.apiGroups, rule.resources, rule.verbs, rule.resourceNames ?? []]) expect(field).not.toContain("*");
      expect(rule.nonResourceURLs).toBeUndefined();
    }
    expect(sorted(grantedKeys(rules))).toEqual(sorted(keysOf(operatorPermissions, "watched")));
  });

  it("exposes the metrics port through a Service that selects the operator's pods", () => {
    const service = one(objects, "Service") as unknown as { spec: { selector: Record<string, string>; ports: unknown[] } };
    expect(service.spec.ports).toEqual([{ name: "metrics", port: 8080, targetPort: "metrics", protocol: "TCP" }]);
    const labels = podOf(objects).labels;
    for (const [k, v] of Object.entries(service.spec.selector)) expect(labels[k]).toBe(v);
  });
});

describe("helm template with non-default values", () => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render(nonDefault, { release: "slo", namespace: "slo-system" });
  });

  it("renders a Role and RoleBinding per watched namespace and nothing cluster-wide", () => {
    expect(objects.filter((o) => o.kind.startsWith("Cluster"))).toEqual([]);
    const roles = objects.filter((o) => o.kind === "Role" && !o.metadata.name.endsWith("-leader-election"));
    expect(roles.map((r) => r.metadata.namespace).sort()).toEqual(["shop", "vendors"]);
    for (const role of roles) expect(sorted(grantedKeys(rulesOf(role)))).toEqual(sorted(keysOf(operatorPermissions, "watched")));
    const bindings = objects.filter((o) => o.kind === "RoleBinding" && !o.metadata.name.endsWith("-leader-election"));
    expect(bindings.map((b) => b.metadata.namespace).sort()).toEqual(["shop", "vendors"]);
  });

  it("turns on leader election with two replicas, with the Lease's Role in the release namespace", () => {
    const args = containerOf(objects).args;
    expect(args).toContain("--leader-elect");
    expect(args).toContain("--leader-election-namespace=slo-system");
    expect(args).toContain("--leader-election-id=servicelevel-operator");
    const lease = one(objects, "Role", "slo-servicelevel-operator-leader-election");
    expect(lease.metadata.namespace).toBe("slo-system");
    expect(rulesOf(lease)).toEqual([
      { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"] },
      { apiGroups: ["coordination.k8s.io"], resources: ["leases"], resourceNames: ["servicelevel-operator"], verbs: ["get", "update"] },
    ]);
    expect(sorted(grantedKeys(rulesOf(lease)))).toEqual(sorted(keysOf(operatorPermissions, "release")));
    expect(one(objects, "RoleBinding", "slo-servicelevel-operator-leader-election")).toMatchObject({ roleRef: { kind: "Role", name: lease.metadata.name } });
  });

  it("adds a PodDisruptionBudget with two replicas", () => {
    expect(one(objects, "PodDisruptionBudget")).toMatchObject({ spec: { minAvailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "servicelevel-operator", "app.kubernetes.io/instance": "slo" } } } });
  });

  it("passes every value as its flag, and the Prometheus credentials as mounted files", () => {
    expect(containerOf(objects).args).toEqual([
      "run",
      "--metrics-addr=:8080",
      "--health-addr=:8081",
      "--log-level=debug",
      "--concurrency=8",
      "--resync-period=30m",
      "--watch-stale-after=5m",
      "--namespace=shop",
      "--namespace=vendors",
      "--label-selector=team in (payments,orders)",
      "--rule-label=example.com/tier=gold",
      "--rule-label=release=monitoring",
      "--policies=/etc/servicelevel-operator/policies",
      "--leader-elect",
      "--leader-election-namespace=slo-system",
      "--leader-election-id=servicelevel-operator",
      "--lease-duration=15s",
      "--renew-deadline=10s",
      "--retry-period=2s",
      "--prometheus-url=https://prometheus.monitoring.svc:9091",
      "--evaluation-interval=2m",
      "--prometheus-max-response-bytes=33554432",
      "--prometheus-bearer-token-file=/etc/servicelevel-operator/prometheus/token",
      "--prometheus-ca-file=/etc/servicelevel-operator/prometheus/ca.crt",
    ]);
    const pod = podOf(objects).spec;
    expect(pod.volumes).toContainEqual({ name: "prometheus-credentials", secret: { secretName: "prometheus-credentials", defaultMode: 0o440 } });
    expect(containerOf(objects).volumeMounts).toContainEqual({ name: "prometheus-credentials", mountPath: "/etc/servicelevel-operator/prometheus", readOnly: true });
    // Nothing secret in the environment or the args.
    expect(JSON.stringify(containerOf(objects))).not.toMatch(/secretKeyRef/);
  });

  it("passes basic auth as a user name and a password file", async () => {
    const basic = await render({ prometheus: { url: "http://prometheus:9090", existingSecret: "prom", basicAuth: { username: "slo", passwordKey: "password" } } });
    const args = containerOf(basic).args;
    expect(args).toContain("--prometheus-basic-auth-username=slo");
    expect(args).toContain("--prometheus-basic-auth-password-file=/etc/servicelevel-operator/prometheus/password");
    expect(args.some((a) => a.startsWith("--prometheus-bearer-token-file"))).toBe(false);
    const insecure = containerOf(await render({ prometheus: { url: "https://prometheus:9090", tls: { insecureSkipVerify: true } } })).args;
    expect(insecure).toContain("--prometheus-insecure-skip-verify");
  });

  it("creates a ServiceMonitor for the metrics Service when asked", () => {
    const sm = one(objects, "ServiceMonitor");
    expect(sm.metadata.labels?.["release"]).toBe("kube-prometheus-stack");
    expect(sm["spec"]).toEqual({
      selector: { matchLabels: { "app.kubernetes.io/name": "servicelevel-operator", "app.kubernetes.io/instance": "slo" } },
      namespaceSelector: { matchNames: ["slo-system"] },
      endpoints: [{ port: "metrics", path: "/metrics", interval: "15s", scrapeTimeout: "10s" }],
    });
  });

  it("places the pod as told: image, node selector, tolerations, affinity, annotations, labels, extra volumes", () => {
    const pod = podOf(objects);
    expect(containerOf(objects).image).toBe("registry.example.com/slo/operator:1.2.3");
    expect(pod.spec.nodeSelector).toEqual(nonDefault.nodeSelector);
    expect(pod.spec.tolerations).toEqual(nonDefault.tolerations);
    expect(pod.spec.affinity).toEqual(nonDefault.affinity);
    expect(pod.annotations).toMatchObject(nonDefault.podAnnotations);
    expect(pod.labels).toMatchObject(nonDefault.podLabels);
    expect(pod.spec.volumes).toContainEqual(nonDefault.extraVolumes[0]);
    expect(containerOf(objects).volumeMounts).toContainEqual(nonDefault.extraVolumeMounts[0]);
  });

  it("pulls by digest when one is given", async () => {
    const digest = `sha256:${"a".repeat(64)}`;
    expect(containerOf(await render({ image: { digest } })).image).toBe(`ghcr.io/servicelevel-dev/servicelevel-operator@${digest}`);
  });
});

describe("leader election and the PodDisruptionBudget follow the replica count", () => {
  it.each([
    { values: { replicaCount: 1 }, leader: false, pdb: false },
    { values: { replicaCount: 3 }, leader: true, pdb: true },
    { values: { replicaCount: 1, leaderElection: { enabled: true } }, leader: true, pdb: false },
  ])("$values: leader election $leader, PodDisruptionBudget $pdb", async ({ values, leader, pdb }) => {
    const objects = await render(values);
    expect(containerOf(objects).args.includes("--leader-elect")).toBe(leader);
    expect(objects.some((o) => o.kind === "Role" && o.metadata.name.endsWith("-leader-election"))).toBe(leader);
    expect(objects.some((o) => o.kind === "PodDisruptionBudget")).toBe(pdb);
  });
});

describe("the flags the chart renders are the ones `slactl run` accepts", () => {
  it("with the default values", async () => {
    const flags = flagsOf(containerOf(await render()));
    const parsed = parseRunFlags(flags, () => "slo-system");
    expect(parsed).not.toBe("help");
    expect(parsed).toMatchObject({ metricsAddr: ":8080", healthAddr: ":8081", concurrency: 4, ruleLabels: { release: "kube-prometheus-stack" }, leaderElection: undefined });
  });

  it("with every non-default value except Prometheus'", async () => {
    const { prometheus: _prometheus, ...values } = nonDefault;
    const flags = flagsOf(containerOf(await render(values)));
    expect(parseRunFlags(flags, () => undefined)).toMatchObject({
      namespaces: ["shop", "vendors"],
      labelSelector: "team in (payments,orders)",
      concurrency: 8,
      ruleLabels: { release: "monitoring", "example.com/tier": "gold" },
      resyncPeriodMs: 30 * 60_000,
      watchStaleAfterMs: 5 * 60_000,
      policies: "/etc/servicelevel-operator/policies",
      logLevel: "debug",
      leaderElection: { namespace: "slo-system", name: "servicelevel-operator", leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 },
    });
  });

  // The Prometheus flags arrive with the operator's evaluation; until `slactl run --help` documents
  // them this is skipped (and says so), after that it runs.
  it.skipIf(!operatorHasPrometheusFlags)("with the Prometheus values (bearer token, basic auth, CA, insecure)", async () => {
    for (const prometheus of [
      nonDefault.prometheus,
      { url: "http://prometheus:9090", existingSecret: "prom", basicAuth: { username: "slo", passwordKey: "password" } },
      { url: "https://prometheus:9090", tls: { insecureSkipVerify: true } },
    ]) {
      const flags = flagsOf(containerOf(await render({ prometheus })));
      expect(() => parseRunFlags(flags, () => undefined), flags.join(" ")).not.toThrow();
    }
  });

  it("passes the Prometheus answer cap to `slactl run` (64 MiB by default)", async () => {
    const parse = async (prometheus: Record<string, unknown>) =>
      parseRunFlags(flagsOf(containerOf(await render({ prometheus }))), () => undefined) as { prometheus?: { maxResponseBytes?: number } };
    expect((await parse({ url: "http://p:9090" })).prometheus?.maxResponseBytes).toBe(64 * 1024 * 1024);
    expect((await parse(nonDefault.prometheus)).prometheus?.maxResponseBytes).toBe(33554432);
  });

  it("every flag the chart can render is documented by `slactl run --help`", async () => {
    const everything = [nonDefault, { prometheus: { url: "http://p:9090", existingSecret: "s", basicAuth: { username: "u", passwordKey: "p" }, tls: { insecureSkipVerify: true } } }];
    const names = new Set<string>();
    for (const values of everything) {
      for (const flag of flagsOf(containerOf(await render(values)))) names.add(flag.replace(/=.*/, ""));
    }
    const undocumented = [...names].filter((n) => !runHelp.includes(n));
    const pending = operatorHasPrometheusFlags ? [] : undocumented.filter((n) => n.startsWith("--prometheus-") || n === "--evaluation-interval");
    expect(undocumented.filter((n) => !pending.includes(n))).toEqual([]);
  });
});

it("lists each operator permission once", () => {
  const keys = operatorPermissions.map(permissionKey);
  expect(new Set(keys).size).toBe(keys.length);
});
