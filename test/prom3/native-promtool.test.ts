// The generated promtool tests of a native-histogram latency objective write their input series
// in promtool 3's native-histogram notation; the real promtool 3 passes them, and fails them when
// the page threshold in the rules is doubled, so they are not vacuous.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prometheus3 } from "../support/prometheus-releases.js";
import { promtool } from "../support/promtool.js";
import { compileLatencySla } from "./latency-sla.js";

const dir = mkdtempSync(join(tmpdir(), "slo-native-promtool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = compileLatencySla({ name: "checkout", job: "checkout", threshold: "300ms", native: true }).files;

const run = async (name: string, rules: string) => {
  const sub = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(sub, "checkout.rules.yaml"), rules);
  writeFileSync(join(sub, "checkout.rules.test.yaml"), files["rules.test.yaml"] as string);
  return promtool(["test", "rules", "checkout.rules.test.yaml"], sub, prometheus3());
};

describe("generated promtool tests of a native-histogram objective, on promtool 3", () => {
  it("write native histograms as input series", () => {
    expect(files["rules.test.yaml"]).toMatch(/http_request_duration_seconds\{job="checkout"\}/);
    expect(files["rules.test.yaml"]).toContain("{{schema:0 count:");
    expect(files["rules.test.yaml"]).not.toContain("_bucket");
  });

  it("pass", { timeout: 600_000 }, async () => {
    const result = await run("ok", files["rules.yaml"] as string);
    expect(result.output).toContain("SUCCESS");
    expect(result.ok, result.output).toBe(true);
  });

  it("fail when a latency page would fire late", { timeout: 600_000 }, async () => {
    const original = files["rules.yaml"] as string;
    const mutated = original.replaceAll("(14.4 * 0.01)", "(28.8 * 0.01)");
    expect(mutated).not.toBe(original);
    const result = await run("late-page", mutated);
    expect(result.ok).toBe(false);
  });
});
