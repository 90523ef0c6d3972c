// The report as data: every figure of every renderer, rounded the way the resource's status rounds
// it (attained and compliance down, budget consumed up, so a report never flatters the service;
// see compile/budget/status.ts), with unknown figures absent rather than zero. `slactl report
// --format json` prints this document with sorted keys; the table, markdown and HTML renderers
// read their figures from it, so every format shows the same numbers.
import {
  budgetStatus, formatElapsed, objectiveStatus,
  type ObjectiveState, type ObjectiveStatus, type SlaEvaluation,
} from "../compile/budget/index.js";
import { clean } from "../compile/budget/budget.js";
import { floor2 } from "../compile/budget/status.js";
import type { ObjectiveModel, SlaModel } from "../compile/model.js";
import { utc } from "./format.js";
import type { ReportInput, ReportSla } from "./types.js";

export const reportApiVersion = "servicelevel.dev/v1alpha1";
export const reportKind = "ServiceLevelReport";

export interface IncidentDocument {
  /** RFC 3339, UTC. */
  readonly start: string;
  readonly end: string;
  /** "25m", "1h30m" (hours and minutes, like MTTR). */
  readonly duration: string;
  readonly durationSeconds: number;
}

export interface ObjectiveDocument extends Omit<ObjectiveStatus, "incidents"> {
  readonly description?: string;
  /** Why the state is what it is, one sentence. */
  readonly reason: string;
  /** events or seconds (time-based indicators). */
  readonly unit: "events" | "seconds";
  /** Percent of the elapsed time outside maintenance that data covers (2 decimals, rounded down). */
  readonly coverage?: number;
  readonly incidents: {
    readonly count: number;
    readonly mttr?: string;
    readonly mtbf?: string;
    /** Summed duration of the incidents. */
    readonly downtime: string;
    readonly list: readonly IncidentDocument[];
  };
}

export interface SlaDocument {
  readonly namespace: string;
  readonly name: string;
  readonly service: string;
  readonly owner: string;
  readonly description?: string;
  readonly period: {
    /** "2026-10", "2026-Q4", "2026-W44", "30d", or "start/end" for a custom range. */
    readonly label: string;
    readonly kind: SlaEvaluation["period"]["kind"];
    /** RFC 3339 with the offset of the period's zone; the end is exclusive. */
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
    /** Whether the period is over: its figures are final. */
    readonly complete: boolean;
  };
  readonly state: ObjectiveState;
  /** Worst objective's attained level, percent. */
  readonly compliance?: number;
  /** Percent of the fee owed (at the compliance so far, if the period is not over). */
  readonly credit?: number;
  /** Smallest remaining error budget of the objectives, percent. */
  readonly budgetRemaining?: number;
  /**
   * The SLA's credit tiers, in percent, highest threshold first: below `below`% compliance,
   * `credit`% of the fee. `applies` marks the tier that sets the credit owed.
   */
  readonly creditTiers: readonly { readonly below: number; readonly credit: number; readonly applies: boolean }[];
  /** Maintenance inside the period, left out of every figure. RFC 3339, UTC. */
  readonly maintenance: readonly { readonly start: string; readonly end: string }[];
  readonly objectives: readonly ObjectiveDocument[];
}

export interface ReportDocument {
  readonly apiVersion: typeof reportApiVersion;
  readonly kind: typeof reportKind;
  /** RFC 3339, UTC. */
  readonly generatedAt: string;
  readonly slas: readonly SlaDocument[];
}

const percentOf = (ratio: number) => Number((ratio * 100).toPrecision(12));

/** The report document of a ReportInput. */
export function reportDocument(input: ReportInput): ReportDocument {
  return {
    apiVersion: reportApiVersion,
    kind: reportKind,
    generatedAt: utc(input.generatedAt),
    slas: input.slas.map(slaDocument),
  };
}

/** One SLA's part of the report. */
export function slaDocument(report: ReportSla): SlaDocument {
  const { model, evaluation } = report;
  const status = budgetStatus(evaluation);
  const objectives = evaluation.objectives.map((o) => {
    const { incidents, ...figures } = objectiveStatus(o);
    const spec = objectiveModel(model, o.name);
    return {
      ...figures,
      ...(spec?.description === undefined ? {} : { description: spec.description }),
      reason: o.reason,
      unit: o.unit,
      ...(o.coverage === null ? {} : { coverage: floor2(Math.min(1, o.coverage) * 100) }),
      incidents: {
        ...incidents,
        downtime: formatElapsed(o.incidents.downtimeSeconds),
        list: o.incidentList.map((i) => ({
          start: utc(i.start),
          end: utc(i.end),
          duration: formatElapsed((i.end - i.start) / 1000),
          durationSeconds: Math.round((i.end - i.start) / 1000),
        })),
      },
    } satisfies ObjectiveDocument;
  });
  return {
    namespace: model.namespace,
    name: model.name,
    service: model.service,
    owner: model.owner,
    ...(model.description === undefined ? {} : { description: model.description }),
    period: {
      label: evaluation.period.label,
      kind: evaluation.period.kind,
      start: status.period.start,
      end: status.period.end,
      timeZone: evaluation.period.timeZone,
      complete: evaluation.now >= evaluation.period.end,
    },
    state: status.state,
    ...(status.compliance === undefined ? {} : { compliance: status.compliance }),
    ...(status.credit === undefined ? {} : { credit: status.credit }),
    ...(status.budgetRemaining === undefined ? {} : { budgetRemaining: status.budgetRemaining }),
    creditTiers: creditTiers(model, evaluation.compliance),
    maintenance: evaluation.maintenance.map((m) => ({ start: utc(m.start), end: utc(m.end) })),
    objectives,
  };
}

/** The tiers, highest threshold first, marking the one serviceCredit() applies: the lowest threshold the compliance is below. */
function creditTiers(model: SlaModel, compliance: number | null): SlaDocument["creditTiers"] {
  const sorted = [...model.credits].sort((a, b) => b.below - a.below);
  let applied = -1;
  if (compliance !== null) sorted.forEach((t, i) => { if (clean(compliance) < clean(t.below)) applied = i; });
  return sorted.map((t, i) => ({ below: percentOf(t.below), credit: t.creditPercent, applies: i === applied }));
}

const objectiveModel = (model: SlaModel, name: string): ObjectiveModel | undefined => model.objectives.find((o) => o.name === name);

/** JSON with every object's keys sorted, two-space indented, newline-terminated: stable for diffs and golden files. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortDeep(value), null, 2)}\n`;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** `slactl report --format json`. */
export function renderJson(input: ReportInput): string {
  return stableJson(reportDocument(input));
}
