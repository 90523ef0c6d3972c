import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BurnRateTable } from "../api/v1alpha1/types.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { parseSource } from "../adapters/fs/yaml-documents.js";
import { allIssues, checkSource, checkText, collectPeers, slaKey, type FileReport } from "../adapters/fs/sla-files.js";
import { summary } from "./command-line.js";

const loaded = await loadBurnRateTables();
if (!loaded.ok) throw new Error("the package's burn-rate tables must load");
const tables = loaded.tables;
const example = readFileSync(new URL("../../../policies/examples/checkout-api.yaml", import.meta.url), "utf8");

const sla = (name: string, namespace: string, target: number, extra = "") => `apiVersion: servicelevel.dev/v1alpha1
kind: ServiceLevelAgreement
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  service: ${name}
  owner: team
  objectives:
    - name: up
      target: ${target}
      indicator: {probe: {metric: probe_success}}
${extra}`;

const errors = (report: FileReport) => allIssues([report]).filter((i) => i.severity === "error");

describe("checking one file", () => {
  it("accepts the checkout example", () => {
    const report = checkText("checkout-api.yaml", example, tables);
    expect(errors(report)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.documents.map((d) => d.key)).toEqual(["shop/checkout"]);
  });

  it("names the kind it found when a document is not an SLA, without schema noise", () => {
    const report = checkText("cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n", tables);
    expect(errors(report)).toEqual([expect.objectContaining({ line: 2, column: 7, path: ["kind"], code: "kind", message: 'expected kind ServiceLevelAgreement, found "ConfigMap"' })]);
    expect(errors(checkText("x.yaml", "a: 1\n", tables))[0]?.message).toBe("expected kind ServiceLevelAgreement, found nothing");
  });

  it("reports a wrong apiVersion once, with the rest of the document still checked", () => {
    const text = sla("x", "shop", 100.5).replace("servicelevel.dev/v1alpha1", "servicelevel.dev/v1beta1");
    const found = errors(checkText("x.yaml", text, tables));
    expect(found.filter((i) => i.path[0] === "apiVersion")).toEqual([
      expect.objectContaining({ line: 1, column: 13, code: "api-version", message: 'expected apiVersion servicelevel.dev/v1alpha1, found "servicelevel.dev/v1beta1"' }),
    ]);
  });

  it("reports documents that are not maps", () => {
    for (const [text, found] of [["- a\n", "a list of 1"], ["just text\n", '"just text"'], ["42\n", "42"], ["~\n", "null"]] as const) {
      expect(errors(checkText("x.yaml", text, tables))).toEqual([
        expect.objectContaining({ line: 1, column: 1, path: [], code: "not-an-object", message: `expected a ServiceLevelAgreement (a YAML map), found ${found}` }),
      ]);
    }
  });

  it("reports an empty file once, at 1:1", () => {
    for (const text of ["", "\n\n", "# only a comment\n", "---\n---\n"]) {
      const report = checkText("empty.yaml", text, tables);
      expect(report.valid).toBe(false);
      expect(allIssues([report])).toEqual([{ file: "empty.yaml", line: 1, column: 1, path: [], code: "empty", severity: "error", message: "file is empty: expected a ServiceLevelAgreement" }]);
    }
  });

  it("skips empty documents between separators", () => {
    const report = checkText("two.yaml", `---\n${sla("a", "shop", 99)}---\n---\n${sla("b", "shop", 99)}`, tables);
    expect(report.valid).toBe(true);
    expect(report.documents.map((d) => d.key)).toEqual(["shop/a", "shop/b"]);
  });

  it("does not check a document further once its YAML is broken", () => {
    const report = checkText("x.yaml", sla("x", "shop", 100.5, "  labels: {a: [}\n"), tables);
    expect(errors(report).map((i) => i.code)).toEqual(expect.arrayContaining(["yaml-syntax"]));
    expect(errors(report).some((i) => i.code === "schema")).toBe(false);
  });

  it("turns an unexpected exception into an internal issue of that document", () => {
    const exploding = new Map<string, BurnRateTable>(tables);
    const boom = (): never => {
      throw new Error("boom");
    };
    exploding.get = boom;
    exploding.has = boom;
    const report = checkText("x.yaml", sla("x", "shop", 99, "  alerting: {burnRates: google-sre}\n"), exploding);
    expect(report.valid).toBe(false);
    expect(errors(report)).toEqual([expect.objectContaining({ line: 1, column: 1, code: "internal", message: expect.stringContaining("boom") })]);
  });
});

describe("SLAs of one invocation see each other", () => {
  const vendor = parseSource("vendor.yaml", sla("gateway", "vendors", 99.5));
  const shop = parseSource("shop.yaml", sla("payments", "shop", 99.9, "  dependencies: [{name: gateway, namespace: vendors}]\n"));

  it("keys peers by namespace/name, namespace default \"default\"", () => {
    expect(slaKey({ kind: "ServiceLevelAgreement", metadata: { name: "a" } })).toBe("default/a");
    expect(slaKey({ kind: "ServiceLevelAgreement", metadata: { name: "a", namespace: "n" } })).toBe("n/a");
    expect(slaKey({ kind: "Other", metadata: { name: "a" } })).toBeUndefined();
    expect([...collectPeers([vendor, shop], tables).slas.keys()]).toEqual(["vendors/gateway", "shop/payments"]);
  });

  it("checks a dependency's target across files", () => {
    const peers = collectPeers([vendor, shop], tables);
    const report = checkSource(shop, { burnRateTables: tables, peers });
    expect(errors(report)).toEqual([expect.objectContaining({ line: 9, column: 15, path: ["spec", "objectives", 0, "target"], code: "dependency-target" })]);
    expect(checkSource(shop, { burnRateTables: tables, peers: collectPeers([shop], tables) }).valid).toBe(true);
  });

  it("warns about a dependency on an SLA of no input, at its name, with the nearest one", () => {
    const typo = parseSource("typo.yaml", sla("payments", "shop", 99, "  dependencies: [{name: gatway, namespace: vendors}]\n"));
    const report = checkSource(typo, { burnRateTables: tables, peers: collectPeers([vendor, typo], tables) });
    expect(report.valid).toBe(true);
    expect(report.documents.flatMap((d) => d.issues)).toEqual([expect.objectContaining({
      line: 11, column: 25, path: ["spec", "dependencies", 0, "name"], code: "dependency-not-found", severity: "warning",
      message: 'no valid ServiceLevelAgreement vendors/gatway is known, so the targets it supports are not checked; did you mean "vendors/gateway"?',
    })]);
  });

  it("rejects a second SLA with the same namespace/name and says where the first is", () => {
    const again = parseSource("again.yaml", `# copy\n${sla("gateway", "vendors", 99)}`);
    const peers = collectPeers([vendor, again], tables);
    expect(checkSource(vendor, { burnRateTables: tables, peers }).valid).toBe(true);
    expect(errors(checkSource(again, { burnRateTables: tables, peers }))).toEqual([
      expect.objectContaining({ line: 4, column: 18, path: ["metadata", "name"], code: "duplicate-sla",
        message: "ServiceLevelAgreement vendors/gateway is already defined at vendor.yaml:3:18" }),
    ]);
  });
});

describe("the summary line", () => {
  it("counts files, SLAs, invalid inputs and warnings", () => {
    const valid = checkText("a.yaml", sla("a", "shop", 99), tables);
    const invalid = checkText("b.yaml", `${sla("b", "shop", 100.5)}---\n${sla("c", "shop", 99)}`, tables);
    const empty = checkText("c.yaml", "", tables);
    expect(summary([valid])).toBe("1 file, 1 SLA: all valid");
    expect(summary([valid, invalid, empty])).toBe("3 files, 3 SLAs: 2 invalid");
    const warned = checkText("w.yaml", sla("w", "shop", 50), tables);
    expect(warned.valid).toBe(true);
    expect(summary([warned])).toMatch(/^1 file, 1 SLA: all valid, \d+ warnings?$/);
  });
});
