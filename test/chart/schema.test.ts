// Bad values fail at install time, not in the running pod. values.schema.json rejects what a JSON
// schema can express: types, patterns, enums, unknown keys, and combinations (credentials without
// a Secret, both bearer and basic auth, ...); both `helm lint --strict` and `helm template` (so
// `helm install`) fail on those, naming the field. What compares two numbers (a PodDisruptionBudget
// that blocks every eviction, one port for metrics and health) is a `fail` in the templates: it
// stops `helm template` and `helm install`, while `helm lint` only reports it as [INFO], because
// Helm's lint mode turns `fail` and `required` into messages by design.
import { beforeAll, describe, expect, it } from "vitest";
import { ensureHelm, lint, template } from "./helm.js";

const HOOK_TIMEOUT = 30 * 60_000;

beforeAll(async () => {
  await ensureHelm();
}, HOOK_TIMEOUT);

interface BadCase {
  name: string;
  values: Record<string, unknown>;
  /** A piece of helm's message: the field path (schema) or the sentence of the fail check. */
  message: string;
}

const schemaCases: BadCase[] = [
  { name: "an unknown top-level key (a typo of replicaCount)", values: { replicas: 2 }, message: "additional properties 'replicas' not allowed" },
  { name: "an unknown nested key", values: { prometheus: { token: "x" } }, message: "additional properties 'token' not allowed" },
  { name: "a negative replica count", values: { replicaCount: -1 }, message: "/replicaCount" },
  { name: "a replica count as a string", values: { replicaCount: "2" }, message: "/replicaCount" },
  { name: "an unknown log level", values: { logLevel: "loud" }, message: "/logLevel" },
  { name: "a namespace that is not a DNS label", values: { watchNamespaces: ["Shop"] }, message: "/watchNamespaces/0" },
  { name: "a namespace listed twice", values: { watchNamespaces: ["shop", "shop"] }, message: "/watchNamespaces" },
  { name: "a rule label key with spaces", values: { ruleLabels: { "my label": "x" } }, message: "invalid propertyName 'my label'" },
  { name: "a rule label value that is not a label value", values: { ruleLabels: { release: "kube prometheus" } }, message: "/ruleLabels/release" },
  { name: "a zero resync period", values: { resyncPeriod: "0s" }, message: "/resyncPeriod" },
  { name: "a resync period in words", values: { resyncPeriod: "5 minutes" }, message: "/resyncPeriod" },
  { name: "a concurrency of 0", values: { concurrency: 0 }, message: "/concurrency" },
  { name: "a Prometheus URL without a scheme", values: { prometheus: { url: "prometheus:9090" } }, message: "/prometheus/url" },
  { name: "an evaluation interval that is not a duration", values: { prometheus: { url: "http://p:9090", evaluationInterval: "often" } }, message: "/prometheus/evaluationInterval" },
  { name: "an answer cap below 1 KiB", values: { prometheus: { url: "http://p:9090", maxResponseBytes: 100 } }, message: "/prometheus/maxResponseBytes" },
  { name: "an answer cap as a quantity string", values: { prometheus: { url: "http://p:9090", maxResponseBytes: "64Mi" } }, message: "/prometheus/maxResponseBytes" },
  { name: "a Secret key with a slash", values: { prometheus: { url: "http://p:9090", existingSecret: "s", bearerTokenKey: "a/b" } }, message: "/prometheus/bearerTokenKey" },
  { name: "an unknown pull policy", values: { image: { pullPolicy: "Sometimes" } }, message: "/image/pullPolicy" },
  { name: "a digest that is not sha256", values: { image: { digest: "latest" } }, message: "/image/digest" },
  { name: "a port out of range", values: { metrics: { port: 70000 } }, message: "/metrics/port" },
  { name: "a ServiceMonitor interval with units out of order", values: { serviceMonitor: { enabled: true, interval: "30s1m" } }, message: "/serviceMonitor/interval" },
  { name: "serviceMonitor.enabled as a string", values: { serviceMonitor: { enabled: "yes" } }, message: "/serviceMonitor/enabled" },
  { name: "an extra arg that is not a flag", values: { extraArgs: ["run"] }, message: "/extraArgs/0" },
  { name: "a memory limit that is not a quantity", values: { resources: { limits: { memory: "lots" } } }, message: "/resources/limits/memory" },
  { name: "a pod annotation that is not a string", values: { podAnnotations: { "example.com/x": 1 } }, message: "/podAnnotations/example.com~1x" },
  { name: "a lease name with capitals", values: { leaderElection: { leaseName: "Operator" } }, message: "/leaderElection/leaseName" },
  { name: "a bearer token key without a Secret", values: { prometheus: { url: "http://p:9090", bearerTokenKey: "token" } }, message: "/prometheus/existingSecret" },
  { name: "both bearer token and basic auth", values: { prometheus: { url: "http://p:9090", existingSecret: "s", bearerTokenKey: "token", basicAuth: { username: "u", passwordKey: "p" } } }, message: "at '/prometheus': 'not' failed" },
  { name: "a basic auth user without a password key", values: { prometheus: { url: "http://p:9090", existingSecret: "s", basicAuth: { username: "u" } } }, message: "/prometheus/basicAuth/passwordKey" },
  { name: "a basic auth password key without a user", values: { prometheus: { url: "http://p:9090", existingSecret: "s", basicAuth: { passwordKey: "p" } } }, message: "/prometheus/basicAuth/passwordKey" },
  { name: "a Secret that names no key", values: { prometheus: { url: "http://p:9090", existingSecret: "s" } }, message: "/prometheus/existingSecret" },
  { name: "credentials without a Prometheus URL", values: { prometheus: { existingSecret: "s", bearerTokenKey: "token" } }, message: "/prometheus/existingSecret" },
  { name: "skipping TLS verification without a Prometheus URL", values: { prometheus: { tls: { insecureSkipVerify: true } } }, message: "/prometheus/tls/insecureSkipVerify" },
  { name: "an existing ServiceAccount without a name", values: { serviceAccount: { create: false } }, message: "/serviceAccount/name" },
];

const failCases: BadCase[] = [
  { name: "metrics and health on one port", values: { metrics: { port: 9000 }, health: { port: 9000 } }, message: "metrics.port and health.port must differ" },
  { name: "a PodDisruptionBudget that could never allow an eviction", values: { replicaCount: 2, podDisruptionBudget: { minAvailable: 2 } }, message: "minAvailable must be below replicaCount" },
];

describe("values.schema.json rejects bad values", () => {
  it.each(schemaCases)("$name", async ({ values, message }) => {
    const t = await template(values);
    expect(t.code, t.stdout).not.toBe(0);
    expect(t.stderr).toContain("values don't meet the specifications of the schema");
    expect(t.stderr).toContain(message);
    const l = await lint(values);
    expect(l.code).not.toBe(0);
    expect(l.stdout + l.stderr).toContain(message);
  });
});

describe("the chart's checks stop helm template and install on values that contradict each other", () => {
  it.each(failCases)("$name", async ({ values, message }) => {
    const t = await template(values);
    expect(t.code, t.stdout).not.toBe(0);
    expect(t.stderr).toContain(message);
  });
});

describe("the same values, corrected, are accepted", () => {
  it.each([
    { name: "bearer token from a Secret", values: { prometheus: { url: "http://p:9090", existingSecret: "s", bearerTokenKey: "token" } } },
    { name: "basic auth from a Secret", values: { prometheus: { url: "http://p:9090", existingSecret: "s", basicAuth: { username: "u", passwordKey: "p" } } } },
    { name: "a CA only", values: { prometheus: { url: "https://p:9090", existingSecret: "s", tls: { caKey: "ca.crt" } } } },
    { name: "an existing ServiceAccount", values: { serviceAccount: { create: false, name: "platform-operator" }, rbac: { create: false } } },
    { name: "a PodDisruptionBudget below the replica count", values: { replicaCount: 3, podDisruptionBudget: { minAvailable: 2 } } },
    { name: "a Kubernetes label key as a rule label", values: { ruleLabels: { "prometheus.example.com/rules": "slo" } } },
    { name: "compound durations", values: { resyncPeriod: "1h30m", serviceMonitor: { enabled: true, interval: "1m30s" } } },
  ])("$name", async ({ values }) => {
    const t = await template(values);
    expect(t.code, t.stderr).toBe(0);
  });
});
