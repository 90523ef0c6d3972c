// What a report is made of: per SLA, its model, the budget engine's evaluation of one contract
// period, and per objective the progress of the period (attained level and error budget over time).
// The renderers are pure functions of a ReportInput: no clock, no I/O; "now" is in the input.
import type { SlaModel } from "../compile/model.js";
import type { SlaEvaluation } from "../compile/budget/index.js";

/**
 * One point of an objective's progress through the period: the figures as they stood at `time`,
 * cumulative from the period start (the evaluation service's TimelinePoint has this shape).
 */
export interface ProgressPoint {
  /** Epoch milliseconds. */
  readonly time: number;
  /** Good share from the period start to `time` (ratio of sums, 0..1); null before anything was measured. */
  readonly attained: number | null;
  /** Percent of the whole period's error budget left at `time` (negative when overspent); null before anything was measured. */
  readonly remainingPercent: number | null;
}

/** One SLA of a report. */
export interface ReportSla {
  readonly model: SlaModel;
  readonly evaluation: SlaEvaluation;
  /** Progress per objective name, in time order; an objective without an entry is drawn without a line. */
  readonly progress: Readonly<Record<string, readonly ProgressPoint[]>>;
}

/** Everything a renderer needs. */
export interface ReportInput {
  /** When the report was made (epoch ms): the "generated at" line. */
  readonly generatedAt: number;
  readonly slas: readonly ReportSla[];
}

export const reportFormats = ["table", "markdown", "json", "html"] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const isReportFormat = (value: string): value is ReportFormat => (reportFormats as readonly string[]).includes(value);
