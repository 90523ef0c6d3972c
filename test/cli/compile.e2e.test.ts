// slactl compile end to end: what it writes where, that it writes the same bytes every time, and
// that it writes nothing at all when any input is invalid.
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { hasStackTrace, repositoryRoot, slactl } from "./slactl.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** Every file below a folder, relative to it, sorted, with its content. */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path), await readFile(path, "utf8"));
    }
  };
  await walk(dir);
  return out;
}

describe("slactl compile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slactl-e2e-compile-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes each SLA's files under OUT/<namespace>/, the same bytes on every run", async () => {
    const out = join(dir, "first");
    const first = await slactl("compile", "policies/examples", "--out", out, "--rule-label", "release=kube-prometheus-stack");
    expect(first.code, first.stderr).toBe(0);
    expect(hasStackTrace(first.stdout + first.stderr)).toBe(false);
    const files = await tree(out);
    for (const path of ["shop/checkout.prometheusrule.yaml", "shop/checkout.rules.yaml", "vendors/payment-gateway.rules.yaml", "shop/order-flow.rules.yaml"]) {
      expect(files.has(path), `${path} in ${[...files.keys()].join(", ")}`).toBe(true);
    }
    // The fleet overview and the shared SLA dashboard once, at the top; every SLA gets the same set
    // of outputs, whatever the compiler provides, those with maintenance windows their Alertmanager
    // fragment and tests besides, and those that ask for one (folder, filters) a dashboard of their own.
    expect(files.has("servicelevel-overview.dashboard.json")).toBe(true);
    expect(files.has("servicelevel-sla.dashboard.json")).toBe(true);
    const suffixes = new Map<string, string[]>();
    for (const path of [...files.keys()].filter((p) => p.includes("/"))) {
      const [, sla, suffix] = /^(.+?\/[^/.]+)\.(.+)$/.exec(path) ?? [];
      suffixes.set(sla!, [...(suffixes.get(sla!) ?? []), suffix!]);
    }
    const maintenanceOnly = ["alertmanager.yaml", "maintenance-test-rules.yaml", "maintenance.rules.test.yaml"];
    const optional = [...maintenanceOnly, "dashboard.json"];
    expect(new Set([...suffixes.values()].map((s) => s.filter((x) => !optional.includes(x)).join(" "))).size).toBe(1);
    expect(files.has("shop/checkout.dashboard.json")).toBe(true);
    expect(files.has("shop/order-flow.dashboard.json")).toBe(false);
    expect(suffixes.get("customers/managed-hosting")).toEqual(expect.arrayContaining(maintenanceOnly));
    expect(suffixes.get("shop/checkout")).toEqual(expect.arrayContaining(["prometheusrule.yaml", "rules.yaml"]));
    if (files.has("shop/checkout.dashboard.json")) expect(() => JSON.parse(files.get("shop/checkout.dashboard.json")!) as unknown).not.toThrow();

    const rule = parse(files.get("shop/checkout.prometheusrule.yaml")!) as { kind: string; metadata: { namespace: string; labels: Record<string, string> } };
    expect(rule.kind).toBe("PrometheusRule");
    expect(rule.metadata.namespace).toBe("shop");
    expect(rule.metadata.labels["release"]).toBe("kube-prometheus-stack");

    expect(first.stderr).toContain(`shop/checkout: `);
    expect(first.stderr).toMatch(new RegExp(`compiled ${suffixes.size} SLAs into ${out} \\(${files.size} files\\)\\n$`));

    const second = await slactl("compile", "policies/examples", "--out", join(dir, "second"), "--rule-label", "release=kube-prometheus-stack");
    expect(second.code).toBe(0);
    expect(await tree(join(dir, "second"))).toEqual(files);
    // Compiling again over the same folder changes nothing either.
    expect((await slactl("compile", "policies/examples", "--out", out, "--rule-label", "release=kube-prometheus-stack")).code).toBe(0);
    expect(await tree(out)).toEqual(files);
  });

  it("puts an SLA without a namespace under default/", async () => {
    const input = join(dir, "no-namespace.yaml");
    await writeFile(input, (await readFile(join(repositoryRoot, "policies/examples/checkout-api.yaml"), "utf8")).replace(/^ {2}namespace: shop\n/m, ""));
    const out = join(dir, "default-ns");
    const result = await slactl("compile", input, "--out", out);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(existsSync(join(out, "default", "checkout.prometheusrule.yaml"))).toBe(true);
    expect(existsSync(join(out, "default", "checkout.rules.yaml"))).toBe(true);
  });

  it("writes nothing when any input is invalid", async () => {
    const out = join(dir, "invalid");
    const result = await slactl("compile", "policies/examples", "test/fixtures/broken/target-above-100.yaml", "--out", out);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("test/fixtures/broken/target-above-100.yaml:12:15: spec.objectives[0].target: expected a number below 100, found 100.5");
    expect(result.stderr).toBe("1 file invalid; nothing was written\n");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects two SLAs with the same namespace/name and writes nothing", async () => {
    const copies = join(dir, "copies");
    await mkdir(copies);
    await copyFile(join(repositoryRoot, "policies/examples/checkout-api.yaml"), join(copies, "a.yaml"));
    await copyFile(join(repositoryRoot, "policies/examples/checkout-api.yaml"), join(copies, "b.yaml"));
    const out = join(dir, "duplicates");
    const result = await slactl("compile", copies, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${copies}/b.yaml:5:9: metadata.name: ServiceLevelAgreement shop/checkout is already defined at ${copies}/a.yaml:5:9`);
    expect(existsSync(out)).toBe(false);
  });

  it("prints issues in the requested format", async () => {
    const result = await slactl("compile", "test/fixtures/broken/wrong-kind.yaml", "--out", join(dir, "never"), "--format", "github");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("::error file=test/fixtures/broken/wrong-kind.yaml,line=3,col=7,title=kind::expected kind ServiceLevelAgreement, found \"Deployment\"\n");
  });
});
