// metav1.Conditions as values: setting one keeps its lastTransitionTime unless its status changes,
// and the list keeps a fixed order, so recomputing the same conditions yields the same status and
// the operator writes nothing.

export type ConditionStatus = "True" | "False" | "Unknown";

export interface Condition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
  readonly lastTransitionTime: string;
  readonly observedGeneration?: number;
}

/** A condition as the controller decides it; time and generation are added by setCondition. */
export interface ConditionUpdate {
  readonly type: ConditionType;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
}

export const conditionTypes = ["Ready", "Valid", "RulesApplied", "DashboardApplied", "AlertmanagerConfigApplied", "MetricsAvailable", "IndicatorMatchesData", "Compliant", "ReviewDue"] as const;
export type ConditionType = (typeof conditionTypes)[number];

/** metav1.Time: RFC 3339 in UTC with second precision. */
export const kubeTime = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

export function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/**
 * Returns the conditions with `update` set: lastTransitionTime changes only when the status does,
 * so a new reason or message alone keeps the time of the last transition.
 */
export function setCondition(conditions: readonly Condition[], update: ConditionUpdate, now: Date, observedGeneration: number): Condition[] {
  const previous = findCondition(conditions, update.type);
  const next: Condition = {
    type: update.type,
    status: update.status,
    reason: update.reason,
    message: update.message,
    lastTransitionTime: previous && previous.status === update.status ? previous.lastTransitionTime : kubeTime(now),
    observedGeneration,
  };
  return sortConditions([...conditions.filter((c) => c.type !== update.type), next]);
}

/** Known types in their documented order, then any others by name. */
export function sortConditions(conditions: readonly Condition[]): Condition[] {
  const rank = (type: string): number => {
    const i = (conditionTypes as readonly string[]).indexOf(type);
    return i < 0 ? conditionTypes.length : i;
  };
  return [...conditions].sort((a, b) => rank(a.type) - rank(b.type) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
