import { describe, expect, it } from "vitest";
import { bucketBound, leMatcher } from "./sli.js";
import { parseDuration } from "./duration.js";

describe("bucket bounds of latency thresholds", () => {
  it("are the shortest decimal for every threshold from 1ms to 10s", () => {
    const wrong: string[] = [];
    for (let ms = 1; ms <= 10_000; ms++) {
      const text = bucketBound(parseDuration(`${ms}ms`) as number);
      // Independent oracle: the exact decimal of ms/1000, written by hand, with trailing zeros cut.
      const expected = `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, "0")}`.replace(/\.?0+$/, "");
      // And it must read back as the same float64, as Prometheus parses le.
      if (text !== expected || Number(text) !== ms / 1000) wrong.push(`${ms}ms -> ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it("match 700ms as le=\"0.7\" and whole seconds with or without .0", () => {
    expect(leMatcher(parseDuration("700ms") as number)).toEqual({ name: "le", op: "=", value: "0.7" });
    expect(leMatcher(parseDuration("2s") as number)).toEqual({ name: "le", op: "=~", value: "2(\\.0)?" });
    expect(leMatcher(parseDuration("1m") as number)).toEqual({ name: "le", op: "=~", value: "60(\\.0)?" });
  });
});
