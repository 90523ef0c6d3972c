import { describe, expect, it } from "vitest";
import { timeTicks } from "./axis.js";
import { niceScale, renderLineChart, timelineStepFor } from "./chart.js";

const hour = 3_600_000;
const day = 24 * hour;

describe("line charts", () => {
  const base = {
    id: "t", title: "a <chart>", width: 200, height: 100,
    x: { start: 0, end: 10 * hour, ticks: [{ at: 5 * hour, label: "5h" }] },
    y: { min: 0, max: 100, ticks: [0, 50, 100], format: (v: number) => `${v}%` },
  };

  it("draws the series as one path with a move at each gap, the reference line and escaped texts", () => {
    const svg = renderLineChart({
      ...base,
      series: { name: "s", label: "s", points: [[0, 100], [hour, 50], [2 * hour, null], [3 * hour, 0], [4 * hour, 0]] },
      reference: { role: "target", value: 50, label: "target <50%>" },
    });
    // Plot: x 62..182 over 10 h (12 px per hour), y 74 (0) .. 14 (100).
    expect(svg).toContain(`d="M62 14L74 44M98 74L110 74"`);
    expect(svg).toContain(`<line class="reference target" data-role="target" x1="62" x2="182" y1="44" y2="44">`);
    expect(svg).toContain("<title id=\"t-title\">a &lt;chart&gt;</title>");
    expect(svg).toContain("target &lt;50%&gt;");
    expect(svg).toContain(">5h</text>");
  });

  it("says there is no data instead of drawing an empty line", () => {
    const svg = renderLineChart({ ...base, series: { name: "s", label: "s", points: [[0, null]] } });
    expect(svg).not.toContain("class=\"series\"");
    expect(svg).toContain("no data in the period");
  });

  it("shades bands at least a pixel wide and the area under the line", () => {
    const svg = renderLineChart({
      ...base, series: { name: "s", label: "s", points: [[0, 100], [10 * hour, 50]] }, fillTo: 0,
      bands: [{ start: 5 * hour, end: 5 * hour + 1000, kind: "incident", label: "i" }],
    });
    expect(svg).toMatch(/<rect class="band incident" x="122" y="14" width="1" height="60">/);
    expect(svg).toContain(`<path class="area" clip-path="url(#t-clip)" d="M62 74L62 14L182 44L182 74Z"/>`);
  });
});

describe("nice scales", () => {
  it("pick round steps that cover the range", () => {
    expect(niceScale(99.8, 100)).toEqual({ min: 99.8, max: 100, ticks: [99.8, 99.85, 99.9, 99.95, 100] });
    expect(niceScale(97.3, 100)).toEqual({ min: 97, max: 100, ticks: [97, 98, 99, 100] });
    expect(niceScale(-938.76, 100)).toEqual({ min: -1000, max: 500, ticks: [-1000, -500, 0, 500] });
    // A percentage axis keeps its top at 100.
    expect(niceScale(-938.76, 100, 5, true)).toEqual({ min: -1000, max: 100, ticks: [-1000, -500, 0] });
    expect(niceScale(0, 100, 5, true)).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(100, 100).ticks.length).toBeGreaterThan(1);
  });
});

describe("time axes", () => {
  it("mark every 7th day of a Berlin month at local midnight", () => {
    const start = Date.UTC(2026, 8, 30, 22);
    const end = Date.UTC(2026, 9, 31, 23);
    const ticks = timeTicks(start, end, "Europe/Berlin");
    expect(ticks.map((t) => t.label)).toEqual(["1 Oct", "8 Oct", "15 Oct", "22 Oct", "29 Oct"]);
    // 29 October is after the change back to CET: midnight is 23:00 UTC.
    expect(ticks[4]?.at).toBe(Date.UTC(2026, 9, 28, 23));
    expect(ticks[0]?.at).toBe(start);
  });

  it("mark months for a quarter and hours for a day", () => {
    expect(timeTicks(Date.UTC(2026, 9, 1), Date.UTC(2027, 0, 1), "UTC").map((t) => t.label)).toEqual(["Oct", "Nov", "Dec", "Jan"]);
    expect(timeTicks(Date.UTC(2026, 9, 1), Date.UTC(2026, 9, 2), "UTC").map((t) => t.label)).toEqual(["1 Oct", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "2 Oct"]);
  });

  it("choose a timeline step that keeps a chart under about 400 points", () => {
    expect(timelineStepFor(7 * day)).toBe(1800);
    expect(timelineStepFor(31 * day)).toBe(7200);
    expect(timelineStepFor(92 * day)).toBe(21_600);
  });
});
