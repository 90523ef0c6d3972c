// runStages with a stand-in promtool: a stage whose queries Prometheus answered in part (promtool
// logs the warnings and exits 0) is run again, and refused when every run is partial; every stage
// reaches promtool under one file path. The real promtool and Prometheus are in test/backfill/ and
// test/backtest/.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { partialAnswer, runStages, type BackfillStage } from "./backfill.js";

const warning = 'time=2026-12-02T13:00:00Z level=WARN source=rules.go:118 msg="Range query returned warnings." warnings="[remote_read: context deadline exceeded]"';
let dir: string;
let server: Server;
let url: string;
const savedPromtool = process.env["PROMTOOL"];

beforeAll(async () => {
  // Answers every query with an empty vector: no stage here writes a block, so 0 samples are due.
  server = createServer((_req, res) => res.end(JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  if (savedPromtool === undefined) delete process.env["PROMTOOL"];
  else process.env["PROMTOOL"] = savedPromtool;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A promtool that logs the partial-answer warning on its first `partialRuns` runs and counts its runs. */
function fakePromtool(partialRuns: number): { runs: () => number; calls: () => string[] } {
  dir = mkdtempSync(join(tmpdir(), "slactl-backfill-unit-"));
  const counter = join(dir, "runs");
  writeFileSync(counter, "0");
  const script = join(dir, "promtool");
  writeFileSync(script, `#!/bin/sh
n=$(($(cat ${counter}) + 1)); echo $n > ${counter}
if [ $n -le ${partialRuns} ]; then echo '${warning}' >&2; fi
for last; do :; done
{ echo "$last"; grep 'record:' "$last"; } >> ${join(dir, "calls")}
exit 0
`);
  chmodSync(script, 0o755);
  process.env["PROMTOOL"] = script;
  return { runs: () => Number(readFileSync(counter, "utf8").trim()), calls: () => readFileSync(join(dir, "calls"), "utf8").trim().split("\n") };
}

const stages: BackfillStage[] = [{ index: 1, groups: [{ name: "g", interval: "1m", rules: [{ record: "sla:test:rate5m", expr: "vector(1)", labels: {} }] }] }];

async function run(stagesToRun = stages): Promise<{ ok: boolean; stderr: string }> {
  let stderr = "";
  const ok = await runStages(stagesToRun, { out: join(dir, "out"), url, dataDir: join(dir, "data"), startMs: 0, endMs: 3_600_000, load: async () => true, retryDelayMs: 1 },
    { stdout: () => undefined, stderr: (t) => void (stderr += t) });
  return { ok, stderr };
}

describe("runStages", () => {
  it("runs a stage again when promtool logged a partial answer, and goes on once it is whole", async () => {
    const promtool = fakePromtool(1);
    const { ok, stderr } = await run();
    expect(ok, stderr).toBe(true);
    expect(promtool.runs()).toBe(2);
    expect(stderr).toContain("stage 1: Prometheus answered part of a query ([remote_read: context deadline exceeded]); running the stage again");
  });

  it("fails the stage, naming the warning, when every run is partial", async () => {
    const promtool = fakePromtool(99);
    const { ok, stderr } = await run();
    expect(ok).toBe(false);
    expect(promtool.runs()).toBe(3);
    expect(stderr).toMatch(/stage 1: Prometheus at http:\/\/127\.0\.0\.1:\d+ answered only part of a query in each of 3 runs \(\[remote_read: context deadline exceeded\]\); nothing of this stage was loaded/);
  });

  it("runs each stage once when nothing is partial", async () => {
    const promtool = fakePromtool(0);
    expect((await run()).ok).toBe(true);
    expect(promtool.runs()).toBe(1);
  });

  it("gives promtool every stage under one file path, holding that stage's rules", async () => {
    // promtool offsets a group's evaluations by a hash of the file path: one path, one offset.
    const promtool = fakePromtool(0);
    const two: BackfillStage[] = [
      { index: 0, groups: [{ name: "g", interval: "1m", rules: [{ record: "sla:first:rate5m", expr: "vector(1)", labels: {} }] }] },
      { index: 1, groups: [{ name: "g", interval: "1m", rules: [{ record: "sla:second:rate5m", expr: "sla:first:rate5m", labels: {} }] }] },
    ];
    expect((await run(two)).ok).toBe(true);
    const file = join(dir, "out", "backfill.rules.yaml");
    expect(promtool.calls()).toEqual([file, "      - record: sla:first:rate5m", file, "      - record: sla:second:rate5m"]);
  });
});

describe("partialAnswer", () => {
  it("finds the warnings in promtool's log, in its text format of either release", () => {
    expect(partialAnswer(`level=INFO msg="processing rule"\n${warning}\n`)).toBe("[remote_read: context deadline exceeded]");
    expect(partialAnswer('level=warn ts=2026-12-02T13:00:00Z caller=rules.go:118 msg="Range query returned warnings." warnings="[store eu: unavailable]"')).toBe("[store eu: unavailable]");
    expect(partialAnswer('level=INFO msg="processing group"')).toBeUndefined();
  });
});
