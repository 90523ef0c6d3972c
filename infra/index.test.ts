// The program of Pulumi.yaml (infra/index.ts) under mocks, driven by stack configuration the way
// `pulumi up` drives it. The program declares its resources at the top level, so each case sets
// the mocks and the config first and then imports a fresh copy of the module.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configKeys, readPaths } from "./config.js";
import type * as ProgramModule from "./index.js";
import { isSecretInput, one, plainStrings, quiescent, resolve, setupMocks, types, unwrapSecrets, type RecordedResource } from "./test-support.js";

const password = "s3cret-grafana-admin";
const pager = "https://events.pager.example.com/v2/enqueue?routing_key=R0UTING-KEY";
const ticket = "https://tickets.example.com/api/alerts?token=T1CKET-TOKEN";
const secrets = [password, "R0UTING-KEY", "T1CKET-TOKEN"];

type Program = typeof ProgramModule;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "slo-program-"));
  writeFileSync(join(tmp, "weekly.yaml"), `apiVersion: servicelevel.dev/v1alpha1
kind: ServiceLevelAgreement
metadata: {name: batch, namespace: data}
spec:
  service: batch
  owner: team-data
  period: {calendar: week, timeZone: UTC}
  objectives:
    - name: success
      target: 99
      indicator: {raw: {errorRatio: "1 - avg_over_time(up{job=\\"batch\\"}[{{window}}])"}}
`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A fresh instance of the program module for each run: the query string makes it a new module,
// while the modules it imports stay loaded (a full vi.resetModules() would reload the compiler too).
let runs = 0;
const importProgram = () => import(/* @vite-ignore */ `./index.js?run=${++runs}`) as Promise<Program>;

/** Runs the program with this stack config (keys without the project prefix) and waits for its resources. */
async function run(config: Record<string, string>, secretKeys: string[] = ["grafanaAdminPassword"]): Promise<{ program: Program; recorded: RecordedResource[] }> {
  const recorded = await setupMocks(config, secretKeys);
  const program = await importProgram();
  // Every resource has been declared once the program module is evaluated; wait for their registration.
  await resolve(pulumi.all([program.namespace, program.prometheusUrl, program.grafanaService]));
  await quiescent(recorded);
  return { program, recorded };
}

const exported = async (program: Program) => {
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(program)) outputs[key] = pulumi.Output.isInstance(value) ? await resolve(value as pulumi.Output<unknown>) : value;
  return outputs;
};

describe("the program", () => {
  it("runs with nothing but the Grafana password and exports where things are", async () => {
    const { program, recorded } = await run({ grafanaAdminPassword: password });
    expect(await exported(program)).toEqual({
      namespace: "monitoring",
      prometheusUrl: "http://kube-prometheus-stack-prometheus.monitoring.svc:9090",
      alertmanagerUrl: "http://kube-prometheus-stack-alertmanager.monitoring.svc:9093",
      grafanaUrl: "http://kube-prometheus-stack-grafana.monitoring.svc",
      grafanaService: "monitoring/kube-prometheus-stack-grafana",
      grafanaPortForward: "kubectl -n monitoring port-forward svc/kube-prometheus-stack-grafana 3000:80",
      // The examples are the default SLA folder: their longest period is a calendar quarter.
      prometheusRetention: "99d",
      longestSlaPeriod: "support/support-response: 92d",
      ruleLabels: { release: "kube-prometheus-stack" },
      exampleSlas: 0,
    });
    expect(recorded.filter((r) => r.type === types.release)).toHaveLength(2);
    expect(recorded.filter((r) => r.type === types.crd)).toHaveLength(1);
    expect(recorded.filter((r) => r.type === types.sla)).toHaveLength(0);
    expect(one(recorded, types.release, "servicelevel-kube-prometheus-stack").inputs["version"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("installs the examples, with the webhooks, and keeps every secret out of plain sight", async () => {
    const { program, recorded } = await run({
      grafanaAdminPassword: password, installExamples: "true", pagerWebhookUrl: pager, ticketWebhookUrl: ticket,
      namespace: "observability", kubePrometheusStackVersion: "79.1.0", operatorReplicas: "2", prometheusStorageSize: "100Gi",
    }, ["grafanaAdminPassword", "pagerWebhookUrl", "ticketWebhookUrl"]);
    expect(recorded.filter((r) => r.type === types.sla).length).toBeGreaterThanOrEqual(5);
    expect(program.exampleSlas).toBe(recorded.filter((r) => r.type === types.sla).length);
    const kps = one(recorded, types.release, "servicelevel-kube-prometheus-stack").inputs;
    expect(kps).toMatchObject({ version: "79.1.0", namespace: "observability" });
    const values = unwrapSecrets(kps["values"]) as { prometheus: { prometheusSpec: { storageSpec: unknown } } };
    expect(JSON.stringify(values.prometheus.prometheusSpec.storageSpec)).toContain("100Gi");
    expect(unwrapSecrets(one(recorded, types.release, "servicelevel-operator").inputs["values"])).toMatchObject({ replicaCount: 2 });

    const amSecret = recorded.find((r) => r.type === types.secret && r.name === "servicelevel-alertmanager-config");
    expect(isSecretInput(amSecret?.inputs["stringData"])).toBe(true);
    const am = parse((unwrapSecrets(amSecret?.inputs["stringData"]) as Record<string, string>)["alertmanager.yaml"]!) as { receivers: { name: string; webhook_configs?: { url: string }[] }[] };
    expect(am.receivers.flatMap((r) => r.webhook_configs ?? []).map((w) => w.url)).toEqual([pager, ticket]);

    for (const resource of recorded) {
      expect(plainStrings(resource.inputs).filter((s) => secrets.some((secret) => s.includes(secret))), `${resource.type} ${resource.name}`).toEqual([]);
    }
    const outputs = JSON.stringify(await exported(program));
    expect(secrets.filter((s) => outputs.includes(s))).toEqual([]);
    for (const value of Object.values(program)) {
      if (pulumi.Output.isInstance(value)) expect(await pulumi.isSecret(value)).toBe(false);
    }
  });

  it("webhook URLs set without --secret are secret all the same", async () => {
    const { recorded } = await run({ grafanaAdminPassword: password, pagerWebhookUrl: pager }, []);
    for (const resource of recorded) {
      expect(plainStrings(resource.inputs).filter((s) => secrets.some((secret) => s.includes(secret))), `${resource.type} ${resource.name}`).toEqual([]);
    }
  });

  it("computes the retention from a folder of SLAs given in slaPaths", async () => {
    const { program } = await run({ grafanaAdminPassword: password, slaPaths: tmp });
    expect(program.prometheusRetention).toBe("14d");
    expect(program.longestSlaPeriod).toBe("data/batch: 7d");
  });

  it("counts installed examples with the slaPaths folder", async () => {
    const { program } = await run({ grafanaAdminPassword: password, slaPaths: JSON.stringify([tmp]), installExamples: "true" });
    expect(program.prometheusRetention).toBe("99d");
  });

  it("fails without a Grafana password", async () => {
    await setupMocks({});
    await expect(importProgram()).rejects.toThrow(/grafanaAdminPassword/);
  });

  it("fails on an SLA that does not validate, pointing at it", async () => {
    const broken = mkdtempSync(join(tmpdir(), "slo-broken-"));
    try {
      writeFileSync(join(broken, "bad.yaml"), "apiVersion: servicelevel.dev/v1alpha1\nkind: ServiceLevelAgreement\nmetadata: {name: bad}\nspec:\n  service: bad\n  owner: me\n  objectives: []\n");
      await setupMocks({ grafanaAdminPassword: password, slaPaths: broken }, ["grafanaAdminPassword"]);
      await expect(importProgram()).rejects.toThrow(/bad\.yaml:\d+:\d+/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe("configuration", () => {
  it("slaPaths takes one path or a JSON list", () => {
    expect(readPaths(undefined)).toBeUndefined();
    expect(readPaths("slas/")).toEqual(["slas/"]);
    expect(readPaths('["a", "b/c.yaml"]')).toEqual(["a", "b/c.yaml"]);
    expect(() => readPaths("[1]")).toThrow(/list of paths/);
    expect(() => readPaths("[oops")).toThrow(/path or a list/);
  });

  it("the documented keys are the keys the program reads", async () => {
    const { readFileSync } = await import("node:fs");
    const docs = readFileSync(new URL("../docs/pulumi.md", import.meta.url), "utf8");
    for (const key of configKeys) expect(docs, key).toContain(`\`${key}\``);
  });
});
