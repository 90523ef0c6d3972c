import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadServiceLevelSources, repositoryRoot, SourceError } from "./sources.js";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "slo-sources-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folder = (name: string, files: Record<string, string>): string => {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
};

const sla = (name: string, period: string) => `apiVersion: servicelevel.dev/v1alpha1
kind: ServiceLevelAgreement
metadata: {name: ${name}, namespace: team}
spec:
  service: ${name}
  owner: team
  ${period}
  objectives:
    - name: availability
      target: 99.9
      indicator:
        ratio:
          errors: sum(rate(http_requests_total{code=~"5.."}[{{window}}]))
          total: sum(rate(http_requests_total[{{window}}]))
`;

describe("loadServiceLevelSources", () => {
  it("reads the repository's CRDs, examples and chart by default", async () => {
    const sources = await loadServiceLevelSources({ installExamples: true });
    expect(sources.crds.map((c) => c.metadata.name)).toEqual(["servicelevelagreements.servicelevel.dev"]);
    // Without slaPaths the examples are the SLAs that set the retention.
    expect(sources.slas.map((s) => s.key)).toEqual(sources.examples.map((s) => s.key));
    expect(sources.examples.map((s) => s.key)).toContain("support/support-response");
    const support = sources.examples.find((s) => s.key === "support/support-response");
    expect(support?.period).toEqual({ kind: "calendar", unit: "quarter", timeZone: "Europe/Berlin", seconds: 90 * 86_400 });
    expect(support?.manifest).toMatchObject({ apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata: { name: "support-response", namespace: "support" } });
    const chart = parse(readFileSync(join(repositoryRoot(), "charts", "servicelevel-operator", "Chart.yaml"), "utf8")) as { version: string };
    expect(sources.operatorChart).toMatchObject({ dir: join(repositoryRoot(), "charts", "servicelevel-operator"), name: "servicelevel-operator", version: chart.version });
  });

  it("loads no examples unless asked", async () => {
    const sources = await loadServiceLevelSources({ slaPaths: [folder("one", { "a.yaml": sla("a", "period: {rolling: 7d}") })] });
    expect(sources.examples).toEqual([]);
    expect(sources.slas.map((s) => [s.key, s.period])).toEqual([["team/a", { kind: "rolling", seconds: 7 * 86_400 }]]);
  });

  it("takes relative paths from the given root, and several of them", async () => {
    folder("rel/x", { "x.yaml": sla("x", "period: {calendar: month, timeZone: UTC}") });
    // 28d has its own burn-rate table; with the Workbook's, a 14d period would get a ticket tier below factor 1, now an error.
    folder("rel/y", { "y.yml": sla("y", "period: {rolling: 28d}") });
    const sources = await loadServiceLevelSources({ root: join(tmp, "rel"), slaPaths: ["x", "y"] });
    expect(sources.slas.map((s) => s.key)).toEqual(["team/x", "team/y"]);
    // The defaults stay this repository's files.
    expect(sources.crds).toHaveLength(1);
    expect(sources.operatorChart?.dir).toBe(join(repositoryRoot(), "charts", "servicelevel-operator"));
  });

  it("stops at an invalid SLA and says where the problem is", async () => {
    const dir = folder("bad", { "bad.yaml": sla("bad", "period: {rolling: 7d}").replace("target: 99.9", "target: 120") });
    const error = await loadServiceLevelSources({ slaPaths: [dir] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/bad\.yaml:\d+:\d+: .*target/);
    expect((error as SourceError).issues.length).toBeGreaterThan(0);
  });

  it("stops at a path that does not exist", async () => {
    await expect(loadServiceLevelSources({ slaPaths: [join(tmp, "missing")] })).rejects.toThrow(/missing: no such file or folder/);
  });

  it("stops when a CRD folder holds something else", async () => {
    const dir = folder("crds", { "x.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n" });
    await expect(loadServiceLevelSources({ crdDir: dir })).rejects.toThrow(/x\.yaml:\d+:\d+: kind: expected an apiextensions\.k8s\.io\/v1 CustomResourceDefinition/);
  });

  it("checks a given version against the local chart", async () => {
    await expect(loadServiceLevelSources({ operatorChartVersion: "99.0.0" })).rejects.toThrow(/operatorChartVersion is 99\.0\.0, but the local chart .* is version/);
  });

  it("does not read a chart that comes from a repository", async () => {
    const sources = await loadServiceLevelSources({ operatorChartDir: null, operatorChartVersion: "99.0.0" });
    expect(sources.operatorChart).toBeUndefined();
  });
});
