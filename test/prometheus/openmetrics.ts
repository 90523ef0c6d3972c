// Writing synthetic history as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`.
//
// What promtool 2.42 accepts (each found by trying it; see README.md next to this file):
// - one sample per line, `name{label="value",...} value timestamp`, the timestamp in SECONDS
//   (a float; milliseconds are kept): a millisecond timestamp is read as a date ~55,000 years out;
// - no blank lines, no comments other than `# HELP/TYPE/UNIT`, no trailing spaces, no space after
//   the comma between labels;
// - the last line is `# EOF`, and nothing may follow it;
// - within a series, samples must come in increasing time order: an older or equal timestamp is
//   DROPPED SILENTLY (the block is written without it, promtool exits 0). This writer throws instead.
// Series may follow each other (all of one series, then the next) or interleave by time.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

export type LabelSet = Readonly<Record<string, string>>;

const metricNameRe = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The series part of a line: `name{a="1",b="2"}` (labels sorted, values escaped). */
export function seriesText(metric: string, labels: LabelSet = {}): string {
  if (!metricNameRe.test(metric)) throw new Error(`invalid metric name ${JSON.stringify(metric)}`);
  const names = Object.keys(labels).sort();
  if (names.length === 0) return metric;
  const parts = names.map((name) => {
    if (!labelNameRe.test(name) || name.startsWith("__")) throw new Error(`invalid label name ${JSON.stringify(name)}`);
    return `${name}="${escapeLabelValue(labels[name] as string)}"`;
  });
  return `${metric}{${parts.join(",")}}`;
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** A sample value as OpenMetrics writes it: NaN, +Inf, -Inf, or a decimal number. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

/** Unix milliseconds as OpenMetrics seconds, exact to the millisecond. */
export function formatTimestamp(timeMs: number): string {
  if (!Number.isInteger(timeMs) || timeMs < 0) throw new Error(`timestamps are whole, non-negative milliseconds: ${timeMs}`);
  const seconds = Math.trunc(timeMs / 1000);
  const ms = Math.abs(timeMs % 1000);
  return ms === 0 ? String(seconds) : `${seconds}.${String(ms).padStart(3, "0").replace(/0+$/, "")}`;
}

/** A streaming OpenMetrics file: write samples, then close() appends `# EOF`. */
export class OpenMetricsWriter {
  samples = 0;
  bytes = 0;
  private buffer = "";
  private readonly lastTime = new Map<string, number>();
  private closed = false;

  private constructor(readonly file: string, private readonly out: WriteStream) {}

  static async create(file: string): Promise<OpenMetricsWriter> {
    const out = createWriteStream(file, { highWaterMark: 1 << 20 });
    await once(out, "open");
    return new OpenMetricsWriter(file, out);
  }

  /** The number of distinct series written so far. */
  get series(): number {
    return this.lastTime.size;
  }

  /** Writes one sample; `series` is seriesText(...) (render it once per series for speed). */
  async write(series: string, value: number, timeMs: number): Promise<void> {
    if (this.closed) throw new Error(`${this.file}: write after close`);
    const last = this.lastTime.get(series);
    if (last !== undefined && timeMs <= last) {
      throw new Error(`${series}: sample at ${new Date(timeMs).toISOString()} is not after the previous one (${new Date(last).toISOString()}); promtool would drop it silently`);
    }
    this.lastTime.set(series, timeMs);
    this.buffer += `${series} ${formatValue(value)} ${formatTimestamp(timeMs)}\n`;
    this.samples++;
    if (this.buffer.length >= 1 << 20) await this.flush();
  }

  /** Writes `# EOF` and closes the file. */
  async close(): Promise<{ file: string; samples: number; series: number; bytes: number }> {
    if (!this.closed) {
      this.buffer += "# EOF\n";
      await this.flush();
      this.closed = true;
      this.out.end();
      await once(this.out, "finish");
    }
    return { file: this.file, samples: this.samples, series: this.series, bytes: this.bytes };
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = "";
    this.bytes += Buffer.byteLength(text);
    if (!this.out.write(text)) await once(this.out, "drain");
  }
}

export interface HistorySpec {
  readonly metric: string;
  readonly labels?: LabelSet;
  /** First and last sample, Unix ms; samples at startMs, startMs + stepMs, ... up to endMs. */
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
}

export interface CounterHistorySpec extends HistorySpec {
  /** Increase per second in [t, t + step): the counter grows by ratePerSecond(t) · step seconds. */
  readonly ratePerSecond: (timeMs: number) => number;
  /** Value of the first sample. Default 0. */
  readonly initial?: number;
}

export interface GaugeHistorySpec extends HistorySpec {
  readonly value: (timeMs: number) => number;
}

/**
 * Writes a counter whose increase is known exactly: value(start) = initial, and
 * value(t + step) = value(t) + ratePerSecond(t) · step/1000. `target` is a file (created, and
 * closed with `# EOF`) or an open writer (for several series in one file).
 */
export async function writeCounterHistory(target: string | OpenMetricsWriter, spec: CounterHistorySpec): Promise<{ samples: number; last: number }> {
  let value = spec.initial ?? 0;
  return writeHistory(target, spec, (t) => {
    const current = value;
    value += spec.ratePerSecond(t) * (spec.stepMs / 1000);
    return current;
  });
}

/** Writes a gauge (or an already recorded series, such as SLA tiles) with the given values. */
export async function writeGaugeHistory(target: string | OpenMetricsWriter, spec: GaugeHistorySpec): Promise<{ samples: number; last: number }> {
  return writeHistory(target, spec, spec.value);
}

async function writeHistory(target: string | OpenMetricsWriter, spec: HistorySpec, valueAt: (timeMs: number) => number): Promise<{ samples: number; last: number }> {
  if (!(spec.stepMs > 0) || spec.endMs < spec.startMs) throw new Error(`bad range: ${spec.startMs}..${spec.endMs} step ${spec.stepMs}`);
  const writer = typeof target === "string" ? await OpenMetricsWriter.create(target) : target;
  const series = seriesText(spec.metric, spec.labels);
  let samples = 0;
  let last = Number.NaN;
  for (let t = spec.startMs; t <= spec.endMs; t += spec.stepMs) {
    last = valueAt(t);
    await writer.write(series, last, t);
    samples++;
  }
  if (typeof target === "string") await writer.close();
  return { samples, last };
}

/** Small histories as text, for tests: `[metric, labels, value, timeMs]` rows in write order. */
export function openMetricsText(rows: ReadonlyArray<readonly [string, LabelSet, number, number]>): string {
  return `${rows.map(([metric, labels, value, t]) => `${seriesText(metric, labels)} ${formatValue(value)} ${formatTimestamp(t)}`).join("\n")}\n# EOF\n`;
}
