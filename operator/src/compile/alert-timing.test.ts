import { describe, expect, it } from "vitest";
import { firstClear, firstHolding, segmentTimeline, windowRatio } from "./alert-timing.js";

const page99_9 = { longMinutes: 60, shortMinutes: 5, threshold: 0.0144 };
const outageAt70 = (maintenance: { start: number; end: number }[] = []) =>
  segmentTimeline([{ minutes: 70, badShare: 0 }, { minutes: 600, badShare: 1 }], false, maintenance);

describe("the alert timing model", () => {
  it("pages a 99.9% objective 3 minutes into a full outage: the 1h average of 5m rates reaches 1.2/61 (2.x) and 1.5/60 (3.x)", () => {
    expect(firstHolding(outageAt70(), page99_9, 71, 300)).toEqual({ earliest: 73, latest: 73 });
  });

  it("leaves out every 5m rate that touched a maintenance window, so a window's own outage never counts", () => {
    const inside = segmentTimeline([{ minutes: 70, badShare: 0 }, { minutes: 60, badShare: 1 }, { minutes: 600, badShare: 0 }], false, [{ start: 70, end: 130 }]);
    expect(firstHolding(inside, page99_9, 71, 600).earliest).toBe(Number.POSITIVE_INFINITY);
    expect(windowRatio(inside, 100, 60, "2.x")).toBe(0);
    expect(windowRatio(inside, 100, 5, "2.x")).toBeNaN();
  });

  it("pages an outage that starts as a window ends once the first 5m rate wholly after it is recorded (minute 135)", () => {
    const after = segmentTimeline([{ minutes: 130, badShare: 0 }, { minutes: 600, badShare: 1 }], false, [{ start: 70, end: 130 }]);
    expect(firstHolding(after, page99_9, 131, 400)).toEqual({ earliest: 135, latest: 135 });
  });

  it("counts gauge samples, not intervals, for time-based indicators: 6 samples per 5m rate under 2.x, 5 under 3.x", () => {
    const probe = segmentTimeline([{ minutes: 70, badShare: 0 }, { minutes: 10, badShare: 1 }], true);
    expect(windowRatio(probe, 71, 5, "2.x")).toBeCloseTo(1 / 6, 12);
    expect(windowRatio(probe, 71, 5, "3.x")).toBeCloseTo(1 / 5, 12);
  });

  it("clears a page once its short window holds no bad minute under either convention", () => {
    const recovered = segmentTimeline([{ minutes: 70, badShare: 0 }, { minutes: 20, badShare: 1 }, { minutes: 600, badShare: 0 }], false);
    // The last bad interval ends at minute 90: the 2.x 5m rate holds it until minute 94, the 3.x one until 93.
    expect(firstClear(recovered, page99_9, 90, 400)).toBe(95);
  });

  it("never fires when the threshold cannot be crossed", () => {
    expect(firstHolding(outageAt70(), { ...page99_9, threshold: 1.5 }, 71, 300).latest).toBe(Number.POSITIVE_INFINITY);
  });
});
