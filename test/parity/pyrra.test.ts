// Parity with Pyrra on its own outputs: the SLOs of Pyrra's rule tests (../shared/anchors/pyrra/
// expected/) are imported, and our compiled alerts must fire on the window pairs and factors of
// Pyrra's expected alerts, read from their PromQL. Every Pyrra example must import and compile.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { anchors, compiled, importFiles, ourTiers, parse, sortTiers, yamlFiles, type Tier } from "./support.js";

const expected = join(anchors, "pyrra/expected");

interface Case {
  case: string;
  input: string;
  burnrates_group: { rules: { alert?: string; expr: string; labels?: Record<string, string> }[] };
}

/** The window pairs and factors of Pyrra's alerts: "a:burnrate5m{...} > (14 * (1-0.99)) and a:burnrate1h{...} > (...)". */
function pyrraTiers(rules: Case["burnrates_group"]["rules"]): (Tier & { severity: string })[] {
  return rules.filter((r) => r.alert && r.alert !== "SLOMetricAbsent" && !r.alert.endsWith("Absent")).map((r) => {
    const found = [...r.expr.matchAll(/:burnrate(\w+)\{[^}]*\} > \((\d+(?:\.\d+)?) \* \(1-[\d.]+\)\)/g)];
    if (found.length !== 2) throw new Error(`cannot read ${r.expr}`);
    const [a, b] = found as [RegExpMatchArray, RegExpMatchArray];
    const [long, short] = parse(a[1]!) > parse(b[1]!) ? [a, b] : [b, a];
    return { short: short[1]!, long: long[1]!, factor: Number(a[2]), severity: r.labels?.["severity"] ?? "" };
  });
}

/** Writes a case's input SLO to a file, since the importer reads files as slactl does. */
function inputFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "pyrra-case-")), `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

const cases = parseAllDocuments(readFileSync(join(expected, "rules_test-cases.yaml"), "utf8")).map((d) => d.toJS() as Case);

describe("importing Pyrra", () => {
  it("reads all nine cases of Pyrra's rule tests", () => {
    expect(cases.map((c) => c.case)).toHaveLength(9);
  });

  for (const c of cases) {
    it(`alerts on the windows and factors of Pyrra's expected rules for ${c.case}`, async () => {
      const { slas, issues } = await importFiles([inputFile(c.case, c.input)]);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(slas).toHaveLength(1);
      const value = compiled(slas[0]!.sla);
      const theirs = pyrraTiers(c.burnrates_group.rules);
      expect(theirs).toHaveLength(4);
      expect(sortTiers(ourTiers(value))).toEqual(sortTiers(theirs));
      // Pyrra's critical tiers page and its warning tiers open tickets, with the same severity label.
      const alerts = value.groups.flatMap((g) => g.rules).flatMap((r) => ("alert" in r && r.expr.includes("long_window") ? [r] : []));
      const tiers = ourTiers(value);
      for (const t of theirs) {
        const ours = tiers.find((o) => parse(o.long) === parse(t.long));
        expect(ours?.severity).toBe(t.severity);
      }
      const pyrraName = c.burnrates_group.rules.find((r) => r.alert)?.alert;
      // Pyrra's alert name is kept, so routes that match alertname keep working.
      expect(alerts.every((a) => a.alert === pyrraName)).toBe(true);
    });
  }

  it("alerts on the windows and factors of the rule file Pyrra's controller writes (28d, 99.5%)", async () => {
    const { slas } = await importFiles([join(expected, "controller_test-http.slo.yaml")]);
    const rules = parseYaml(readFileSync(join(expected, "controller_test-http.rules.yaml"), "utf8")) as { groups: Case["burnrates_group"][] };
    const theirs = pyrraTiers(rules.groups.flatMap((g) => g.rules));
    expect(theirs).toHaveLength(4);
    expect(sortTiers(ourTiers(compiled(slas[0]!.sla)))).toEqual(sortTiers(theirs));
  });

  for (const file of yamlFiles(join(anchors, "pyrra/examples"))) {
    it(`imports the example ${basename(file)} into SLAs that compile`, async () => {
      const { slas, issues } = await importFiles([file]);
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
      const documents = parseAllDocuments(readFileSync(file, "utf8")).filter((d) => d.contents !== null);
      expect(slas).toHaveLength(documents.length);
      for (const imported of slas) expect(ourTiers(compiled(imported.sla))).toHaveLength(4);
    });
  }
});
