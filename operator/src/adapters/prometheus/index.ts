// The Prometheus adapter: the HTTP API client and the batched reads of recorded SLA series.
export {
  PrometheusClient, maxPointsPerSeries, formatSeconds,
  type PrometheusClientOptions, type PrometheusAuth, type Secret, type BackoffOptions, type CallOptions, type AttemptEvent,
  type ClientStats, type QueryAnswer, type VectorAnswer, type MatrixAnswer, type Range, type TlsOptions,
} from "./client.js";
export {
  fetchObjectiveSeries, planObjectiveQueries, queryRangeChunked, planRangeChunks, selectorFilter,
  type ObjectiveRef, type FetchObjectiveSeriesRequest, type ObjectiveSeries, type ObjectiveSeriesResult, type PlannedQuery,
} from "./batch.js";
export { mapConcurrent } from "../map-concurrent.js";
export {
  PrometheusError, PrometheusQueryError, PrometheusHttpError, PrometheusConnectionError, PrometheusTimeoutError,
  PrometheusAbortedError, PrometheusResponseError, PrometheusResponseTooLargeError, describeRequest, isRetryableStatus, redactCredentials,
  type PrometheusRequestInfo,
} from "./errors.js";
export { prometheusClientFor, PrometheusSecretFileError, type PrometheusConnection, type SecretFileRole } from "./connection.js";
export { parseValue, type Labels, type Sample, type VectorSeries, type MatrixSeries, type QueryResult, type BuildInfo } from "./response.js";
