// Checks OpenSLO documents the way the OpenSLO validator (oslo, on the go-sdk rules) does, so a
// document it rejects is rejected here too, with the field and the reason at the source line.
// Only structure is checked here; openslo.ts converts what passes.
import type { IssuePath } from "../compile/index.js";
import { isObject, type ConvertDocument, type Issues, type Json } from "./common.js";

export type OpenSloVersion = "v1" | "v1alpha";

/** One OpenSLO object: a document or an item of a YAML list, or an inline object inside another. */
export interface OpenSloObject {
  readonly document: ConvertDocument;
  /** Path of the object inside its document (empty for a document of its own). */
  readonly at: IssuePath;
  readonly version: OpenSloVersion;
  readonly kind: string;
  readonly name: string;
  readonly metadata: Json;
  readonly spec: Json;
}

const kindsOf: Record<OpenSloVersion, readonly string[]> = {
  v1: ["SLO", "SLI", "Service", "AlertPolicy", "AlertCondition", "AlertNotificationTarget", "DataSource"],
  v1alpha: ["SLO", "Service"],
};

const rfc1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const maxDescription = 1050;
export const budgetingMethods: Record<OpenSloVersion, readonly string[]> = { v1: ["Occurrences", "Timeslices", "RatioTimeslices"], v1alpha: ["Occurrences", "Timeslices"] };
export const operators = ["gt", "lt", "gte", "lte"] as const;

/** True for the documents this module reads. */
export const isOpenSloDocument = (value: unknown): boolean => isObject(value) && typeof value["apiVersion"] === "string" && value["apiVersion"].startsWith("openslo/");

/** Checks the envelope (apiVersion, kind, metadata.name, description) and returns the object, or undefined after an error. */
export function checkEnvelope(issues: Issues, document: ConvertDocument, at: IssuePath, value: unknown, expectedKind?: string): OpenSloObject | undefined {
  const fail = (path: IssuePath, message: string) => {
    issues.error(document, [...at, ...path], "openslo-invalid", message);
    return undefined;
  };
  if (!isObject(value)) return fail([], "expected an OpenSLO object (a map with apiVersion, kind, metadata and spec)");
  const apiVersion = value["apiVersion"];
  const version = apiVersion === "openslo/v1" ? "v1" : apiVersion === "openslo/v1alpha" ? "v1alpha" : undefined;
  // Inline objects (an AlertCondition inside an AlertPolicy) may leave apiVersion out.
  const effective: OpenSloVersion | undefined = version ?? (expectedKind && apiVersion === undefined ? "v1" : undefined);
  if (!effective) return fail(["apiVersion"], `expected apiVersion openslo/v1 or openslo/v1alpha, found ${JSON.stringify(apiVersion) ?? "nothing"}`);
  const kind = value["kind"];
  if (typeof kind !== "string" || !kindsOf[effective].includes(kind)) {
    return fail(["kind"], `kind ${JSON.stringify(kind) ?? "nothing"} does not exist in openslo/${effective}; expected one of ${kindsOf[effective].join(", ")}`);
  }
  if (expectedKind && kind !== expectedKind) return fail(["kind"], `expected kind ${expectedKind} here, found ${kind}`);
  const metadata = value["metadata"];
  if (!isObject(metadata)) return fail(["metadata"], "metadata with a name is required");
  const name = metadata["name"];
  if (typeof name !== "string" || name === "") return fail(["metadata", "name"], "metadata.name is required");
  if (name.length > 63 || !rfc1123.test(name)) {
    return fail(["metadata", "name"], `metadata.name ${JSON.stringify(name)} must be an RFC-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit`);
  }
  const spec = value["spec"];
  if (!isObject(spec)) return fail(["spec"], "spec is required");
  const description = spec["description"];
  if (typeof description === "string" && description.length > maxDescription) {
    return fail(["spec", "description"], `description is ${description.length} characters; OpenSLO allows at most ${maxDescription}`);
  }
  return { document, at, version: effective, kind, name, metadata, spec };
}

/** Kind-specific rules of the validator; reports every problem, returns whether there was none. */
export function checkObject(issues: Issues, object: OpenSloObject): boolean {
  const before = issues.list.length;
  const fail = (path: IssuePath, message: string) => issues.error(object.document, [...object.at, "spec", ...path], "openslo-invalid", message);
  const spec = object.spec;
  switch (object.kind) {
    case "AlertNotificationTarget":
      if (typeof spec["target"] !== "string" || spec["target"] === "") fail(["target"], "an AlertNotificationTarget needs a target");
      break;
    case "AlertCondition":
      checkCondition(spec, fail);
      break;
    case "AlertPolicy":
      checkPolicy(issues, object, fail);
      break;
    case "SLI":
      checkIndicatorSpec(spec, [], fail);
      break;
    case "DataSource":
      if (typeof spec["type"] !== "string") fail(["type"], "a DataSource needs a type");
      break;
    case "SLO":
      checkSlo(object, fail);
      break;
  }
  return issues.list.length === before;
}

type Fail = (path: IssuePath, message: string) => void;

function checkCondition(spec: Json, fail: Fail): void {
  if (typeof spec["severity"] !== "string" || spec["severity"] === "") fail(["severity"], "an AlertCondition needs a severity");
  const condition = spec["condition"];
  if (!isObject(condition)) {
    fail(["condition"], "an AlertCondition needs a condition (kind: burnrate, op, threshold, lookbackWindow, alertAfter)");
    return;
  }
  if (condition["kind"] !== "burnrate") fail(["condition", "kind"], `the only condition kind is burnrate, found ${JSON.stringify(condition["kind"]) ?? "nothing"}`);
  // The validator accepts a condition without op (read as gt); a wrong one is an error.
  if (condition["op"] !== undefined && !(operators as readonly unknown[]).includes(condition["op"])) fail(["condition", "op"], `op must be one of ${operators.join(", ")}, found ${JSON.stringify(condition["op"])}`);
  if (typeof condition["threshold"] !== "number") fail(["condition", "threshold"], "threshold (a burn rate) is required");
  if (typeof condition["lookbackWindow"] !== "string") fail(["condition", "lookbackWindow"], "lookbackWindow is required");
  if (typeof condition["alertAfter"] !== "string") fail(["condition", "alertAfter"], "alertAfter is required");
}

function checkPolicy(issues: Issues, object: OpenSloObject, fail: Fail): void {
  const spec = object.spec;
  const conditions = spec["conditions"];
  if (!Array.isArray(conditions) || conditions.length !== 1) {
    fail(["conditions"], `an AlertPolicy has exactly one condition, found ${Array.isArray(conditions) ? conditions.length : "none"}`);
  } else {
    const c = conditions[0];
    if (isObject(c) && c["kind"] === "AlertCondition") {
      const inline = checkEnvelope(issues, object.document, [...object.at, "spec", "conditions", 0], c, "AlertCondition");
      if (inline) checkObject(issues, inline);
    } else if (!isObject(c) || typeof c["conditionRef"] !== "string") {
      fail(["conditions", 0], "a condition is a conditionRef or an inline AlertCondition (kind, metadata, spec)");
    }
  }
  const targets = spec["notificationTargets"];
  if (!Array.isArray(targets) || targets.length === 0) {
    fail(["notificationTargets"], "an AlertPolicy needs at least one notification target");
  } else {
    for (const [i, t] of targets.entries()) {
      if (isObject(t) && t["kind"] === "AlertNotificationTarget") {
        const inline = checkEnvelope(issues, object.document, [...object.at, "spec", "notificationTargets", i], t, "AlertNotificationTarget");
        if (inline) checkObject(issues, inline);
      } else if (!isObject(t) || typeof t["targetRef"] !== "string") {
        fail(["notificationTargets", i], "a notification target is a targetRef or an inline AlertNotificationTarget");
      }
    }
  }
}

/** An SLI spec (v1): exactly one of ratioMetric and thresholdMetric; a ratio has total and one of good, bad or raw. */
export function checkIndicatorSpec(spec: Json, path: IssuePath, fail: Fail): void {
  const ratio = spec["ratioMetric"];
  const threshold = spec["thresholdMetric"];
  if (isObject(ratio) === isObject(threshold)) {
    fail(path, "an SLI has exactly one of ratioMetric and thresholdMetric");
    return;
  }
  if (isObject(threshold)) {
    if (!isObject(threshold["metricSource"])) fail([...path, "thresholdMetric", "metricSource"], "a thresholdMetric needs a metricSource");
    return;
  }
  const r = ratio as Json;
  const present = ["good", "bad", "raw"].filter((k) => r[k] !== undefined);
  if (present.length !== 1) fail([...path, "ratioMetric"], `a ratioMetric has exactly one of good, bad and raw, found ${present.join(" and ") || "none"}`);
  if (r["raw"] === undefined && !isObject(r["total"])) fail([...path, "ratioMetric", "total"], "a ratioMetric needs total");
  if (r["raw"] !== undefined && r["rawType"] !== "success" && r["rawType"] !== "failure") fail([...path, "ratioMetric", "rawType"], "a raw ratio needs rawType success or failure");
  for (const k of ["good", "bad", "raw", "total"]) {
    const m = r[k];
    if (m !== undefined && !(isObject(m) && isObject(m["metricSource"]))) fail([...path, "ratioMetric", k, "metricSource"], `${k} needs a metricSource`);
  }
}

function checkSlo(object: OpenSloObject, fail: Fail): void {
  const spec = object.spec;
  if (typeof spec["service"] !== "string" || spec["service"] === "") fail(["service"], "an SLO needs a service");
  const method = spec["budgetingMethod"];
  if (!budgetingMethods[object.version].includes(method as string)) {
    fail(["budgetingMethod"], `budgetingMethod must be one of ${budgetingMethods[object.version].join(", ")}, found ${JSON.stringify(method) ?? "nothing"}`);
  }
  const windowsKey = object.version === "v1" ? "timeWindow" : "timeWindows";
  const windows = spec[windowsKey];
  if (!Array.isArray(windows) || windows.length !== 1) {
    fail([windowsKey], `${windowsKey} has exactly one item, found ${Array.isArray(windows) ? windows.length : "none"}`);
  } else {
    const w = windows[0];
    if (!isObject(w)) fail([windowsKey, 0], "expected a time window");
    else {
      if (w["isRolling"] === true && w["calendar"] !== undefined) fail([windowsKey, 0, "calendar"], "calendar cannot be set when isRolling is true");
      // v1alpha files written for Sloth leave isRolling out of rolling windows; openslo.ts warns about it.
      const sloth = object.version === "v1alpha" && w["isRolling"] === undefined;
      if (w["isRolling"] !== true && !sloth && !isObject(w["calendar"])) fail([windowsKey, 0, "calendar"], "calendar must be set when isRolling is false");
    }
  }
  const objectives = spec["objectives"];
  if (!Array.isArray(objectives) || objectives.length === 0) {
    fail(["objectives"], "an SLO needs at least one objective");
    return;
  }
  const sloIndicator = spec["indicator"] !== undefined || spec["indicatorRef"] !== undefined;
  if (object.version === "v1" && spec["indicator"] !== undefined && spec["indicatorRef"] !== undefined) fail(["indicator"], "give indicator or indicatorRef, not both");
  for (const [i, o] of objectives.entries()) {
    if (!isObject(o)) {
      fail(["objectives", i], "expected an objective");
      continue;
    }
    const p = ["objectives", i];
    const hasTarget = typeof o["target"] === "number";
    const hasPercent = typeof o["targetPercent"] === "number";
    if (hasTarget === hasPercent) fail([...p, "target"], "give target (0 to 1) or targetPercent (0 to 100), exactly one");
    if (hasTarget && !((o["target"] as number) >= 0 && (o["target"] as number) < 1)) fail([...p, "target"], `target must be in [0, 1), found ${String(o["target"])}`);
    if (hasPercent && !((o["targetPercent"] as number) >= 0 && (o["targetPercent"] as number) < 100)) fail([...p, "targetPercent"], `targetPercent must be in [0, 100), found ${String(o["targetPercent"])}`);
    if (method === "Timeslices" && typeof o["timeSliceTarget"] !== "number") fail([...p, "timeSliceTarget"], "Timeslices needs a timeSliceTarget per objective");
    if (object.version === "v1" && (method === "Timeslices" || method === "RatioTimeslices") && typeof o["timeSliceWindow"] !== "string") {
      fail([...p, "timeSliceWindow"], `${String(method)} needs a timeSliceWindow per objective`);
    }
    if (object.version === "v1") {
      const own = o["indicator"] !== undefined || o["indicatorRef"] !== undefined;
      if (own && sloIndicator) fail([...p, "indicator"], "a composite objective has its own indicator only when the SLO has none");
      if (!own && !sloIndicator) fail(["indicator"], "an SLO needs an indicator or indicatorRef (or, when composite, one per objective)");
      if (o["op"] !== undefined && !(operators as readonly unknown[]).includes(o["op"])) fail([...p, "op"], `op must be one of ${operators.join(", ")}`);
      if (isObject(spec["indicator"]) && isObject(spec["indicator"]["spec"])) {
        const s = spec["indicator"]["spec"];
        if (isObject(s["ratioMetric"]) && o["op"] !== undefined) fail([...p, "op"], "op is forbidden on an objective of a ratioMetric SLI (it applies to thresholdMetric)");
      }
    } else {
      const ratio = o["ratioMetrics"] !== undefined;
      if (ratio && spec["indicator"] !== undefined) fail(["indicator"], "only one of indicator and objectives[*].ratioMetrics can be set");
      if (!ratio && spec["indicator"] === undefined) fail(["indicator"], "one of indicator or objectives[*].ratioMetrics must be set");
      if (ratio && o["op"] !== undefined) fail([...p, "op"], "op is forbidden when ratioMetrics is set");
      if (!ratio && !(operators as readonly unknown[]).includes(o["op"])) fail([...p, "op"], `op (one of ${operators.join(", ")}) is required for a thresholdMetric`);
    }
  }
}
