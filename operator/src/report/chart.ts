// Inline SVG line charts for the HTML report, drawn by hand: no chart library, no script, nothing
// loaded from elsewhere. A chart is a time axis, a value axis with a few round ticks, one series
// as a <path> (gaps where there is no data), an optional reference line (the target, or zero
// budget) and optional shaded bands (incidents, maintenance). Every text is escaped.
import { escapeHtml } from "./escape.js";

export interface TimeTick {
  readonly at: number;
  readonly label: string;
}

export interface Band {
  readonly start: number;
  readonly end: number;
  readonly kind: "incident" | "maintenance";
  /** Tooltip. */
  readonly label: string;
}

export interface LineChart {
  /** Unique within the page: ids of the title and the clip path derive from it. */
  readonly id: string;
  /** The chart's accessible name (the SVG <title>). */
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
  readonly x: { readonly start: number; readonly end: number; readonly ticks: readonly TimeTick[] };
  readonly y: { readonly min: number; readonly max: number; readonly ticks: readonly number[]; readonly format: (value: number) => string };
  /** The series: its name (data-series) and points [time, value or null for a gap]. */
  readonly series: { readonly name: string; readonly label: string; readonly points: readonly (readonly [number, number | null])[] };
  /** A horizontal line, e.g. the target. */
  readonly reference?: { readonly role: string; readonly value: number; readonly label: string };
  readonly bands?: readonly Band[];
  /** Shade the area between the line and this value (e.g. 0 for the budget). */
  readonly fillTo?: number;
}

const margin = { top: 14, right: 18, bottom: 26, left: 62 };
const r = (n: number) => String(Math.round(n * 10) / 10);

/** The SVG markup of a line chart. */
export function renderLineChart(chart: LineChart): string {
  const width = chart.width ?? 760;
  const height = chart.height ?? 220;
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const span = Math.max(1, chart.x.end - chart.x.start);
  const ySpan = chart.y.max - chart.y.min || 1;
  const sx = (t: number) => plot.left + ((t - chart.x.start) / span) * (plot.right - plot.left);
  const sy = (v: number) => plot.bottom - ((v - chart.y.min) / ySpan) * (plot.bottom - plot.top);
  const id = chart.id.replace(/[^a-zA-Z0-9_-]/g, "_");
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" data-chart="${escapeHtml(chart.series.name)}">`);
  out.push(`<title id="${id}-title">${escapeHtml(chart.title)}</title>`);
  out.push(`<defs><clipPath id="${id}-clip"><rect x="${r(plot.left)}" y="${r(plot.top)}" width="${r(plot.right - plot.left)}" height="${r(plot.bottom - plot.top)}"/></clipPath></defs>`);
  out.push(`<rect class="plot" x="${r(plot.left)}" y="${r(plot.top)}" width="${r(plot.right - plot.left)}" height="${r(plot.bottom - plot.top)}"/>`);

  for (const band of chart.bands ?? []) {
    const x1 = sx(Math.max(band.start, chart.x.start));
    const x2 = sx(Math.min(band.end, chart.x.end));
    if (!(x2 > x1 - 0.01)) continue;
    // At least a pixel wide, so a five-minute incident in a quarter is still visible.
    out.push(`<rect class="band ${band.kind}" x="${r(x1)}" y="${r(plot.top)}" width="${r(Math.max(1, x2 - x1))}" height="${r(plot.bottom - plot.top)}"><title>${escapeHtml(band.label)}</title></rect>`);
  }

  out.push(`<g class="grid">`);
  for (const v of chart.y.ticks) {
    const y = sy(v);
    out.push(`<line x1="${r(plot.left)}" x2="${r(plot.right)}" y1="${r(y)}" y2="${r(y)}"/><text class="ytick" x="${r(plot.left - 6)}" y="${r(y + 4)}" text-anchor="end">${escapeHtml(chart.y.format(v))}</text>`);
  }
  for (const tick of chart.x.ticks) {
    if (tick.at < chart.x.start || tick.at > chart.x.end) continue;
    const x = sx(tick.at);
    out.push(`<line x1="${r(x)}" x2="${r(x)}" y1="${r(plot.top)}" y2="${r(plot.bottom)}"/><text class="xtick" x="${r(x)}" y="${r(plot.bottom + 16)}" text-anchor="middle">${escapeHtml(tick.label)}</text>`);
  }
  out.push(`</g>`);

  const segments = lineSegments(chart.series.points);
  const path = segments.map((segment) => segment.map(([t, v], i) => `${i === 0 ? "M" : "L"}${r(sx(t))} ${r(sy(v))}`).join("")).join("");
  if (chart.fillTo !== undefined && path !== "") {
    const base = sy(Math.min(chart.y.max, Math.max(chart.y.min, chart.fillTo)));
    const area = segments.map((segment) => {
      const first = segment[0] as readonly [number, number];
      const last = segment[segment.length - 1] as readonly [number, number];
      return `M${r(sx(first[0]))} ${r(base)}${segment.map(([t, v]) => `L${r(sx(t))} ${r(sy(v))}`).join("")}L${r(sx(last[0]))} ${r(base)}Z`;
    }).join("");
    out.push(`<path class="area" clip-path="url(#${id}-clip)" d="${area}"/>`);
  }
  if (chart.reference !== undefined) {
    const y = sy(chart.reference.value);
    out.push(`<line class="reference ${escapeHtml(chart.reference.role)}" data-role="${escapeHtml(chart.reference.role)}" x1="${r(plot.left)}" x2="${r(plot.right)}" y1="${r(y)}" y2="${r(y)}"><title>${escapeHtml(chart.reference.label)}</title></line>`);
    // Labelled at the left, where the period starts and the line is least likely to be.
    out.push(`<text class="reference-label" x="${r(plot.left + 6)}" y="${r(y - 5)}" text-anchor="start">${escapeHtml(chart.reference.label)}</text>`);
  }
  if (path !== "") {
    out.push(`<path class="series" data-series="${escapeHtml(chart.series.name)}" clip-path="url(#${id}-clip)" d="${path}"><title>${escapeHtml(chart.series.label)}</title></path>`);
  } else {
    out.push(`<text class="empty" x="${r((plot.left + plot.right) / 2)}" y="${r((plot.top + plot.bottom) / 2)}" text-anchor="middle">no data in the period</text>`);
  }
  out.push(`</svg>`);
  return out.join("");
}

/** Runs of consecutive points with values; a null value ends a run. */
function lineSegments(points: readonly (readonly [number, number | null])[]): (readonly [number, number])[][] {
  const segments: (readonly [number, number])[][] = [];
  let current: (readonly [number, number])[] = [];
  for (const [t, v] of points) {
    if (v === null || !Number.isFinite(v)) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push([t, v]);
  }
  if (current.length > 0) segments.push(current);
  // A single point draws nothing as a line: widen it to a short flat stroke.
  return segments.map((s) => (s.length === 1 ? [s[0] as readonly [number, number], s[0] as readonly [number, number]] : s));
}

/**
 * Round ticks covering [min, max]: a step of 1, 2, 2.5 or 5 × 10^k giving about `count` ticks;
 * the range widens to the ticks either side, except that with `keepMax` the top stays at max (a
 * percentage never above 100). Values are cleaned of float noise (0.1 + 0.2).
 */
export function niceScale(min: number, max: number, count = 5, keepMax = false): { min: number; max: number; ticks: number[] } {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.01 : 1;
    return niceScale(min - pad, keepMax ? max : max + pad, count, keepMax);
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // A hair of tolerance: 100 - 99.8 is 0.2000000000000028, and its quarter should still be 0.05.
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw * (1 - 1e-9)) ?? 10) * magnitude;
  const clean = (v: number) => Number(v.toPrecision(12));
  const lo = clean(Math.floor(min / step + 1e-9) * step);
  const hi = keepMax ? max : clean(Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) ticks.push(clean(lo + i * step));
  return { min: lo, max: hi, ticks };
}

const minuteSeconds = 60;
/** Timeline steps: multiples of the 5-minute tiles, so a step never cuts a tile in two. */
const timelineSteps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * minuteSeconds);

/** The timeline step (seconds) that draws a range with at most about maxPoints points. */
export function timelineStepFor(rangeMs: number, maxPoints = 400): number {
  const wanted = rangeMs / 1000 / Math.max(1, maxPoints);
  return timelineSteps.find((s) => s >= wanted) ?? Math.ceil(wanted / 86_400) * 86_400;
}
