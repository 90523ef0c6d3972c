// slactl validate end to end, on the folder of broken SLAs in test/fixtures/broken/. Each expected
// file:line:col below was counted by hand in the fixture file, not copied from slactl's output.
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, truncate, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hasStackTrace, repositoryRoot, slactl, type SlactlResult } from "./slactl.js";

// Each test starts node with tsx at least once; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const broken = "test/fixtures/broken";

/** [fixture, line:col, path ("" for none), start of the message]. */
const expected: readonly (readonly [string, string, string, string])[] = [
  ["alias-bomb.yaml", "2:1", "", "the document expands more than 100 aliases, which looks like a YAML alias bomb"],
  ["credits-not-ordered.yaml", "16:15", "spec.credits[2].below", "credit tiers must be ordered by falling threshold: 99.5 follows 99"],
  ["dashboard-filter.yaml", "14:47", "spec.dashboard.filters[1]", 'dashboard filter "team" is not a key of spec.labels'],
  ["dependency-target.yaml", "26:15", "spec.objectives[0].target", "target 99.9% is more than the dependencies can support: payment-gateway (99.5%)"],
  ["duplicate-key.yaml", "11:7", "", 'duplicate key "target": each key may appear only once in a map'],
  ["duplicate-objective-names.yaml", "13:13", "spec.objectives[1].name", 'objective name "availability" is already used by spec.objectives[0]'],
  ["empty-objectives.yaml", "8:15", "spec.objectives", "expected at least 1 item"],
  ["empty.yaml", "1:1", "", "file is empty: expected a ServiceLevelAgreement"],
  ["invalid-label-name.yaml", "10:18", "spec.labels.cost-center", 'label name "cost-center" must match'],
  ["malformed.yaml", "8:43", "", "YAML syntax error: flow sequence"],
  ["not-an-object.yaml", "2:1", "", "expected a ServiceLevelAgreement (a YAML map), found a list of 1"],
  ["period-both.yaml", "8:3", "spec.period", "give rolling or calendar, not both"],
  ["promql-syntax.yaml", "13:19", "spec.objectives[0].indicator.ratio.errors", "unexpected end of query"],
  ["ratio-without-window.yaml", "14:18", "spec.objectives[0].indicator.ratio.total", "the query has no {{window}}"],
  ["target-above-100.yaml", "12:15", "spec.objectives[0].target", "expected a number below 100, found 100.5"],
  ["target-string.yaml", "10:15", "spec.objectives[0].target", 'expected number, found "99.9"'],
  ["unknown-burn-rate-table.yaml", "14:16", "spec.alerting.burnRates", 'no burn-rate table named "fast"; known: '],
  ["unknown-field.yaml", "8:3", "spec.objectivs", 'unknown field "objectivs"; did you mean "objectives"?'],
  ["window-as-offset.yaml", "12:25", "spec.objectives[0].indicator.ratio.errors", "{{window}} may only stand for the range of a selector or subquery"],
  ["wrong-api-version.yaml", "2:13", "apiVersion", 'expected apiVersion servicelevel.dev/v1alpha1, found "servicelevel.dev/v1"'],
  ["wrong-kind.yaml", "3:7", "kind", 'expected kind ServiceLevelAgreement, found "Deployment"'],
];

const textLine = ([file, at, path, message]: (typeof expected)[number]) => `${broken}/${file}:${at}: ${path ? `${path}: ` : ""}${message}`;

describe("slactl validate on the broken fixtures", () => {
  let text: SlactlResult;
  beforeAll(async () => {
    text = await slactl("validate", broken);
  });

  it("has an expectation for every fixture file", () => {
    const fixtures = readdirSync(join(repositoryRoot, broken)).filter((f) => /\.ya?ml$/.test(f)).sort();
    expect([...new Set(expected.map(([file]) => file))].sort()).toEqual(fixtures);
  });

  it("exits 1 without a stack trace", () => {
    expect(text.code).toBe(1);
    expect(hasStackTrace(text.stdout + text.stderr)).toBe(false);
  });

  for (const expectation of expected) {
    it(`reports ${expectation[0]} at ${expectation[1]}`, () => {
      const lines = text.stdout.split("\n");
      expect(lines.some((line) => line.startsWith(textLine(expectation))), `expected a line starting with\n  ${textLine(expectation)}\nin\n${text.stdout}`).toBe(true);
    });
  }

  it("finds the SLA that the broken one depends on valid", () => {
    expect(text.stdout).not.toMatch(/dependency-target\.yaml:([1-9]|1[0-4]):/);
  });

  it("prints a summary on stderr", () => {
    // 21 files; dependency-target.yaml holds 2 SLAs and empty.yaml none; all but the vendor's are invalid,
    // and the empty file counts as one invalid input.
    expect(text.stderr).toBe("21 files, 21 SLAs: 21 invalid\n");
  });

  it("prints GitHub annotations with --format github", async () => {
    const github = await slactl("validate", "--format", "github", broken);
    expect(github.code).toBe(1);
    expect(github.stderr).toBe("");
    const lines = github.stdout.trimEnd().split("\n");
    expect(lines.every((line) => /^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[^:]+::/.test(line)), github.stdout).toBe(true);
    expect(lines).toContain(`::error file=${broken}/target-above-100.yaml,line=12,col=15,title=spec.objectives[0].target::expected a number below 100, found 100.5`);
    expect(lines).toContain(`::error file=${broken}/empty.yaml,line=1,col=1,title=empty::file is empty: expected a ServiceLevelAgreement`);
  });

  it("prints parseable JSON with --format json", async () => {
    const json = await slactl("validate", "--format", "json", broken);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe("");
    const records = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(records.length).toBeGreaterThanOrEqual(expected.length);
    for (const record of records) expect(Object.keys(record)).toEqual(["file", "line", "column", "path", "code", "severity", "message"]);
    expect(records).toContainEqual({
      file: `${broken}/wrong-kind.yaml`, line: 3, column: 7, path: "kind", code: "kind", severity: "error",
      message: 'expected kind ServiceLevelAgreement, found "Deployment"',
    });
  });
});

describe("slactl validate on valid inputs", () => {
  it("exits 0 on policies/examples and reports no errors", async () => {
    const result = await slactl("validate", "policies/examples");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((line) => line !== "" && !/: warning: /.test(line))).toEqual([]);
    expect(result.stderr).toMatch(/^\d+ files, \d+ SLAs: all valid(, \d+ warnings?)?\n$/);
  });

  it("prints an empty JSON array when all is valid and warning-free", async () => {
    const result = await slactl("validate", "--format", "json", "policies/examples/checkout-api.yaml");
    expect(result).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });

  it("checks a dependency against an SLA given in another argument", async () => {
    const dir = await mkdtemp(join(tmpdir(), "slactl-e2e-peers-"));
    try {
      const dependent = join(dir, "payments.yaml");
      await writeFile(dependent, [
        "apiVersion: servicelevel.dev/v1alpha1",
        "kind: ServiceLevelAgreement",
        "metadata: {name: payments}",
        "spec:",
        "  service: payments",
        "  owner: team-payments",
        "  objectives:",
        "    - {name: availability, target: 99.9, indicator: {probe: {metric: probe_success}}}",
        "  dependencies: [{name: payment-gateway, namespace: vendors}]",
        "",
      ].join("\n"));
      expect((await slactl("validate", dependent)).code).toBe(0);
      const result = await slactl("validate", dependent, "policies/examples/payment-gateway.yaml");
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(`${dependent}:8:36: spec.objectives[0].target: target 99.9% is more than the dependencies can support: payment-gateway (99.5%) allow at most 99.5%; ` +
        "lower the target, or, if the service copes with a weaker dependency (retries, a fallback), say how in spec.dependencies[0].weakerBecause\n");
      // Saying why the service copes with the weaker gateway makes the same target valid.
      const text = await readFile(dependent, "utf8");
      await writeFile(dependent, text.replace("namespace: vendors}", "namespace: vendors, weakerBecause: retries with fallback to a second provider}"));
      const explained = await slactl("validate", dependent, "policies/examples/payment-gateway.yaml");
      expect({ code: explained.code, stdout: explained.stdout }).toEqual({ code: 0, stdout: "" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rejects the same namespace/name defined twice", async () => {
    const result = await slactl("validate", "policies/examples/payment-gateway.yaml", `${broken}/dependency-target.yaml`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${broken}/dependency-target.yaml:5:9: metadata.name: ServiceLevelAgreement vendors/payment-gateway is already defined at policies/examples/payment-gateway.yaml:6:9`);
  });
});

describe("slactl validate on files that are not YAML text", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slactl-e2e-files-"));
    await writeFile(join(dir, "binary.yaml"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await writeFile(join(dir, "latin1.yaml"), Buffer.from("owner: M\xfcller\n", "latin1"));
    await writeFile(join(dir, "huge.yaml"), "");
    await truncate(join(dir, "huge.yaml"), 6 * 1024 * 1024);
    await copyFile(join(repositoryRoot, "policies/examples/checkout-api.yaml"), join(dir, "valid.yaml"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reports each as an issue of its file, checks the others, and never shows a stack trace", async () => {
    const result = await slactl("validate", dir);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(result.stdout).toContain(`${dir}/binary.yaml:1:1: file is binary (a NUL byte at offset 8), expected YAML text`);
    expect(result.stdout).toContain(`${dir}/latin1.yaml:1:1: file is not valid UTF-8 text, expected YAML`);
    expect(result.stdout).toContain(`${dir}/huge.yaml:1:1: file is 6.0 MiB, more than the limit of 5.0 MiB; it was not read`);
    expect(result.stdout).not.toContain("valid.yaml");
    expect(result.stderr).toBe("4 files, 1 SLA: 3 invalid\n");
  });
});
