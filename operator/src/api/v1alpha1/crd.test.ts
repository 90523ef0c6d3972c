import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { crdPaths, renderCrdYaml } from "./crd-file.js";
import { serviceLevelAgreementCrd } from "./crd.js";

type Node = Record<string, unknown>;

function walk(node: Node, path: string, visit: (node: Node, path: string) => void): void {
  visit(node, path);
  for (const [name, child] of Object.entries((node["properties"] ?? {}) as Record<string, Node>)) walk(child, `${path}.${name}`, visit);
  if (node["items"]) walk(node["items"] as Node, `${path}[]`, visit);
  if (typeof node["additionalProperties"] === "object") walk(node["additionalProperties"] as Node, `${path}{}`, visit);
}

const version = () => ((serviceLevelAgreementCrd()["spec"] as Node)["versions"] as Node[])[0] as Node;
const schema = () => ((version()["schema"] as Node)["openAPIV3Schema"]) as Node;

describe("the ServiceLevelAgreement CRD", () => {
  it("is committed exactly as the schema generates it (run `npm run crds` after changing schema.ts)", () => {
    for (const path of crdPaths) expect(readFileSync(path, "utf8"), path).toBe(renderCrdYaml());
  });

  it("describes every field, so kubectl explain teaches the API", () => {
    const undocumented: string[] = [];
    walk(schema(), "", (node, path) => {
      const isMapValue = path.endsWith("{}");
      if (!isMapValue && path !== ".metadata" && typeof node["description"] !== "string") undocumented.push(path || "(root)");
    });
    expect(undocumented).toEqual([]);
  });

  it("is structural: every node has a type and no keyword Kubernetes forbids", () => {
    const problems: string[] = [];
    walk(schema(), "", (node, path) => {
      if (typeof node["type"] !== "string" && node["x-kubernetes-preserve-unknown-fields"] !== true) problems.push(`${path}: no type`);
      for (const forbidden of ["patternProperties", "anyOf", "oneOf", "$id", "const"]) if (forbidden in node) problems.push(`${path}: ${forbidden}`);
      if (node["additionalProperties"] === false) problems.push(`${path}: additionalProperties false`);
    });
    expect(problems).toEqual([]);
  });

  it("has the status subresource, short name sla and the printer columns of the design", () => {
    expect(version()["subresources"]).toEqual({ status: {} });
    const names = (serviceLevelAgreementCrd()["spec"] as Node)["names"] as Node;
    expect(names["shortNames"]).toContain("sla");
    expect((version()["additionalPrinterColumns"] as Node[]).map((c) => c["name"])).toEqual(["Service", "State", "Compliance", "Budget", "Credit", "Age"]);
  });

  it("rejects at admission what CEL can: both period kinds, duplicate names, two indicator kinds", () => {
    const rules: string[] = [];
    walk(schema(), "", (node) => {
      for (const rule of (node["x-kubernetes-validations"] ?? []) as Node[]) rules.push(String(rule["message"]));
    });
    expect(rules).toEqual(expect.arrayContaining([
      "give rolling or calendar, not both",
      "objective names must be unique",
      "give exactly one of ratio, latency, probe or raw",
      "give exactly one of errors or good",
    ]));
  });
});
