import { describe, expect, it } from "vitest";
import { firstMinuteAbove, seriesValues } from "./tests.js";
import type { SyntheticSeries } from "./test-series.js";

describe("expected alert times", () => {
  it("puts a 99.9% page on the 1h window at the first minute, as 14.4 x 0.1% of an hour is 51.84 s", () => {
    expect(firstMinuteAbove(0.0144, 60, false)).toEqual({ earliest: 1, latest: 1 });
  });

  it("puts a 99% page at minute 9: 0.144 x 60 = 8.64, and 0.144 x 59 = 8.5 under 3.x's range", () => {
    expect(firstMinuteAbove(0.144, 60, false)).toEqual({ earliest: 9, latest: 9 });
  });

  it("counts gauge samples, not intervals, for time-based indicators: 0.144 x 61 = 8.78", () => {
    expect(firstMinuteAbove(0.144, 60, true)).toEqual({ earliest: 9, latest: 9 });
    expect(firstMinuteAbove(0.1, 60, true)).toEqual({ earliest: 7, latest: 7 });
    expect(firstMinuteAbove(0.1, 60, false)).toEqual({ earliest: 6, latest: 7 });
  });

  it("never fires when the threshold cannot be crossed", () => {
    expect(firstMinuteAbove(1.5, 60, false).latest).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("promtool series notation", () => {
  const counter: SyntheticSeries = { metric: "x", labels: {}, type: "counter", valueAt: (e) => e * 10 };
  const gauge: SyntheticSeries = { metric: "g", labels: {}, type: "gauge", valueAt: (e) => 1 - e };

  it("continues a counter across segments with each segment's increment", () => {
    // Samples: 0 0 0 | 10 20 | 20 20 -> minute 3 and 4 are bad.
    expect(seriesValues(counter, [{ minutes: 2, badShare: 0 }, { minutes: 2, badShare: 1 }, { minutes: 2, badShare: 0 }])).toBe("0+0x2 10+10x1 20+0x1");
  });

  it("holds a gauge's value per segment", () => {
    expect(seriesValues(gauge, [{ minutes: 2, badShare: 0 }, { minutes: 3, badShare: 1 }])).toBe("1+0x2 0+0x2");
  });
});
