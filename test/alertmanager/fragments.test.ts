// Every Alertmanager config fragment the compiler emits passes the real `amtool check-config`, and
// every AlertmanagerConfig passes prometheus-operator's schema: the examples and schedules of each
// shape the compiler writes (several times a day, both day fields, past midnight, fixed ranges).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { compile, type CompiledSla } from "../../operator/src/compile/index.js";
import { compileExamples } from "../support/examples.js";
import { loadTables, slaDocument } from "../support/burn-rate-tables.js";
import { amtoolPath } from "./harness.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "slo-amtool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = Date.UTC(2026, 11, 1, 12);

const shapes: Record<string, unknown[]> = {
  "twice-daily": [{ schedule: "0,30 1,13 * * *", duration: "20m" }],
  "day-or-weekday": [{ schedule: "0 4 1,15 * MON", duration: "1h" }],
  "past-midnight": [{ schedule: "30 22 * * FRI", duration: "3h" }],
  "multi-day-fixed": [{ start: "2026-12-24T18:00:00Z", end: "2026-12-27T06:30:00Z" }],
  "quarterly": [{ schedule: "0 3 1 1,4,7,10 *", duration: "4h" }],
};

function compiled(name: string, maintenance: unknown[]): CompiledSla {
  const result = compile(slaDocument({ period: { calendar: "month", timeZone: "Europe/Berlin" }, maintenance }, { name, namespace: "am" }), { burnRateTables: loadTables(), now });
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const all = [...compileExamples(), ...Object.entries(shapes).map(([name, windows]) => compiled(name, windows))].filter((c) => c.files["alertmanager.yaml"]);

describe.concurrent.each(all.map((c) => [`${c.model.namespace}/${c.model.name}`, c] as const))("the Alertmanager outputs of %s", (_, sla) => {
  it("pass amtool check-config", async () => {
    const file = join(dir, `${sla.model.namespace}-${sla.model.name}.yaml`);
    writeFileSync(file, sla.files["alertmanager.yaml"] as string);
    const { stdout } = await run(amtoolPath, ["check-config", file]);
    expect(stdout).toContain("SUCCESS");
  });

  it("include an AlertmanagerConfig that prometheus-operator's schema accepts", async () => {
    const { AlertmanagerConfig } = await import("@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig");
    const object = new AlertmanagerConfig(sla.alertmanagerConfig as ConstructorParameters<typeof AlertmanagerConfig>[0]);
    expect(() => object.validate()).not.toThrow();
  });
});

it("covers the examples' contract with maintenance and every shape", () => {
  expect(all.map((c) => c.model.name).sort()).toEqual(["day-or-weekday", "managed-hosting", "multi-day-fixed", "past-midnight", "quarterly", "twice-daily"]);
});
