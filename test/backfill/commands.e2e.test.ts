// slactl backfill without --run, as users run it: rule files that promtool accepts, and the exact
// promtool commands in stage order.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { slactl } from "../cli/slactl.js";

vi.setConfig({ testTimeout: 120_000 });

describe("slactl backfill", () => {
  it("writes one rule file per stage that promtool accepts and prints the promtool command of each, in order", async () => {
    const out = mkdtempSync(join(tmpdir(), "slactl-backfill-"));
    const result = await slactl("backfill", "policies/examples", "--start", "2026-10-31T23:00:00Z", "--end", "1795000000", "--url", "http://prometheus:9090", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith(".rules.yaml")).sort();
    expect(files.length).toBeGreaterThanOrEqual(4);
    // Each stage is copied to one file name first: promtool offsets a group's evaluations by a hash
    // of the rule file's path, and a group split over stages must be evaluated at the same instants.
    const commands = result.stdout.split("\n").filter((l) => l.startsWith("promtool ") || l.startsWith("cp "));
    expect(commands).toEqual(files.flatMap((f, i) => [
      `cp ${join(out, f)} ${join(out, "backfill.rules.yaml")}`,
      `promtool tsdb create-blocks-from rules --start=1793487600 --end=1795000000 --url=http://prometheus:9090 --output-dir=${join(out, `blocks-${i}`)} ${join(out, "backfill.rules.yaml")}`,
    ]));
    for (const file of files) execFileSync(process.env["PROMTOOL"] ?? "promtool", ["check", "rules", join(out, file)], { stdio: "pipe" });
  });

  it("rejects a range that ends before it starts, and --run without --data-dir, as usage errors", async () => {
    const base = ["backfill", "policies/examples/order-flow.yaml", "--url", "http://p:9090", "--out", "/tmp/x"];
    expect((await slactl(...base, "--start", "1795000000", "--end", "1794000000")).code).toBe(2);
    expect((await slactl(...base, "--start", "1794000000", "--end", "1795000000", "--run")).code).toBe(2);
  });
});
