// The generated PrometheusRule CRD must say what the package's own (compiled) validator says.
// No binaries needed: this compares the package validator with Ajv on the generated schema.
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import RE2 from "@kubernetes-models/validate/runtime/re2";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { prometheusRuleCrd, prometheusRuleCrdYaml, prometheusRuleOpenAPISchema, toStructural } from "./prometheusrule-crd.js";
import type { SchemaNode } from "./prometheusrule-crd.js";

const base = { apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "r", namespace: "default" } };
const withGroups = (groups: unknown): Record<string, unknown> => ({ ...base, spec: { groups } });
const rule = (r: Record<string, unknown>): Record<string, unknown> => withGroups([{ name: "g", rules: [r] }]);

const samples: [string, Record<string, unknown>, boolean][] = [
  ["recording rule", rule({ record: "job:up:sum", expr: "sum by (job) (up)" }), true],
  ["alert with for/labels/annotations", rule({ alert: "Down", expr: "up == 0", for: "5m", keep_firing_for: "1m", labels: { severity: "page" }, annotations: { summary: "x" } }), true],
  ["integer expr (IntOrString)", rule({ record: "one", expr: 1 }), true],
  ["group options", withGroups([{ name: "g", interval: "30s", query_offset: "1m", limit: 10, partial_response_strategy: "WARN", labels: { a: "b" }, rules: [] }]), true],
  ["empty spec", { ...base, spec: {} }, true],
  ["rule missing expr", rule({ record: "x" }), false],
  ["groups not an array", withGroups("not-a-list"), false],
  ["group missing name", withGroups([{ rules: [] }]), false],
  ["empty group name", withGroups([{ name: "", rules: [] }]), false],
  ["bad duration", rule({ alert: "A", expr: "up", for: "5 minutes" }), false],
  ["empty keep_firing_for", rule({ alert: "A", expr: "up", keep_firing_for: "" }), false],
  ["bad partial_response_strategy", withGroups([{ name: "g", partial_response_strategy: "maybe" }]), false],
  ["limit not an integer", withGroups([{ name: "g", limit: 1.5 }]), false],
  ["label value not a string", rule({ record: "x", expr: "up", labels: { a: 1 } }), false],
  ["expr of a wrong type", rule({ record: "x", expr: true }), false],
  ["missing spec", { ...base }, false],
];

function packageAccepts(obj: Record<string, unknown>): boolean {
  try {
    new PrometheusRule(obj as ConstructorParameters<typeof PrometheusRule>[0]).validate();
    return true;
  } catch {
    return false;
  }
}

// Kubernetes evaluates `pattern` with Go's RE2 (so `(?i)` works); so does the package. Use RE2 here too.
const re2Engine = Object.assign((pattern: string, flags: string) => new RE2(pattern, flags), { code: "re2" });
const ajv = new Ajv({ strict: false, validateFormats: false, logger: false, code: { regExp: re2Engine as never } });
const generated = ajv.compile(prometheusRuleOpenAPISchema());

describe("PrometheusRule CRD generated from @kubernetes-models/prometheus-operator", () => {
  it.each(samples)("%s: package validator and generated schema agree", (_name, obj, valid) => {
    expect(packageAccepts(obj)).toBe(valid);
    expect(generated(obj)).toBe(valid);
  });

  it("has the upstream names, scope and the schema essentials", () => {
    const crd = prometheusRuleCrd() as {
      metadata: { name: string };
      spec: { group: string; scope: string; names: Record<string, unknown>; versions: { name: string; storage: boolean; schema: { openAPIV3Schema: SchemaNode } }[] };
    };
    expect(crd.metadata.name).toBe("prometheusrules.monitoring.coreos.com");
    expect(crd.spec.group).toBe("monitoring.coreos.com");
    expect(crd.spec.scope).toBe("Namespaced");
    expect(crd.spec.names).toMatchObject({ kind: "PrometheusRule", plural: "prometheusrules", listKind: "PrometheusRuleList" });
    const [v1] = crd.spec.versions;
    expect(v1?.name).toBe("v1");
    const groups = v1?.schema.openAPIV3Schema.properties?.["spec"]?.properties?.["groups"];
    expect(groups?.type).toBe("array");
    const ruleSchema = groups?.items?.properties?.["rules"]?.items;
    expect(ruleSchema?.required).toEqual(["expr"]);
    expect(ruleSchema?.properties?.["expr"]).toEqual({ "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] });
    expect(ruleSchema?.properties?.["for"]?.pattern).toMatch(/^\^\(0\|/);
  });

  it("is structural: no $ref, no nullable, every node typed or int-or-string", () => {
    const walk = (node: SchemaNode, path: string): void => {
      expect(Object.keys(node).filter((k) => k === "$ref" || k === "nullable" || k === "oneOf"), path).toEqual([]);
      if (!node["x-kubernetes-int-or-string"]) expect(node.type, path).toBeDefined();
      for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, `${path}/${k}`);
      if (node.items) walk(node.items, `${path}/[]`);
      if (typeof node.additionalProperties === "object") walk(node.additionalProperties, `${path}/*`);
    };
    walk(prometheusRuleOpenAPISchema(), "");
  });

  it("round-trips through YAML", () => {
    expect(parseYaml(prometheusRuleCrdYaml())).toEqual(prometheusRuleCrd());
  });

  it("refuses oneOf shapes that have no structural form", () => {
    expect(() => toStructural({ oneOf: [{ type: "string" }, { type: "object" }] })).toThrow(/no structural form/);
  });
});
