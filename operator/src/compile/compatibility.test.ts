import { describe, expect, it } from "vitest";
import { compile } from "./index.js";
import { prometheusDuration } from "./compatibility.js";
import type { RecordingRule } from "./rules.js";
import { loadTables } from "../../../test/support/burn-rate-tables.js";
import { availabilityObjective, checkoutSla } from "./workbook.fixture.js";

const sla = (compatibility?: object, objectives = 1) => checkoutSla({
  labels: { region: "eu" },
  period: { rolling: "28d" },
  objectives: Array.from({ length: objectives }, (_, i) => availabilityObjective("checkout", i === 0 ? "availability" : `other-${i}`)),
  ...(compatibility ? { compatibility } : {}),
});

function recording(document: object): RecordingRule[] {
  const result = compile(document, { burnRateTables: loadTables() });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.groups.flatMap((g) => g.rules).filter((r): r is RecordingRule => "record" in r);
}

describe("compatibility series", () => {
  it("prints durations as Prometheus does: weeks and years only when they divide evenly", () => {
    expect(prometheusDuration(28 * 86_400)).toBe("4w");
    expect(prometheusDuration(30 * 86_400)).toBe("30d");
    expect(prometheusDuration(86_400)).toBe("1d");
    expect(prometheusDuration(5400)).toBe("1h30m");
    expect(prometheusDuration(365 * 86_400)).toBe("1y");
  });

  it("records nothing of other tools unless asked", () => {
    expect(recording(sla()).filter((r) => !r.record.startsWith("sla:"))).toEqual([]);
  });

  it("records Sloth's series from ours, with Sloth's labels, for each window we record and the period", () => {
    const rules = recording(sla({ sloth: true }));
    const sloth = rules.filter((r) => r.record.startsWith("slo:") || r.record === "sloth_slo_info");
    const ratio5m = sloth.find((r) => r.record === "slo:sli_error:ratio_rate5m")!;
    expect(ratio5m.expr).toBe('sla:sli_error:ratio_rate5m{objective="availability", sla="checkout", sla_namespace="shop"}');
    expect(ratio5m.labels).toMatchObject({ region: "eu", sloth_id: "checkout-availability", sloth_service: "checkout", sloth_slo: "availability", sloth_window: "5m" });
    const period = sloth.find((r) => r.record === "slo:sli_error:ratio_rate4w")!;
    expect(period.expr).toContain("sla:sli_error:ratio_period{");
    // No compatibility rule reads a raw series: each reads one of ours, or nothing.
    for (const rule of sloth) expect(rule.expr).toMatch(/^(vector\(|sla:)/);
    const ours = new Set(rules.filter((r) => r.record.startsWith("sla:sli_error:ratio_rate")).map((r) => r.record.replace("sla:", "slo:")));
    const theirs = new Set(sloth.filter((r) => r.record.startsWith("slo:sli_error:ratio_rate") && r !== period).map((r) => r.record));
    expect(theirs).toEqual(new Set([...ours].map((n) => n.replace(/rate(\d+)d$/, (_, d: string) => `rate${Number(d) % 7 === 0 ? `${Number(d) / 7}w` : `${d}d`}`))));
    expect(sloth.find((r) => r.record === "slo:objective:ratio")!.expr).toBe("vector(0.999)");
    expect(sloth.find((r) => r.record === "sloth_slo_info")!.labels).toMatchObject({ sloth_objective: "99.9" });
  });

  it("records Pyrra's generic series, slo named after the SLA (and the objective when there are several)", () => {
    const rules = recording(sla({ pyrra: true })).filter((r) => r.record.startsWith("pyrra_"));
    expect(rules.map((r) => r.record).sort()).toEqual(["pyrra_availability", "pyrra_errors:rate5m", "pyrra_objective", "pyrra_requests:rate5m", "pyrra_window"]);
    expect(rules.every((r) => r.labels["slo"] === "checkout")).toBe(true);
    expect(rules.find((r) => r.record === "pyrra_window")!.expr).toBe(`vector(${28 * 86_400})`);
    expect(rules.find((r) => r.record === "pyrra_availability")!.expr).toBe('1 - sla:sli_error:ratio_period{objective="availability", sla="checkout", sla_namespace="shop"}');
    const two = recording(sla({ pyrra: true }, 2)).filter((r) => r.record === "pyrra_objective").map((r) => r.labels["slo"]);
    expect(two).toEqual(["checkout-availability", "checkout-other-1"]);
  });

  it("puts each rule right after the one it reads, in the same group", () => {
    const result = compile(sla({ sloth: true, pyrra: true }), { burnRateTables: loadTables() });
    if (!result.ok) throw new Error("does not compile");
    for (const group of result.value.groups) {
      const records = group.rules.map((r) => ("record" in r ? r.record : ""));
      group.rules.forEach((rule, i) => {
        const read = /^(?:1 - )?(sla:[a-z_:0-9]+)\{/.exec(rule.expr)?.[1];
        if (!read || !("record" in rule) || rule.record.startsWith("sla:")) return;
        expect(records.indexOf(read), `${rule.record} reads ${read} in ${group.name}`).toBeGreaterThanOrEqual(0);
        expect(records.indexOf(read)).toBeLessThan(i);
      });
    }
  });
});
