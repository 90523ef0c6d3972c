// Shared vocabulary of the importers (Sloth, Pyrra, OpenSLO -> ServiceLevelAgreement): the
// documents they read, the issues they report at the source's file:line, and the small
// conversions every format needs (names, labels, targets, durations). Pure: no I/O.
import type { Alerting, BurnRateTier, Objective, Period, ServiceLevelAgreement, ServiceLevelAgreementSpec } from "../api/v1alpha1/types.js";
import { apiVersion, kind } from "../api/v1alpha1/constants.js";
import type { IssuePath } from "../compile/index.js";
import { reservedLabels } from "../compile/labels.js";
import type { Position, SourceIssue } from "../adapters/fs/yaml-documents.js";

export type SourceFormat = "sloth" | "pyrra" | "openslo";
export const sourceFormats: readonly SourceFormat[] = ["sloth", "pyrra", "openslo"];

/** One parsed YAML document (or one item of a top-level YAML list) to import. */
export interface ConvertDocument {
  readonly file: string;
  /** Path of this document inside the parsed YAML value (non-empty for items of a list). */
  readonly base: IssuePath;
  readonly value: unknown;
  /** Where a path into the YAML document points; paths here already include `base`. */
  locate(path: IssuePath): Position;
}

/** An imported SLA and where it came from. */
export interface ImportedSla {
  readonly sla: ServiceLevelAgreement;
  readonly format: SourceFormat;
  /** The source documents it was built from, for the leading comment of its YAML. */
  readonly sources: readonly { readonly file: string; readonly line: number }[];
  /** Where errors found later (validation, compilation) are reported. */
  readonly origin: { readonly document: ConvertDocument; readonly path: IssuePath };
}

export interface ConvertResult {
  readonly slas: readonly ImportedSla[];
  readonly issues: readonly SourceIssue[];
}

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Collects the warnings and errors of one conversion, located in their source documents. */
export class Issues {
  readonly list: SourceIssue[] = [];

  /** What could not be carried over exactly, and what was done instead. */
  warn(document: ConvertDocument, path: IssuePath, code: string, message: string): void {
    this.add(document, path, code, "warning", message);
  }

  /** What stops a document from being imported. */
  error(document: ConvertDocument, path: IssuePath, code: string, message: string): void {
    this.add(document, path, code, "error", message);
  }

  private add(document: ConvertDocument, path: IssuePath, code: string, severity: "error" | "warning", message: string): void {
    const full = [...document.base, ...path];
    let position: Position = { line: 1, column: 1 };
    try {
      position = document.locate(full);
    } catch {
      // A path the document cannot resolve still belongs to the document: report it at its start.
    }
    this.list.push({ file: document.file, ...position, path: full, code: `import-${code}`, severity, message });
  }
}

/** Reads a field as a string, a number as its decimal text; undefined otherwise. */
export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const dnsLabelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS label (RFC 1123) made from any name: lower case, other characters as '-', at most 63. */
export function dnsLabel(name: string, fallback = "imported"): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").slice(0, 63).replace(/^-+|-+$/g, "");
  return cleaned === "" ? fallback : cleaned;
}

/** The DNS label of a name, warning when it had to change (series labels carry it). */
export function nameFor(issues: Issues, document: ConvertDocument, path: IssuePath, name: string, what: string): string {
  const label = dnsLabel(name);
  if (label !== name || !dnsLabelRe.test(name)) {
    issues.warn(document, path, "renamed", `${what} ${JSON.stringify(name)} is not a DNS label (lower case letters, digits and '-', at most 63): imported as ${JSON.stringify(label)}`);
  }
  return label;
}

const labelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Prometheus labels from a source map: values as strings, invalid names fixed and the names the
 * compiler sets itself renamed with a `source_` prefix, each change a warning.
 */
export function labelsFrom(issues: Issues, document: ConvertDocument, path: IssuePath, value: unknown, reserved: readonly string[] = reservedLabels): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined || value === null) return out;
  if (!isObject(value)) {
    issues.warn(document, path, "labels", "expected a map of labels; none were imported");
    return out;
  }
  for (const [key, raw] of Object.entries(value)) {
    let name = key;
    if (!labelNameRe.test(name)) {
      name = key.replace(/[^a-zA-Z0-9_]/g, "_").replace(/^([0-9])/, "_$1");
      issues.warn(document, [...path, key], "label-name", `label name ${JSON.stringify(key)} is not a Prometheus label name: imported as ${JSON.stringify(name)}`);
    }
    if (reserved.includes(name)) {
      const renamed = `source_${name}`;
      issues.warn(document, [...path, key], "label-reserved", `label ${JSON.stringify(name)} is set by servicelevel-operator on every rule: imported as ${JSON.stringify(renamed)}`);
      name = renamed;
    }
    const valueText = Array.isArray(raw) ? raw.map(text).filter((v) => v !== undefined).join(",") : text(raw);
    if (valueText === undefined) {
      issues.warn(document, [...path, key], "label-value", `label ${JSON.stringify(key)} has no scalar value; it was not imported`);
      continue;
    }
    if (Array.isArray(raw) && raw.length > 1) {
      issues.warn(document, [...path, key], "label-value", `label ${JSON.stringify(key)} has ${raw.length} values; a Prometheus label has one: imported as ${JSON.stringify(valueText)}`);
    }
    out[name] = valueText;
  }
  return out;
}

/** Annotations are free text: values as strings, keys made into label names. */
export function annotationsFrom(issues: Issues, document: ConvertDocument, path: IssuePath, value: unknown): Record<string, string> {
  return labelsFrom(issues, document, path, value, []);
}

/** Rounds away float noise (0.995 * 100 = 99.49999999999999). */
export const clean = (value: number): number => Number(value.toPrecision(12));

/** A target in percent, checked to be inside (0, 100); undefined (with an error) otherwise. */
export function targetPercent(issues: Issues, document: ConvertDocument, path: IssuePath, percent: number | undefined, written: unknown): number | undefined {
  if (percent === undefined || !Number.isFinite(percent)) {
    issues.error(document, path, "target", `expected a target, found ${JSON.stringify(written) ?? "nothing"}`);
    return undefined;
  }
  const value = clean(percent);
  if (!(value > 0 && value < 100)) {
    issues.error(document, path, "target", `a target of ${value}% cannot be measured with an error budget: servicelevel.dev targets lie strictly between 0 and 100`);
    return undefined;
  }
  return value;
}

/** Builds the SLA resource with its keys in reading order. */
export function slaResource(name: string, namespace: string | undefined, spec: ServiceLevelAgreementSpec): ServiceLevelAgreement {
  return {
    apiVersion,
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: dropUndefined(spec) as ServiceLevelAgreementSpec,
  };
}

/** The spec of an SLA in the order people read it; empty parts left out. */
export function slaSpec(parts: {
  service: string; owner: string; description?: string | undefined; labels?: Record<string, string>; period?: Period | undefined;
  objectives: Objective[]; alerting?: Alerting | undefined; compatibility?: ServiceLevelAgreementSpec["compatibility"];
}): ServiceLevelAgreementSpec {
  return dropUndefined({
    service: parts.service,
    owner: parts.owner,
    description: parts.description === "" ? undefined : parts.description?.slice(0, 1024),
    labels: parts.labels && Object.keys(parts.labels).length > 0 ? sortKeys(parts.labels) : undefined,
    period: parts.period,
    objectives: parts.objectives,
    alerting: parts.alerting && Object.keys(dropUndefined(parts.alerting)).length > 0 ? dropUndefined(parts.alerting) as Alerting : undefined,
    compatibility: parts.compatibility,
  }) as ServiceLevelAgreementSpec;
}

/** Removes keys whose value is undefined (exactOptionalPropertyTypes forbids writing them). */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function sortKeys<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The owner of an imported service: a label that names one, else a placeholder with a warning. */
export function ownerFrom(issues: Issues, document: ConvertDocument, path: IssuePath, labels: Readonly<Record<string, string>>): string {
  for (const key of ["owner", "team", "source_owner"]) {
    const value = labels[key];
    if (value) return value.slice(0, 253);
  }
  issues.warn(document, path, "owner", "the source names no owner (no owner or team label); spec.owner is set to \"unassigned\": change it to who answers for the service");
  return "unassigned";
}

/** Burn-rate tier budget shares are printed with a few digits; the factor is what must match. */
export function budgetPercentFor(factor: number, longWindowSeconds: number, periodSeconds: number): number {
  return clean((factor * longWindowSeconds * 100) / periodSeconds);
}

/** A tier in the API's shape. */
export function tier(severity: "page" | "ticket", budgetPercent: number, shortWindow: string, longWindow: string): BurnRateTier {
  return { severity, budgetPercent: clean(budgetPercent), longWindow, shortWindow };
}

const alertNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** An alert-name prefix the API accepts, warning when the source's name had to change. */
export function alertPrefix(issues: Issues, document: ConvertDocument, path: IssuePath, name: string): string {
  const prefix = name.replace(/[^a-zA-Z0-9_]/g, "_").replace(/^([0-9])/, "_$1").slice(0, 64);
  if (!alertNameRe.test(name) || prefix !== name) {
    issues.warn(document, path, "alert-name", `alert name ${JSON.stringify(name)} is not a valid Prometheus alert name: imported as ${JSON.stringify(prefix)}`);
  }
  return prefix;
}

/** Stable JSON of a value with sorted keys, to compare configurations. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}
