// The figures the leader writes into status, exported on its /metrics as well, so that dashboards
// and alerts read the same numbers as `kubectl get sla`: each gauge is the status figure, as a
// ratio where status shows a percent (status ÷ 100). One series per figure per objective (or
// SLA); the series of a deleted SLA disappear with its record; a replica that does not lead has
// no records and exports none. Names and labels are documented in the README.
import { Gauge, type Registry } from "prom-client";
import { maintenanceIntervals, type BudgetStatus } from "../compile/budget/index.js";
import type { SlaModel } from "../compile/model.js";
import { formatDuration } from "../compile/duration.js";

/** The latest measured figures of one SLA, with the model they were measured for. */
export interface ExportedFigures {
  readonly model: SlaModel;
  readonly status: BudgetStatus;
}

const objectiveLabels = ["sla_namespace", "sla", "objective", "service", "owner"] as const;
const slaLabels = ["sla_namespace", "sla", "service", "owner"] as const;
const states = ["Compliant", "AtRisk", "Breached", "NoData"] as const;

/** Registers the figure gauges; `source` is read at every scrape. */
export function registerFigureMetrics(registry: Registry, source: () => Iterable<ExportedFigures>, clock: () => number = Date.now): void {
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], collect?: () => void) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry], ...(collect ? { collect } : {}) });
  const o = {
    // Registered first and collected first: its collect sets every gauge in one pass over the records.
    target: gauge("servicelevel_objective_target_ratio", "The objective's target (status.objectives[].target ÷ 100).", objectiveLabels, () => collectAll()),
    attained: gauge("servicelevel_objective_attained_ratio", "Attained level over the contract period so far (status.objectives[].attained ÷ 100).", objectiveLabels),
    remaining: gauge("servicelevel_objective_error_budget_remaining_ratio", "Share of the period's error budget left (status.objectives[].errorBudget.remaining ÷ 100).", objectiveLabels),
    consumed: gauge("servicelevel_objective_error_budget_consumed_ratio", "Share of the period's error budget spent (status.objectives[].errorBudget.consumed ÷ 100).", objectiveLabels),
    burn: gauge("servicelevel_objective_burn_rate", "Burn rate over a window, maintenance left out (status.objectives[].burnRate).", [...objectiveLabels, "window"] as const),
    exhaustion: gauge("servicelevel_objective_exhaustion_timestamp_seconds", "When the budget runs out at the current burn rate (status.objectives[].exhaustion); absent if never.", objectiveLabels),
    incidents: gauge("servicelevel_objective_incidents", "Incidents in the contract period so far (status.objectives[].incidents.count).", objectiveLabels),
    state: gauge("servicelevel_objective_state", "1 for the objective's current state (status.objectives[].state).", [...objectiveLabels, "state"] as const),
  };
  const s = {
    compliance: gauge("servicelevel_sla_compliance_ratio", "Attained level of the worst objective (status.compliance ÷ 100).", slaLabels),
    remaining: gauge("servicelevel_sla_error_budget_remaining_ratio", "Error budget left of the worst objective (status.budgetRemaining ÷ 100).", slaLabels),
    credit: gauge("servicelevel_sla_credit_percent", "Service credit owed if the period ended now, percent of the fee (status.credit).", slaLabels),
    state: gauge("servicelevel_sla_state", "1 for the SLA's current state (status.state).", [...slaLabels, "state"] as const),
    start: gauge("servicelevel_sla_period_start_timestamp_seconds", "Start of the contract period (status.period.start).", slaLabels),
    end: gauge("servicelevel_sla_period_end_timestamp_seconds", "End of the contract period (status.period.end).", slaLabels),
    maintenance: gauge("servicelevel_sla_maintenance_active", "1 while one of the SLA's maintenance windows is active, else 0.", slaLabels),
    // The shared dashboard cannot take its time zone from an SLA; these labels carry it, and the bounds as status writes them (in that zone).
    periodInfo: gauge("servicelevel_sla_period_info", "1, labelled with the contract period (period, time_zone, and start and end in that zone, as in status.period).",
      [...slaLabels, "period", "time_zone", "start", "end"] as const),
  };
  const all: Gauge<string>[] = [...Object.values(o), ...Object.values(s)];
  const collectAll = (): void => {
    for (const g of all) g.reset();
    const now = clock();
    for (const { model, status } of source()) {
      const sla = { sla_namespace: model.namespace, sla: model.name, service: model.service, owner: model.owner };
      for (const objective of status.objectives) {
        const labels = { ...sla, objective: objective.name };
        o.target.set(labels, objective.target / 100);
        if (objective.attained !== undefined) o.attained.set(labels, objective.attained / 100);
        if (objective.errorBudget) {
          o.remaining.set(labels, objective.errorBudget.remaining / 100);
          o.consumed.set(labels, objective.errorBudget.consumed / 100);
        }
        for (const [window, rate] of Object.entries(objective.burnRate)) o.burn.set({ ...labels, window }, rate);
        if (objective.exhaustion !== undefined) o.exhaustion.set(labels, Date.parse(objective.exhaustion) / 1000);
        o.incidents.set(labels, objective.incidents.count);
        for (const state of states) if (state === objective.state) o.state.set({ ...labels, state }, 1);
      }
      if (status.compliance !== undefined) s.compliance.set(sla, status.compliance / 100);
      if (status.budgetRemaining !== undefined) s.remaining.set(sla, status.budgetRemaining / 100);
      if (status.credit !== undefined) s.credit.set(sla, status.credit);
      s.state.set({ ...sla, state: status.state }, 1);
      s.start.set(sla, Date.parse(status.period.start) / 1000);
      s.end.set(sla, Date.parse(status.period.end) / 1000);
      s.periodInfo.set({ ...sla, ...periodLabels(model), start: status.period.start, end: status.period.end }, 1);
      s.maintenance.set(sla, maintenanceIntervals(model.maintenance, { start: now, end: now + 1 }).length > 0 ? 1 : 0);
    }
  };
}

/** The period in words and its time zone: "rolling 30d" and "UTC", "calendar month" and "Europe/Berlin". */
function periodLabels(model: SlaModel): { period: string; time_zone: string } {
  const { period } = model;
  return period.kind === "rolling"
    ? { period: `rolling ${formatDuration(period.seconds)}`, time_zone: period.timeZone ?? "UTC" }
    : { period: `calendar ${period.unit}`, time_zone: period.timeZone };
}
