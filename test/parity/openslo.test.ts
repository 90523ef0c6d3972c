// Parity with the OpenSLO validator: every document it rejects (the verdicts in
// ../shared/anchors/openslo/v1/oslo-testdata/EXPECTED.md and the outputs of `oslo validate` in
// */oslo-validate/) is rejected by the importer too, at the document's lines. Every OpenSLO file
// either imports into SLAs that compile or gives located errors; references resolve across files.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isSeq, LineCounter, parseAllDocuments } from "yaml";
import { anchors, compiled, importFiles, yamlFiles } from "./support.js";

const openslo = join(anchors, "openslo");
const testdata = join(openslo, "v1/oslo-testdata");

/** Files EXPECTED.md marks invalid (rows naming one file). */
function rejectedByValidator(): string[] {
  const table = readFileSync(join(testdata, "EXPECTED.md"), "utf8");
  return [...table.matchAll(/^\| ([\w./-]+\.yaml) \| invalid/gm)].map((m) => m[1]!);
}

/** The objects `oslo validate` rejected: "Validation for v1.SLO 'web-availability' at index 0 has failed". */
function rejectedIndexes(output: string): number[] {
  return [...output.matchAll(/Validation for \S+ '[^']*' at index (\d+) has failed/g)].map((m) => Number(m[1]));
}

describe("importing OpenSLO", () => {
  const rejected = rejectedByValidator();

  it("reads the validator's verdicts: ten files it rejects", () => {
    expect(rejected).toHaveLength(10);
  });

  for (const file of rejected) {
    it(`rejects ${file}, as the OpenSLO validator does, with an error in that file`, async () => {
      const path = join(testdata, file);
      const { slas, issues } = await importFiles([path]);
      expect(slas).toEqual([]);
      const errors = issues.filter((i) => i.severity === "error" && i.file === path);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.line >= 1 && e.message.length > 10)).toBe(true);
    });
  }

  for (const version of ["v1", "v1alpha"]) {
    it(`rejects each object that oslo validate rejects in ${version}.yaml, with an error at its lines`, async () => {
      const input = join(openslo, version, "oslo-validate", `${version}.yaml`);
      const indexes = rejectedIndexes(readFileSync(join(openslo, version, "oslo-validate", `${version}.expected-output.txt`), "utf8"));
      expect(indexes.length).toBeGreaterThan(1);
      const { issues } = await importFiles([input]);
      const errors = issues.filter((i) => i.severity === "error");
      // The validator counts objects through the file: the items of a top-level list, or documents.
      const lines = new LineCounter();
      const objects = parseAllDocuments(readFileSync(input, "utf8"), { lineCounter: lines }).flatMap((doc) =>
        (isSeq(doc.contents) ? doc.contents.items : [doc.contents]).map((node) => {
          const range = (node as { range?: [number, number, number] } | null)?.range ?? doc.range;
          return { from: lines.linePos(range[0]).line, to: lines.linePos(range[2]).line };
        }));
      for (const index of indexes) {
        const object = objects[index]!;
        const hit = errors.some((e) => e.line >= object.from && e.line <= object.to);
        expect(hit, `object at index ${index} of ${version}.yaml`).toBe(true);
      }
    });
  }

  it("does not repeat the validator's missing time zone database: America/New_York is a valid zone", async () => {
    const { issues } = await importFiles([join(openslo, "v1/oslo-validate/v1.yaml")]);
    expect(issues.some((i) => /time zone/.test(i.message) && i.severity === "error")).toBe(false);
  });

  for (const file of yamlFiles(openslo)) {
    it(`imports ${relative(openslo, file)} into SLAs that compile, or says at its lines why nothing came of it`, async () => {
      const { slas, issues } = await importFiles([file]);
      for (const imported of slas) compiled(imported.sla);
      if (slas.length === 0) expect(issues.some((i) => i.file === file && i.line >= 1)).toBe(true);
    });
  }
});
