// The duration bounds are the same at admission and in the compiler: every case below gets the
// same verdict from the real kube-apiserver (the CRD's pattern and CEL rules, server-side dry
// run) as from slactl's validation, and that verdict is the one written here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDocument } from "../../operator/src/compile/index.js";
import { crdPath } from "../../operator/src/api/v1alpha1/crd-file.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { hostileSla, tables } from "./support.js";

const skip = process.env["SLO_SKIP_CONTROLPLANE"] === "1";

// `admitted` differs from `valid` only for bounds relative to the period, which only the compiler
// checks: a field's admission rule cannot see the period.
type Case = { readonly field: string; readonly value: string; readonly valid: boolean; readonly admitted?: boolean };
const cases: Case[] = [
  ...[["30d", true], ["1h", true], ["400d", true], ["1h30m", true], ["59m", false], ["401d", false], ["300y", false], ["0s", false],
    ["100000000000000000000000000000y", false], ["30m1h", false], ["1d1d", false], ["1.5h", false]].map(([value, valid]) => ({ field: "rolling", value, valid }) as Case),
  ...[["90d", true], ["10y", true], ["11y", false], ["300000y", false], ["12h", false]].map(([value, valid]) => ({ field: "review", value, valid }) as Case),
  ...[["2h", true], ["30d", true], ["20000y", false], ["0s", false]].map(([value, valid]) => ({ field: "maintenance", value, valid }) as Case),
  { field: "maintenance", value: "31d", valid: false, admitted: true },
  ...[["5m", true], ["0s", false], ["30s", false], ["30d", true]].map(([value, valid]) => ({ field: "window", value, valid }) as Case),
  { field: "window", value: "31d", valid: false, admitted: true },
];

function documentFor(c: Case, name: string): Record<string, unknown> {
  const spec = c.field === "rolling" ? { period: { rolling: c.value } }
    : c.field === "review" ? { review: { every: c.value } }
      : c.field === "maintenance" ? { maintenance: [{ schedule: "0 2 * * SUN", duration: c.value }] }
        // The whole budget in the window: a factor of at least 1 for every window up to the 30d period, so only the duration decides.
        : { alerting: { burnRateTiers: [{ severity: "page", budgetPercent: 100, longWindow: c.value, shortWindow: "1m" }] } };
  const document = hostileSla(spec);
  return { ...document, metadata: { name, namespace: "default" } };
}

describe.skipIf(skip)("duration bounds", () => {
  let cp: ControlPlane | undefined;
  beforeAll(async () => {
    cp = await startControlPlane({ crds: [crdPath], prometheusRuleCrd: false });
  }, 600_000);
  afterAll(async () => {
    await cp?.stop();
  });

  it("are the same in the CRD and in the compiler", { timeout: 120_000 }, async () => {
    if (!cp) throw new Error("control plane did not start");
    const documents = cases.map((c, i) => documentFor(c, `case-${i}`));
    const result = await cp.kubectl(["apply", "--dry-run=server", "-f", "-"], { input: JSON.stringify({ apiVersion: "v1", kind: "List", items: documents }) });
    const refusedByApiserver = new Set([...`${result.stdout}\n${result.stderr}`.matchAll(/"(case-\d+)" is invalid/g)].map((m) => m[1]));
    const verdicts = cases.map((c, i) => ({
      ...c,
      apiserver: !refusedByApiserver.has(`case-${i}`),
      compiler: validateDocument(documents[i], { burnRateTables: tables }).ok,
    }));
    expect(verdicts.filter((v) => v.apiserver !== (v.admitted ?? v.valid)), result.stderr).toEqual([]);
    expect(verdicts.filter((v) => v.compiler !== v.valid)).toEqual([]);
  });

  it("name the accepted units and range when a duration is refused", async () => {
    if (!cp) throw new Error("control plane did not start");
    const result = await cp.kubectl(["apply", "--dry-run=server", "-f", "-"], { input: JSON.stringify(documentFor({ field: "rolling", value: "300y", valid: false }, "too-long")) });
    expect(result.stderr).toContain("expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)");
    const compiled = validateDocument(documentFor({ field: "rolling", value: "300y", valid: false }, "too-long"), { burnRateTables: tables });
    expect(compiled.ok ? [] : compiled.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      'spec.period.rolling: expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m), found "300y"',
    ]);
  });

  it("name the accepted units for a duration that is not one, at admission and in validation", async () => {
    if (!cp) throw new Error("control plane did not start");
    const document = documentFor({ field: "rolling", value: "5 days", valid: false }, "not-a-duration");
    const result = await cp.kubectl(["apply", "--dry-run=server", "-f", "-"], { input: JSON.stringify(document) });
    // The apiserver adds its own pattern message; the admission rule's sentence says what to write.
    expect(result.stderr).toContain("expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)");
    const compiled = validateDocument(document, { burnRateTables: tables });
    expect(compiled.ok ? [] : compiled.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      'spec.period.rolling: expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m), found "5 days"',
    ]);
  });
});
