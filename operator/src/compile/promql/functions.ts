// The PromQL functions and aggregations the compiler accepts in user queries, with their argument
// types, as in Prometheus' promql/parser/functions.go. Only functions every supported Prometheus
// (2.42 and later, 3.x) evaluates without a feature flag are listed; the others are named so
// that refusing them can say why.

export type ValueType = "instant vector" | "range vector" | "scalar" | "string";

export interface FunctionSignature {
  readonly args: readonly ValueType[];
  /** How many trailing arguments may be left out; -1 repeats the last one without limit. */
  readonly optional: number;
  readonly returns: ValueType;
}

const V = "instant vector";
const M = "range vector";
const S = "scalar";
const Str = "string";
const fn = (args: ValueType[], returns: ValueType = V, optional = 0): FunctionSignature => ({ args, optional, returns });

const vectorMath = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "deg", "exp", "floor", "ln", "log10", "log2", "rad", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "tan", "tanh", "timestamp", "absent", "histogram_count", "histogram_sum"];
const overTime = ["absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase", "irate", "last_over_time", "max_over_time", "min_over_time", "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time"];
const dateParts = ["days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year"];

/** Signatures by function name. */
export const functions: ReadonlyMap<string, FunctionSignature> = new Map<string, FunctionSignature>([
  ...vectorMath.map((name) => [name, fn([V])] as const),
  ...overTime.map((name) => [name, fn([M])] as const),
  ...dateParts.map((name) => [name, fn([V], V, 1)] as const),
  ["clamp", fn([V, S, S])],
  ["clamp_max", fn([V, S])],
  ["clamp_min", fn([V, S])],
  ["histogram_fraction", fn([S, S, V])],
  ["histogram_quantile", fn([S, V])],
  ["label_join", fn([V, Str, Str, Str], V, -1)],
  ["label_replace", fn([V, Str, Str, Str, Str])],
  ["pi", fn([], S)],
  ["predict_linear", fn([M, S])],
  ["quantile_over_time", fn([S, M])],
  ["round", fn([V, S], V, 1)],
  ["scalar", fn([V], S)],
  ["time", fn([], S)],
  ["vector", fn([S])],
]);

/** Functions some Prometheus versions know but not every supported one evaluates by default. */
export const unavailableFunctions: ReadonlyMap<string, string> = new Map([
  ...["histogram_avg", "histogram_stddev", "histogram_stdvar"].map((name) => [name, "needs Prometheus 2.50 or later"] as const),
  ...["mad_over_time", "sort_by_label", "sort_by_label_desc", "info", "double_exponential_smoothing", "first_over_time", "ts_of_first_over_time",
    "ts_of_max_over_time", "ts_of_min_over_time", "ts_of_last_over_time", "histogram_quantiles", "start_timestamp", "limitk", "limit_ratio"]
    .map((name) => [name, "is experimental: Prometheus refuses it unless started with --enable-feature=promql-experimental-functions"] as const),
]);

/** Aggregation operators and the type of their parameter, or null when they take none. */
export const aggregations: ReadonlyMap<string, ValueType | null> = new Map<string, ValueType | null>([
  ...["sum", "avg", "count", "min", "max", "group", "stddev", "stdvar"].map((op) => [op, null] as const),
  ["topk", S],
  ["bottomk", S],
  ["quantile", S],
  ["count_values", Str],
]);
