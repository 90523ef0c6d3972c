// Validation issues are values, like zod's: a path into the document, a stable code and a message.
// The CLI maps the path to file:line:col; the operator writes the same issue into a condition.

export type IssuePath = readonly (string | number)[];

export interface Issue {
  readonly path: IssuePath;
  readonly code: IssueCode;
  readonly message: string;
  readonly severity: "error" | "warning";
}

export type IssueCode =
  | "schema"
  | "promql-syntax"
  | "promql-window"
  | "promql-semantics"
  | "template-in-label"
  | "template-syntax"
  | "no-alerts"
  | "dependency-cycle"
  | "cron-never-fires"
  | "compiler-bug"
  | "duplicate-name"
  | "reserved-label"
  | "invalid-label-name"
  | "credits-order"
  | "dependency-target"
  | "unknown-burn-rate-table"
  | "tier-never-fires"
  | "invalid-time-zone"
  | "invalid-cron"
  | "invalid-range"
  | "unknown-filter"
  | "period-conflict"
  | "untestable"
  | "window-exceeds-period"
  | "tier-factor-too-low"
  | "maintenance-not-expressible"
  | "maintenance-not-expanded"
  | "target-looks-like-ratio"
  | "dependency-not-found";

/** Renders a path the way kubectl does: spec.objectives[1].target. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

export const error = (path: IssuePath, code: IssueCode, message: string): Issue => ({ path, code, message, severity: "error" });
export const warning = (path: IssuePath, code: IssueCode, message: string): Issue => ({ path, code, message, severity: "warning" });
