// Report inputs with figures worked out by hand, for the renderers' tests (excluded from the build).
//
// checkout (shop), UTC calendar month October 2026 (744 h), reported on 2 November (complete):
// - availability, 99.9%: 10 events/s (3,000 per 5-minute step), no errors but 50% from
//   10 October 12:00 to 12:30 (6 steps × 1,500 = 9,000 bad). Total 26,784,000 events:
//   attained 99.966398% (shown 99.96), consumed 33.6021% (shown 33.61, so 66.39 left), one
//   incident of 30 minutes, Compliant.
// - latency, 99%: 2% of the same events slow all month: attained 98%, consumed 200% (-100 left),
//   Breached.
// Compliance 98% (the worst objective) is below 99.9 and 99 but not 95: credit 25%.
import { evaluateSla, periodByLabel, type Sample } from "../compile/budget/index.js";
import type { ObjectiveModel, SlaModel } from "../compile/model.js";
import { timeline } from "../measure/timeline.js";
import type { ReportInput, ReportSla } from "./types.js";

export const october = periodByLabel("2026-10", "UTC")!;
export const reportedAt = Date.UTC(2026, 10, 2);
const step = 5 * 60_000;

export const outage = { start: Date.UTC(2026, 9, 10, 12), end: Date.UTC(2026, 9, 10, 12, 30) };

const ratio = (name: string, target: number, description?: string): ObjectiveModel => ({
  name, target, budget: Number((1 - target).toPrecision(12)),
  ...(description === undefined ? {} : { description }),
  indicator: { kind: "ratio", errors: { text: "e[{{window}}]" }, total: { text: "t[{{window}}]" } },
});

export function checkoutModel(overrides: Partial<SlaModel> = {}): SlaModel {
  return {
    name: "checkout", namespace: "shop", service: "checkout", owner: "team-payments", description: "Checkout API for the web shop",
    labels: {}, period: { kind: "calendar", unit: "month", timeZone: "UTC", seconds: 30 * 86_400 },
    objectives: [ratio("availability", 0.999, "Requests answered without a server error"), ratio("latency", 0.99)],
    alerting: null, maintenance: [], dashboard: null,
    credits: [{ below: 0.999, creditPercent: 10 }, { below: 0.99, creditPercent: 25 }, { below: 0.95, creditPercent: 100 }],
    ...overrides,
  };
}

/** 5-minute samples over [from, to) with the bad amount a function of the step's start. */
export function steps(from: number, to: number, bad: (start: number) => number, total = 3000): Sample[] {
  const out: Sample[] = [];
  for (let t = from; t < to; t += step) out.push({ start: t, end: t + step, bad: bad(t), total });
  return out;
}

export const checkoutSamples = {
  availability: steps(october.start - 3 * 86_400_000, october.end, (t) => (t >= outage.start && t < outage.end ? 1500 : 0)),
  latency: steps(october.start - 3 * 86_400_000, october.end, () => 60),
};

/** A ReportSla from a model and samples, evaluated like evaluateSlas does, with hourly progress. */
export function reportSla(model: SlaModel, samples: Readonly<Record<string, readonly Sample[]>>, now: number, period = october): ReportSla {
  const evaluation = evaluateSla({ sla: model, now, period, samples });
  const progress = Object.fromEntries(evaluation.objectives.map((o) => [
    o.name, timeline(samples[o.name] ?? [], period, now, o.budget, evaluation.maintenance, 3600),
  ]));
  return { model, evaluation, progress };
}

export function checkoutReport(): ReportInput {
  return { generatedAt: reportedAt, slas: [reportSla(checkoutModel(), checkoutSamples, reportedAt)] };
}

/** Strings that would inject markup if a renderer forgot to escape them. */
export const hostile = {
  service: `<script>alert("svc")</script>`,
  owner: `team "ops" & <b>friends</b>`,
  description: `</p><img src=x onerror=alert(1)> | *bold* [link](http://evil.example) \`code\``,
  objective: `avail<svg onload=alert(2)>`,
  name: `name'"><iframe src=//evil.example>`,
};

export function hostileReport(): ReportInput {
  const model = checkoutModel({
    name: hostile.name, service: hostile.service, owner: hostile.owner, description: hostile.description,
    objectives: [ratio(hostile.objective, 0.999, hostile.description)],
  });
  return { generatedAt: reportedAt, slas: [reportSla(model, { [hostile.objective]: checkoutSamples.availability }, reportedAt)] };
}
