// Our alerts must carry the same burn-rate semantics as Sloth's for the same SLO: same windows,
// same factors. Sloth's generated rules are reference data read from ../shared/anchors/sloth/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compile } from "../operator/src/compile/index.js";
import { loadTables, repoRoot } from "./support/burn-rate-tables.js";

const anchors = join(repoRoot, "../shared/anchors/sloth");
const thresholds = (text: string) =>
  [...text.matchAll(/ratio_rate(\w+)\{[^}]*\} > \(([\d.]+) \*/g)].map((m) => `${m[1]} > ${m[2]}`).sort();

describe("parity with Sloth", () => {
  it("alerts on the same windows with the same factors as Sloth's getting-started example", () => {
    const spec = parse(readFileSync(join(anchors, "examples/getting-started.yml"), "utf8")) as {
      slos: { objective: number; sli: { events: { error_query: string; total_query: string } } }[];
    };
    const slo = spec.slos[0]!;
    const toOurs = (q: string) => q.replace("{{.window}}", "{{window}}");
    const result = compile({
      apiVersion: "servicelevel.dev/v1alpha1",
      kind: "ServiceLevelAgreement",
      metadata: { name: "myservice" },
      spec: {
        service: "myservice",
        owner: "myteam",
        objectives: [{ name: "requests-availability", target: slo.objective, indicator: { ratio: { errors: toOurs(slo.sli.events.error_query), total: toOurs(slo.sli.events.total_query) } } }],
      },
    }, { burnRateTables: loadTables() });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const ours = result.value.groups.flatMap((g) => g.rules).filter((r) => "alert" in r && r.alert === "SLAErrorBudgetBurn").map((r) => r.expr).join("\n");
    const sloth = readFileSync(join(anchors, "examples/_gen/getting-started.yml"), "utf8");
    expect(thresholds(ours)).toEqual(thresholds(sloth));
    expect(thresholds(ours)).toHaveLength(8);
  });
});
