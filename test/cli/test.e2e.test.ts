// slactl test runs the generated promtool unit tests with the real promtool.
import { describe, expect, it } from "vitest";
import { slactl } from "./slactl.js";

describe("slactl test", () => {
  it("compiles an SLA and passes its generated promtool tests", { timeout: 90_000 }, async () => {
    const result = await slactl("test", "policies/examples/order-flow.yaml");
    expect(result.stderr).toContain("PASS shop/order-flow.rules.test.yaml");
    expect(result.stderr).toContain("1 passed, 0 failed");
    expect(result.code).toBe(0);
  });

  it("exits 2 with advice when promtool cannot be run", { timeout: 60_000 }, async () => {
    const result = await slactl("test", "policies/examples/order-flow.yaml", "--promtool", "/nonexistent/promtool");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot run \/nonexistent\/promtool: install Prometheus' promtool/);
  });

  it("exits 1 without running anything when an input is invalid", { timeout: 60_000 }, async () => {
    const result = await slactl("test", "test/fixtures/broken/target-above-100.yaml");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("spec.objectives[0].target");
    expect(result.stderr).not.toContain("PASS");
  });
});
