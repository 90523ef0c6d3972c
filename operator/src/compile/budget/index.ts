// The budget engine's public surface: periods, maintenance, measurement, error budgets, incidents,
// credits and the status block. Pure functions of their arguments; time is epoch milliseconds.
export {
  periodContaining, previousPeriod, nextPeriod, rollingPeriod, calendarPeriodContaining, periodByLabel,
  type ContractPeriod, type CalendarUnit,
} from "./periods.js";
export { maintenanceIntervals, cronStarts } from "./maintenance.js";
export {
  mergeIntervals, clipIntervals, subtractIntervals, totalLength, overlapLength, advanceOutside,
  type Interval,
} from "./intervals.js";
export {
  samplesFromRates, normalizeSamples, sumOver, countableLength, coveredLength,
  type Sample, type Amounts, type Point,
} from "./measure.js";
export {
  errorBudget, attainedLevel, burnRate, projectExhaustion, objectiveState, worseState,
  type ErrorBudget, type ObjectiveState, type ExhaustionInput, type StateInput,
} from "./budget.js";
export {
  findIncidents, badIntervals, mergeIncidents, isBadStep, summarizeIncidents, formatElapsed,
  type Incident, type IncidentOptions, type IncidentSummary,
} from "./incidents.js";
export { serviceCredit } from "./credits.js";
export {
  evaluateObjective, evaluateSla, defaultEvaluationOptions, objectiveFigures, slaFigures, amountsFromSamples, maintenanceAround, windowsNeeded,
  type EvaluationOptions, type ObjectiveEvaluation, type ObjectiveInput, type SlaEvaluation, type SlaInput, type WindowBurnRate, type MeasuredAmounts, type SlaFiguresInput,
} from "./figures.js";
export { budgetStatus, objectiveStatus, type BudgetStatus, type ObjectiveStatus } from "./status.js";
export { formatRfc3339, offsetMs, toInstant, toLocal, isValidTimeZone, type LocalDateTime } from "./zone.js";
