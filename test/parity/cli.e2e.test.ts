// slactl import and export as users run them, in a child process.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseAllDocuments } from "yaml";
import { slactl } from "../cli/slactl.js";
import { anchors } from "./support.js";

// Each slactl run starts node with tsx: seconds apiece on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe("slactl import and export", () => {
  it("writes an imported Sloth spec to stdout, led by a comment naming its source, with warnings on stderr", async () => {
    const file = join(anchors, "sloth/examples/getting-started.yml");
    // Sloth's own 7d windows have a tier below 1x, which is raised to 1x with a warning.
    const result = await slactl("import", file, join(anchors, "sloth/windows/7d.yaml"), "--sloth-period", "7d");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`# Imported by slactl from sloth sources ${file}:1, `)).toBe(true);
    expect(result.stderr).toMatch(/getting-started\.yml:\d+:\d+: warning: Sloth's ticket tier 4 \(42% of the budget in 3d of 7d\) burns at 0\.98x/);
    expect(result.stderr).toMatch(/imported 1 SLA from 2 files: 0 errors, 1 warning/);
  });

  it("writes one file per SLA with --out, validates them, and exits 1 when a document cannot be imported", async () => {
    const out = mkdtempSync(join(tmpdir(), "slactl-import-"));
    const result = await slactl("import", join(anchors, "pyrra/examples/generic/nginx.yaml"), join(anchors, "sloth/examples/plugin-getting-started.yml"), "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/plugin-getting-started\.yml:13:7: slos\[0\]\.sli\.plugin: SLI plugin "getting_started_availability"/);
    const written = [join(out, "monitoring/nginx-api-errors.yaml"), join(out, "monitoring/nginx-api-latency.yaml")];
    for (const file of written) expect(parseAllDocuments(readFileSync(file, "utf8"))[0]!.toJS().kind).toBe("ServiceLevelAgreement");
    const validated = await slactl("validate", ...written);
    expect(validated.code).toBe(0);
  });

  it("exports an example SLA as OpenSLO v1 that imports back", async () => {
    const out = mkdtempSync(join(tmpdir(), "slactl-export-"));
    const exported = await slactl("export", "--to", "openslo", "policies/examples/order-flow.yaml", "--out", out);
    expect(exported.code).toBe(0);
    const file = join(out, "shop/order-flow.openslo.yaml");
    const kinds = parseAllDocuments(readFileSync(file, "utf8")).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds).toContain("SLO");
    expect(kinds).toContain("AlertPolicy");
    const back = await slactl("import", file);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/kind: ServiceLevelAgreement/);
  });

  it("rejects an unknown --from and a missing --to as usage errors", async () => {
    expect((await slactl("import", "--from", "nagios", "x.yaml")).code).toBe(2);
    expect((await slactl("export", "policies/examples")).code).toBe(2);
  });
});
