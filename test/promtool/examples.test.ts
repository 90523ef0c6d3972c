// The proof of issue "rules are provably correct": every example compiles to rules that the real
// promtool accepts, and every generated unit test passes under the real promtool - and fails when
// a threshold in the rules is wrong, so the tests are not vacuous. All of it on every Prometheus
// release the project supports (Debian's 2.42 and 3.x).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileExamples } from "../support/examples.js";
import { prometheusReleases } from "../support/prometheus-releases.js";
import { promtool } from "../support/promtool.js";

const dir = mkdtempSync(join(tmpdir(), "slo-promtool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compiled = compileExamples();
for (const sla of compiled) {
  for (const [suffix, text] of Object.entries(sla.files)) writeFileSync(join(dir, `${sla.model.name}.${suffix}`), text);
}

describe.each(prometheusReleases().map((r) => [r.name, r] as const))("on %s", (_name, release) => {
  beforeAll(() => release.ready(), 1_800_000); // builds Prometheus 3 when the cache is empty

  describe.concurrent.each(compiled.map((c) => [`${c.model.namespace}/${c.model.name}`, c] as const))("example %s", (_, sla) => {
    it("passes promtool check rules", async () => {
      const result = await promtool(["check", "rules", `${sla.model.name}.rules.yaml`], dir, release);
      expect(result.output).toContain(`SUCCESS: ${sla.ruleCount} rules found`);
      expect(result.ok).toBe(true);
    });

    it("passes its generated promtool unit tests", { timeout: 600_000 }, async () => {
      const result = await promtool(["test", "rules", `${sla.model.name}.rules.test.yaml`], dir, release);
      expect(result.output).toContain("SUCCESS");
      expect(result.ok, result.output).toBe(true);
    });
  });

  const withMaintenance = compiled.filter((c) => c.files["maintenance.rules.test.yaml"]);

  describe.concurrent.each(withMaintenance.map((c) => [`${c.model.namespace}/${c.model.name}`, c] as const))("example %s with maintenance", (_, sla) => {
    it("passes its generated maintenance tests: no page for an outage inside the window, a page on time right after it", { timeout: 600_000 }, async () => {
      const result = await promtool(["test", "rules", `${sla.model.name}.maintenance.rules.test.yaml`], dir, release);
      expect(result.output).toContain("SUCCESS");
      expect(result.ok, result.output).toBe(true);
    });

    it("fails them when the rates count maintenance", { timeout: 600_000 }, async () => {
      const mutantDir = mkdtempSync(join(dir, `no-maintenance-${release.major}-`));
      const rules = sla.files["maintenance-test-rules.yaml"] as string;
      const mutated = rules.replace(/ \* on\(\) \(1 - sla:maintenance:overlap5m\{[^}]*\}\)/g, "");
      expect(mutated).not.toBe(rules);
      writeFileSync(join(mutantDir, `${sla.model.name}.maintenance-test-rules.yaml`), mutated);
      writeFileSync(join(mutantDir, `${sla.model.name}.maintenance.rules.test.yaml`), sla.files["maintenance.rules.test.yaml"] as string);
      const result = await promtool(["test", "rules", `${sla.model.name}.maintenance.rules.test.yaml`], mutantDir, release);
      expect(result.ok).toBe(false);
      expect(result.output).toContain("SLAErrorBudgetBurn");
    });
  });

  it("has an example with maintenance", () => {
    expect(withMaintenance.map((c) => c.model.name)).toEqual(["managed-hosting"]);
  });

  describe.concurrent("the generated unit tests", () => {
    const checkout = compiled.find((c) => c.model.name === "checkout");
    const mutate = async (name: string, change: (rules: string) => string) => {
      if (!checkout) throw new Error("the checkout example is missing");
      const original = checkout.files["rules.yaml"] as string;
      const mutated = change(original);
      expect(mutated).not.toBe(original);
      const mutantDir = mkdtempSync(join(dir, `${name}-${release.major}-`));
      writeFileSync(join(mutantDir, "checkout.rules.yaml"), mutated);
      writeFileSync(join(mutantDir, "checkout.rules.test.yaml"), checkout.files["rules.test.yaml"] as string);
      return promtool(["test", "rules", "checkout.rules.test.yaml"], mutantDir, release);
    };

    it("fail when the fast page threshold is doubled", { timeout: 600_000 }, async () => {
      const result = await mutate("slow-page", (r) => r.replaceAll("(14.4 * 0.001)", "(28.8 * 0.001)"));
      expect(result.ok).toBe(false);
      expect(result.output).toContain("long_window=\"1h\"");
    });

    it("fail when a latency page would fire early", { timeout: 600_000 }, async () => {
      const result = await mutate("early-page", (r) => r.replaceAll("(14.4 * 0.01)", "(7.2 * 0.01)"));
      expect(result.ok).toBe(false);
    });

    it("fail when the slowest ticket tier is too lax", { timeout: 600_000 }, async () => {
      const result = await mutate("lax-ticket", (r) => r.replaceAll("(1 * 0.001)", "(2 * 0.001)"));
      expect(result.ok).toBe(false);
    });

    it("fail when the no-data alert waits too long", { timeout: 600_000 }, async () => {
      const result = await mutate("late-no-data", (r) => r.replaceAll("for: 10m", "for: 20m"));
      expect(result.ok).toBe(false);
      expect(result.output).toContain("SLAIndicatorNoData");
    });
  });
});
