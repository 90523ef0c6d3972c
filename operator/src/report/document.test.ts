import { describe, expect, it } from "vitest";
import { evaluateSla } from "../compile/budget/index.js";
import { renderJson, reportDocument, stableJson } from "./document.js";
import { checkoutModel, checkoutReport, checkoutSamples, october, reportSla, reportedAt } from "./report.fixture.js";

describe("the report document", () => {
  it("carries the hand-computed figures of the fixture, rounded as the status rounds them", () => {
    const document = reportDocument(checkoutReport());
    expect(document.apiVersion).toBe("servicelevel.dev/v1alpha1");
    expect(document.kind).toBe("ServiceLevelReport");
    expect(document.generatedAt).toBe("2026-11-02T00:00:00Z");
    const [sla] = document.slas;
    expect(sla).toMatchObject({
      namespace: "shop", name: "checkout", service: "checkout", owner: "team-payments",
      period: { label: "2026-10", kind: "month", start: "2026-10-01T00:00:00Z", end: "2026-11-01T00:00:00Z", timeZone: "UTC", complete: true },
      state: "Breached",
      compliance: 98,
      credit: 25,
      budgetRemaining: -100,
    });
    const [availability, latency] = sla?.objectives ?? [];
    // 9,000 bad of 26,784,000: 99.966398% rounds DOWN to 99.96; 33.6021% consumed rounds UP to 33.61.
    expect(availability).toMatchObject({ name: "availability", target: 99.9, attained: 99.96, errorBudget: { consumed: 33.61, remaining: 66.39 }, state: "Compliant", unit: "events", coverage: 100 });
    expect(availability?.description).toBe("Requests answered without a server error");
    expect(availability?.incidents).toEqual({
      count: 1, mttr: "30m", mtbf: "743h30m", downtime: "30m",
      list: [{ start: "2026-10-10T12:00:00Z", end: "2026-10-10T12:30:00Z", duration: "30m", durationSeconds: 1800 }],
    });
    expect(latency).toMatchObject({ name: "latency", target: 99, attained: 98, errorBudget: { consumed: 200, remaining: -100 }, state: "Breached" });
    expect(latency?.incidents).toEqual({ count: 0, downtime: "0s", list: [] });
  });

  it("marks the credit tier that applies: the lowest threshold the compliance is below", () => {
    const [sla] = reportDocument(checkoutReport()).slas;
    expect(sla?.creditTiers).toEqual([
      { below: 99.9, credit: 10, applies: false },
      { below: 99, credit: 25, applies: true },
      { below: 95, credit: 100, applies: false },
    ]);
  });

  it("marks no tier when compliance meets every threshold, and leaves compliance and credit out without data", () => {
    const clean = reportSla(checkoutModel({ objectives: [checkoutModel().objectives[0]!] }), { availability: checkoutSamples.latency.map((s) => ({ ...s, bad: 0 })) }, reportedAt);
    const [good] = reportDocument({ generatedAt: reportedAt, slas: [clean] }).slas;
    expect(good?.credit).toBe(0);
    expect(good?.creditTiers.every((t) => !t.applies)).toBe(true);

    const empty = reportSla(checkoutModel(), {}, reportedAt);
    const [none] = reportDocument({ generatedAt: reportedAt, slas: [empty] }).slas;
    expect(none?.state).toBe("NoData");
    expect(none).not.toHaveProperty("compliance");
    expect(none).not.toHaveProperty("credit");
    expect(none).not.toHaveProperty("budgetRemaining");
    expect(none?.objectives[0]).not.toHaveProperty("attained");
    expect(none?.objectives[0]).not.toHaveProperty("errorBudget");
    expect(none?.creditTiers.every((t) => !t.applies)).toBe(true);
  });

  it("says a period in progress is not complete", () => {
    const now = Date.UTC(2026, 9, 20);
    const evaluation = evaluateSla({ sla: checkoutModel(), now, period: october, samples: checkoutSamples });
    const [sla] = reportDocument({ generatedAt: now, slas: [{ model: checkoutModel(), evaluation, progress: {} }] }).slas;
    expect(sla?.period.complete).toBe(false);
  });

  it("lists maintenance inside the period in UTC", () => {
    const model = checkoutModel({ maintenance: [{ kind: "fixed", startMs: Date.UTC(2026, 9, 4, 1), endMs: Date.UTC(2026, 9, 4, 3) }] });
    const [sla] = reportDocument({ generatedAt: reportedAt, slas: [reportSla(model, checkoutSamples, reportedAt)] }).slas;
    expect(sla?.maintenance).toEqual([{ start: "2026-10-04T01:00:00Z", end: "2026-10-04T03:00:00Z" }]);
  });

  it("prints JSON with sorted keys at every level, so the output diffs cleanly", () => {
    const text = renderJson(checkoutReport());
    expect(text.endsWith("}\n")).toBe(true);
    const keysInOrder = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(keysInOrder);
      if (value === null || typeof value !== "object") return true;
      const keys = Object.keys(value);
      return keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k) && Object.values(value).every(keysInOrder);
    };
    expect(keysInOrder(JSON.parse(text))).toBe(true);
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
    // The same input gives the same bytes.
    expect(renderJson(checkoutReport())).toBe(text);
  });
});
