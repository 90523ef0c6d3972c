import { describe, expect, it } from "vitest";
import { reviewStatus } from "./review.js";

describe("periodic review", () => {
  it("falls due `every` after local midnight of the last review date, in elapsed time across DST", () => {
    // 2026-03-01 00:00 in Berlin is 2026-02-28T23:00Z (CET); 30 days later is 2026-03-30T23:00Z,
    // which Berlin (CEST since 29 March) reads as 01:00 on 31 March.
    const status = reviewStatus({ every: "30d", lastReviewed: "2026-03-01" }, "Europe/Berlin", Date.UTC(2026, 2, 15));
    expect(status).toMatchObject({ due: false, reason: "ReviewCurrent", dueAt: Date.UTC(2026, 2, 30, 23) });
    expect(status.message).toBe("last reviewed 2026-03-01; the next review is due 2026-03-31T01:00:00+02:00");
    expect(reviewStatus({ every: "30d", lastReviewed: "2026-03-01" }, "Europe/Berlin", Date.UTC(2026, 2, 30, 23)).reason).toBe("ReviewOverdue");
  });

  it("treats a last review date that does not exist or is not YYYY-MM-DD as no review", () => {
    for (const lastReviewed of ["2026-02-31", "2026-13-01", "2026-10-01T10:00", "20261001", "yesterday"]) {
      expect(reviewStatus({ every: "90d", lastReviewed }, "UTC", Date.UTC(2026, 9, 2)).reason).toBe("NeverReviewed");
    }
    expect(reviewStatus({ every: "90d" }, "UTC", 0).reason).toBe("NeverReviewed");
  });
});
