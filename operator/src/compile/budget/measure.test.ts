import { describe, expect, it } from "vitest";
import { countableLength, coveredLength, normalizeSamples, samplesFromRates, sumOver, type Sample } from "./measure.js";

const hour = 3_600_000;
const t0 = Date.UTC(2026, 10, 2);
const step = (i: number, bad: number, total: number, length = hour): Sample => ({ start: t0 + i * length, end: t0 + (i + 1) * length, bad, total });

describe("samples from recorded rates", () => {
  it("turns per-second rates into amounts per step, the value at t covering the step before t", () => {
    const t = t0 + 300_000;
    expect(samplesFromRates([[t, 0.5]], [[t, 10]], 300)).toEqual([{ start: t0, end: t, bad: 150, total: 3000 }]);
  });

  it("counts a missing errors value as no errors and a missing events value as no data", () => {
    const a = t0 + 300_000;
    const b = t0 + 600_000;
    expect(samplesFromRates([[b, 1]], [[a, 2]], 300)).toEqual([{ start: t0, end: a, bad: 0, total: 600 }]);
  });

  it("caps errors at events and drops values that are not numbers", () => {
    const a = t0 + 300_000;
    const b = t0 + 600_000;
    expect(samplesFromRates([[a, 3]], [[a, 2], [b, Number.NaN]], 300)).toEqual([{ start: t0, end: a, bad: 600, total: 600 }]);
  });

  it("measures a time-based indicator in seconds: events are 1, errors the bad share", () => {
    const t = t0 + 300_000;
    expect(samplesFromRates([[t, 0.2]], [[t, 1]], 300)).toEqual([{ start: t0, end: t, bad: 60, total: 300 }]);
  });
});

describe("sums over a range", () => {
  it("returns the ratio of sums under uneven traffic, not the average of the hourly ratios", () => {
    // 12 busy hours: 10,000 events, 10 bad (0.1%); 12 quiet hours: 100 events, 5 bad (5%).
    const samples = Array.from({ length: 24 }, (_, i) => (i < 12 ? step(i, 10, 10_000) : step(i, 5, 100)));
    const sum = sumOver(samples, { start: t0, end: t0 + 24 * hour }, []);
    // By hand: bad = 120 + 60 = 180, total = 120,000 + 1,200 = 121,200.
    expect(sum).toEqual({ bad: 180, total: 121_200 });
    // 1 - 180/121,200 = 99.8515%; the average of the hourly ratios would say 1 - 0.0255 = 97.45%.
    expect(1 - sum.bad / sum.total).toBeCloseTo(0.998514851485, 12);
  });

  it("counts steps partly inside the range or partly in maintenance in proportion", () => {
    const samples = [step(0, 100, 1000), step(1, 40, 400)];
    // Range starts half-way through the first step; maintenance covers the first quarter of the second.
    const sum = sumOver(samples, { start: t0 + hour / 2, end: t0 + 2 * hour }, [{ start: t0 + hour, end: t0 + hour + hour / 4 }]);
    expect(sum).toEqual({ bad: 50 + 30, total: 500 + 300 });
  });

  it("counts nothing of a step inside maintenance", () => {
    expect(sumOver([step(0, 100, 100)], { start: t0, end: t0 + hour }, [{ start: t0 - hour, end: t0 + 2 * hour }])).toEqual({ bad: 0, total: 0 });
  });

  it("measures the time outside maintenance and the part of it that has data", () => {
    const range = { start: t0, end: t0 + 4 * hour };
    const maintenance = [{ start: t0 + hour, end: t0 + 2 * hour }];
    expect(countableLength(range, maintenance)).toBe(3 * hour);
    // Data in hours 0 and 1 (1 is maintenance) and an empty hour 3.
    expect(coveredLength([step(0, 0, 10), step(1, 0, 10), step(3, 0, 0)], range, maintenance)).toBe(hour);
  });

  it("drops malformed samples and later ones that overlap, so nothing counts twice", () => {
    const good = step(0, 1, 10);
    const overlapping = { start: t0 + hour / 2, end: t0 + 2 * hour, bad: 5, total: 10 };
    const badOverTotal = step(2, 11, 10);
    const backwards = { start: t0 + 4 * hour, end: t0 + 3 * hour, bad: 0, total: 1 };
    expect(normalizeSamples([overlapping, badOverTotal, good, backwards, step(5, Number.NaN, 1)])).toEqual([good]);
  });
});
