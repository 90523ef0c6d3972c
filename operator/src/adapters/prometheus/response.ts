// Parsing the Prometheus HTTP API's JSON into typed results. Sample values arrive as strings
// ("0.25", "NaN", "+Inf", "-Inf") and times as float seconds; they leave as numbers and integer
// milliseconds. Native histogram samples (experimental in 2.42) are not read: series that carry
// only histograms come back with no samples.
import { PrometheusResponseError, type PrometheusRequestInfo } from "./errors.js";

export type Labels = Readonly<Record<string, string>>;

/** One sample: Unix time in milliseconds and the value (NaN and ±Infinity kept as such). */
export interface Sample {
  readonly timeMs: number;
  readonly value: number;
}

export interface VectorSeries { readonly labels: Labels; readonly sample: Sample }
export interface MatrixSeries { readonly labels: Labels; readonly samples: readonly Sample[] }

export type QueryResult =
  | { readonly resultType: "vector"; readonly result: readonly VectorSeries[] }
  | { readonly resultType: "matrix"; readonly result: readonly MatrixSeries[] }
  | { readonly resultType: "scalar"; readonly result: Sample }
  | { readonly resultType: "string"; readonly result: { readonly timeMs: number; readonly value: string } };

/** A parsed answer with the warnings Prometheus attached (e.g. about a partial response). */
export interface Answer<T> {
  readonly data: T;
  readonly warnings: readonly string[];
}

export interface BuildInfo {
  readonly version: string;
  readonly revision: string;
  readonly branch: string;
  readonly buildUser: string;
  readonly buildDate: string;
  readonly goVersion: string;
}

/** The envelope every API endpoint returns. */
export interface ApiEnvelope {
  readonly status: "success" | "error";
  readonly data?: unknown;
  readonly errorType?: string;
  readonly error?: string;
  readonly warnings?: readonly string[];
}

/** Parses a sample value as Prometheus formats it. */
export function parseValue(text: unknown): number {
  if (typeof text !== "string") return Number.NaN;
  switch (text) {
    case "NaN": return Number.NaN;
    case "+Inf": case "Inf": return Number.POSITIVE_INFINITY;
    case "-Inf": return Number.NEGATIVE_INFINITY;
    default: return text.trim() === "" ? Number.NaN : Number(text);
  }
}

/** Reads the API envelope of a body, or explains why it is not one. */
export function parseEnvelope(body: string): ApiEnvelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(json) || (json["status"] !== "success" && json["status"] !== "error")) return undefined;
  const warnings = Array.isArray(json["warnings"]) ? json["warnings"].filter((w): w is string => typeof w === "string") : [];
  return {
    status: json["status"],
    data: json["data"],
    ...(typeof json["errorType"] === "string" ? { errorType: json["errorType"] } : {}),
    ...(typeof json["error"] === "string" ? { error: json["error"] } : {}),
    warnings,
  };
}

/** Turns the `data` of /api/v1/query or /api/v1/query_range into a typed result. */
export function parseQueryData(request: PrometheusRequestInfo, data: unknown): QueryResult {
  const fail = (detail: string): never => {
    throw new PrometheusResponseError(request, detail);
  };
  if (!isRecord(data)) return fail("data is not an object");
  const type = data["resultType"];
  const result = data["result"];
  switch (type) {
    case "vector": {
      if (!Array.isArray(result)) return fail("vector result is not an array");
      const series: VectorSeries[] = [];
      for (const item of result) {
        if (!isRecord(item)) return fail("vector element is not an object");
        const labels = parseLabels(item["metric"]) ?? fail("vector element without metric labels");
        if (item["value"] === undefined) continue; // a histogram sample
        series.push({ labels, sample: parsePair(item["value"]) ?? fail(`malformed sample ${JSON.stringify(item["value"])}`) });
      }
      return { resultType: "vector", result: series };
    }
    case "matrix": {
      if (!Array.isArray(result)) return fail("matrix result is not an array");
      const series: MatrixSeries[] = [];
      for (const item of result) {
        if (!isRecord(item)) return fail("matrix element is not an object");
        const labels = parseLabels(item["metric"]) ?? fail("matrix element without metric labels");
        const values = item["values"] ?? [];
        if (!Array.isArray(values)) return fail("matrix values is not an array");
        const samples: Sample[] = new Array<Sample>(values.length);
        for (let i = 0; i < values.length; i++) {
          samples[i] = parsePair(values[i]) ?? fail(`malformed sample ${JSON.stringify(values[i])}`);
        }
        series.push({ labels, samples });
      }
      return { resultType: "matrix", result: series };
    }
    case "scalar":
      return { resultType: "scalar", result: parsePair(result) ?? fail(`malformed scalar ${JSON.stringify(result)}`) };
    case "string": {
      if (!Array.isArray(result) || typeof result[0] !== "number" || typeof result[1] !== "string") return fail("malformed string result");
      return { resultType: "string", result: { timeMs: secondsToMs(result[0]), value: result[1] } };
    }
    default:
      return fail(`unknown resultType ${JSON.stringify(type)}`);
  }
}

/** Turns the `data` of /api/v1/status/buildinfo into BuildInfo. */
export function parseBuildInfo(request: PrometheusRequestInfo, data: unknown): BuildInfo {
  if (!isRecord(data) || typeof data["version"] !== "string") throw new PrometheusResponseError(request, "buildinfo without a version");
  const text = (key: string) => (typeof data[key] === "string" ? data[key] : "");
  return {
    version: data["version"],
    revision: text("revision"),
    branch: text("branch"),
    buildUser: text("buildUser"),
    buildDate: text("buildDate"),
    goVersion: text("goVersion"),
  };
}

/** Float seconds to integer milliseconds (Prometheus' own resolution). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

function parsePair(pair: unknown): Sample | undefined {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "number" || typeof pair[1] !== "string") return undefined;
  return { timeMs: secondsToMs(pair[0]), value: parseValue(pair[1]) };
}

function parseLabels(metric: unknown): Labels | undefined {
  if (!isRecord(metric)) return undefined;
  for (const value of Object.values(metric)) if (typeof value !== "string") return undefined;
  return metric as Labels;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
