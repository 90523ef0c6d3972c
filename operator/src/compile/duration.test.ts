import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.js";

describe("durations", () => {
  it("parses Prometheus durations into seconds", () => {
    expect(parseDuration("5m")).toBe(300);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration("30d")).toBe(2_592_000);
    expect(parseDuration("300ms")).toBe(0.3);
    expect(parseDuration("1w")).toBe(604_800);
  });

  it("rejects what is not a duration", () => {
    for (const bad of ["", "5", "5 m", "m5", "1.5h", "-1h", "0s"]) expect(parseDuration(bad)).toBeUndefined();
  });

  it("formats seconds canonically so rule names are stable", () => {
    expect(formatDuration(300)).toBe("5m");
    expect(formatDuration(3600)).toBe("1h");
    expect(formatDuration(259_200)).toBe("3d");
    expect(formatDuration(604_800)).toBe("7d");
    expect(formatDuration(5400)).toBe("1h30m");
    expect(formatDuration(0.3)).toBe("300ms");
  });
});
