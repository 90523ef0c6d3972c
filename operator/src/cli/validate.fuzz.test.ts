// Property test of the per-file pipeline slactl runs (parseSource -> collectPeers -> checkSource,
// then compile for what is valid): whatever bytes a file holds, no exception escapes, an invalid
// file always says why (a located issue with a path and a message), and a valid one compiles.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { compile } from "../compile/index.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { allIssues, checkText, type FileReport } from "../adapters/fs/sla-files.js";

// A fixed seed keeps the suite reproducible; SLACTL_FUZZ_SEED=random (or a number) explores further.
const seedSetting = process.env["SLACTL_FUZZ_SEED"];
fc.configureGlobal({ seed: seedSetting === "random" ? Date.now() ^ (Math.random() * 0x100000000) : Number(seedSetting ?? 20261127) });

const loaded = await loadBurnRateTables();
if (!loaded.ok) throw new Error("the package's burn-rate tables must load");
const burnRateTables = loaded.tables;
const exampleText = readFileSync(new URL("../../../policies/examples/checkout-api.yaml", import.meta.url), "utf8");
const example = parse(exampleText) as unknown;

/** Runs the pipeline and checks the properties; returns the report for further checks. */
function checkProperties(text: string): FileReport {
  const report = checkText("fuzz.yaml", text, burnRateTables);
  const issues = allIssues([report]);
  for (const issue of issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
    expect(Number.isInteger(issue.column) && issue.column >= 1).toBe(true);
    expect(["error", "warning"]).toContain(issue.severity);
    // An internal issue is an exception that the pipeline caught: a bug to fix, not an answer.
    expect(issue.code, issue.message).not.toBe("internal");
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (report.valid) {
    expect(errors).toEqual([]);
    for (const document of report.documents) {
      const compiled = compile(document.value, { burnRateTables });
      expect(compiled.ok, JSON.stringify(compiled.ok ? [] : compiled.issues)).toBe(true);
    }
  } else {
    expect(errors.length).toBeGreaterThan(0);
  }
  return report;
}

/** Every path to a node of a JSON value, the root included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { readonly kind: "delete" | "replace"; readonly at: number; readonly value: unknown };

function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(document);
  for (const mutation of mutations) {
    const all = paths(root);
    const path = all[mutation.at % all.length]!;
    if (path.length === 0) {
      root = mutation.kind === "replace" ? mutation.value : null;
      continue;
    }
    let parent: unknown = root;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const last = path.at(-1)!;
    if (Array.isArray(parent) && typeof last === "number") {
      if (mutation.kind === "delete") parent.splice(last, 1);
      else parent[last] = mutation.value;
    } else if (parent !== null && typeof parent === "object") {
      const record = parent as Record<string, unknown>;
      if (mutation.kind === "delete") delete record[String(last)];
      else record[String(last)] = mutation.value;
    }
  }
  return root;
}

// Values a field might plausibly be replaced with: JSON, and strings that matter to the checks.
const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom("", "99.9", "{{window}}", "rate(x[{{window}}])", "sum(", "30d", "1h", "month", "Europe/Berlin", "Mars/Base", "0 2 * * SUN",
    "google-sre", "nope", "__name__", "le", "a-b", "2026-13-45", "-1", 0, -1, 100, 100.5, 99.999999, 1e308, Number.MIN_VALUE),
);
const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom("delete" as const, "replace" as const), at: fc.nat(), value: fieldValue });

const yamlToken = fc.constantFrom("a", "kind", "spec", "objectives", "target", ":", ": ", " ", "  ", "\n", "- ", "[", "]", "{", "}", ",", "&x ", "*x",
  "!!str ", "!!binary ", "!t ", "'", '"', "#", "---\n", "...\n", "\t", "? ", "|\n", ">-\n", "0", "99.9", "~", "%YAML 1.2\n", "<<: ", "\\", "\u00e9", "\uFEFF");
const yamlText = fc.array(yamlToken, { maxLength: 80 }).map((tokens) => tokens.join(""));

describe("the per-file pipeline never crashes and always explains", () => {
  it("on random YAML-like text", () => {
    fc.assert(fc.property(fc.oneof(yamlText, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })), (text) => {
      checkProperties(text);
    }), { numRuns: 1000 });
  }, 120_000);

  it("on random JSON values, written as JSON and as YAML", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (value, asYaml) => {
      checkProperties(asYaml ? stringify(value) : JSON.stringify(value));
    }), { numRuns: 400 });
  }, 120_000);

  it("on the example SLA with fields deleted or replaced", () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      checkProperties(stringify(mutate(example, mutations)));
    }), { numRuns: 1000 });
  }, 120_000);

  it("on the example SLA's text truncated or with characters inserted", () => {
    fc.assert(fc.property(fc.nat(), fc.oneof(fc.constant(""), fc.string({ minLength: 1, maxLength: 8 }), fc.string({ unit: "binary", minLength: 1, maxLength: 4 })),
      fc.boolean(), (at, inserted, truncate) => {
        const offset = at % (exampleText.length + 1);
        checkProperties(truncate ? exampleText.slice(0, offset) : exampleText.slice(0, offset) + inserted + exampleText.slice(offset));
      }), { numRuns: 600 });
  }, 120_000);

  // Found by this suite: PromQL strings were decoded with JSON.parse, which throws on what the
  // PromQL grammar accepts. Strings are now decoded with Go's rules; what Prometheus rejects is a
  // validation issue, and the rest compiles.
  it("compiles an SLA whose PromQL string holds a control character", () => {
    const report = checkText("x.yaml", exampleText.replace('{job="checkout",', '{job="\u0000checkout",'), burnRateTables);
    expect(report.valid).toBe(true);
    expect(compile(report.documents[0]!.value, { burnRateTables }).ok).toBe(true);
  });

  it("rejects an escape Prometheus does not accept, such as an escaped space, with a message", () => {
    const report = checkText("x.yaml", exampleText.replace('{job="checkout",', '{job="\\ checkout",'), burnRateTables);
    expect(report.valid).toBe(false);
  });

  it("finds the unmutated example valid", () => {
    expect(checkProperties(exampleText).valid).toBe(true);
  });
});
