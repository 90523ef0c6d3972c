import { describe, expect, it } from "vitest";
import { seriesValues } from "./tests.js";
import type { SyntheticSeries } from "./test-series.js";

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
