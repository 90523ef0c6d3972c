// Typed errors of the Prometheus adapter. Every error names the request it came from (the query,
// its time or range), so a condition or log line says which query failed without the caller
// adding context, and carries the underlying `cause`. `retryable` is what the client's retry loop
// decides on; the controller can read it too (e.g. keep the last status on a transient failure).

/** What was asked: enough to name the request in a message and to repeat it. */
export interface PrometheusRequestInfo {
  /** API path, e.g. "/api/v1/query". */
  readonly endpoint: string;
  readonly query?: string;
  /** Evaluation time of an instant query, Unix ms. */
  readonly timeMs?: number;
  /** Range of a range query, Unix ms, and its step in seconds. */
  readonly startMs?: number;
  readonly endMs?: number;
  readonly stepSeconds?: number;
}

/** Queries longer than this are shortened in messages (the full text stays in `request.query`). */
const maxQueryInMessage = 400;

/** Names a request: `query "up" at 2026-01-01T00:00:00.000Z`, `query_range "up" from ... to ... step 300s`. */
export function describeRequest(request: PrometheusRequestInfo): string {
  const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));
  if (request.query === undefined) return `GET ${request.endpoint}`;
  const query = request.query.length > maxQueryInMessage
    ? `${request.query.slice(0, maxQueryInMessage)}… (${request.query.length} characters)`
    : request.query;
  const quoted = JSON.stringify(query);
  if (request.startMs !== undefined && request.endMs !== undefined) {
    return `query_range ${quoted} from ${iso(request.startMs)} to ${iso(request.endMs)} step ${request.stepSeconds ?? "?"}s`;
  }
  return request.timeMs !== undefined ? `query ${quoted} at ${iso(request.timeMs)}` : `query ${quoted}`;
}

const redacted = "[REDACTED]";

/** Removes credentials from text that came back from a server or a proxy, which may echo request headers. */
export function redactCredentials(text: string): string {
  return text
    // An echoed header: "Authorization: Bearer abc", {"authorization":"Basic abc"}, authorization=abc.
    .replace(/((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(bearer|basic|digest|negotiate|token)\s+)?[^\s"',;}&]+/gi,
      (_match, prefix: string, scheme: string | undefined) => `${prefix}${scheme ? `${scheme} ` : ""}${redacted}`)
    // A scheme and credentials anywhere else: "Bearer eyJ...", "Basic dXNlcjpw...".
    .replace(/\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]{4,}=*/gi, `$1 ${redacted}`)
    // Credentials in a URL: https://user:secret@host.
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${redacted}@`)
    // Tokens in query strings or JSON: access_token=..., "password":"...".
    .replace(/\b((?:access_|id_|refresh_)?token|password|passwd|secret|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"',;}&]+/gi, `$1$2${redacted}`);
}

/** Base class: something went wrong talking to Prometheus about `request`. */
export abstract class PrometheusError extends Error {
  abstract readonly retryable: boolean;
  /** How many attempts were made, including the failed last one. */
  readonly attempts: number;

  constructor(readonly request: PrometheusRequestInfo, detail: string, attempts: number, options?: ErrorOptions) {
    // Every message passes here: a server that echoes the Authorization header must not put the
    // token into a status condition or a log line.
    super(redactCredentials(`${describeRequest(request)}: ${detail}${attempts > 1 ? ` (after ${attempts} attempts)` : ""}`), options);
    this.attempts = attempts;
  }
}

/**
 * Prometheus answered with `status: "error"`: a bad query (`bad_data`, HTTP 400), an execution
 * error (`execution`, 422), a server-side timeout or cancellation (503), an internal error (500).
 */
export class PrometheusQueryError extends PrometheusError {
  override readonly name = "PrometheusQueryError";
  constructor(
    request: PrometheusRequestInfo,
    readonly httpStatus: number,
    readonly errorType: string,
    error: string,
    attempts = 1,
    options?: ErrorOptions,
  ) {
    super(request, `${errorType}: ${error}`, attempts, options);
    this.error = redactCredentials(error);
  }

  /** Prometheus' error text, credentials removed. */
  readonly error: string;

  get retryable(): boolean {
    return isRetryableStatus(this.httpStatus);
  }
}

/** An HTTP failure without a Prometheus API body: 401/403 from a proxy, a 502 HTML page, a 404 for a wrong base path. */
export class PrometheusHttpError extends PrometheusError {
  override readonly name = "PrometheusHttpError";
  /** The start of the answer's body, credentials removed. */
  readonly body: string;
  constructor(request: PrometheusRequestInfo, readonly httpStatus: number, body: string, attempts = 1, options?: ErrorOptions) {
    super(request, `HTTP ${httpStatus}${body ? `: ${body}` : ""}`, attempts, options);
    this.body = redactCredentials(body);
  }

  get retryable(): boolean {
    return isRetryableStatus(this.httpStatus);
  }
}

/** The connection failed or broke: refused, reset, DNS, TLS handshake. `cause` is the system error. */
export class PrometheusConnectionError extends PrometheusError {
  override readonly name = "PrometheusConnectionError";
  /** The system error code, e.g. ECONNREFUSED, or a TLS code such as DEPTH_ZERO_SELF_SIGNED_CERT. */
  readonly code: string | undefined;
  constructor(request: PrometheusRequestInfo, cause: unknown, attempts = 1) {
    super(request, cause instanceof Error ? cause.message : String(cause), attempts, { cause });
    const code = (cause as { code?: unknown } | undefined)?.code;
    this.code = typeof code === "string" ? code : undefined;
  }

  /** Certificate problems do not heal by retrying; everything else on the wire might. */
  get retryable(): boolean {
    return !(this.code !== undefined && tlsCertificateCodes.has(this.code));
  }
}

/** An attempt did not complete within the client's timeout. */
export class PrometheusTimeoutError extends PrometheusError {
  override readonly name = "PrometheusTimeoutError";
  readonly retryable = true;
  constructor(request: PrometheusRequestInfo, readonly timeoutMs: number, attempts = 1, options?: ErrorOptions) {
    super(request, `timed out after ${timeoutMs} ms`, attempts, options);
  }
}

/** The caller's AbortSignal fired; never retried. */
export class PrometheusAbortedError extends PrometheusError {
  override readonly name = "PrometheusAbortedError";
  readonly retryable = false;
  constructor(request: PrometheusRequestInfo, reason: unknown, attempts = 1) {
    super(request, `aborted${reason instanceof Error ? `: ${reason.message}` : ""}`, attempts, { cause: reason });
  }
}

/** The answer was not what the API promises: not JSON, an unknown result type, a malformed sample. */
export class PrometheusResponseError extends PrometheusError {
  override readonly name: string = "PrometheusResponseError";
  readonly retryable = false;
  constructor(request: PrometheusRequestInfo, detail: string, options?: ErrorOptions) {
    super(request, `unexpected response: ${detail}`, 1, options);
  }
}

/**
 * The answer was larger than the client accepts. Reading stopped at the limit (or before the
 * body, when Content-Length announced more), so one huge answer cannot exhaust the pod's memory.
 */
export class PrometheusResponseTooLargeError extends PrometheusResponseError {
  override readonly name = "PrometheusResponseTooLargeError";
  constructor(request: PrometheusRequestInfo, readonly limitBytes: number, announcedBytes: number | undefined, options?: ErrorOptions) {
    super(request, `response body larger than ${limitBytes} bytes (${formatMiB(limitBytes)})${announcedBytes === undefined ? "" : `: Content-Length announced ${formatMiB(announcedBytes)}`}; ` +
      "narrow the query (fewer series, a shorter range or a larger step) or raise the limit (slactl run --prometheus-max-response-bytes, chart value prometheus.maxResponseBytes)", options);
  }
}

const formatMiB = (bytes: number) => `${Number((bytes / 1024 / 1024).toPrecision(3))} MiB`;

/** 5xx and 429 may succeed on a later attempt; other statuses will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

const tlsCertificateCodes = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID", "CERT_SIGNATURE_FAILURE", "CERT_UNTRUSTED", "CERT_REJECTED",
  "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED", "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
]);

/** Returns a copy of `error` with the attempt count set (errors are built per attempt). */
export function withAttempts(error: PrometheusError, attempts: number): PrometheusError {
  if (attempts === error.attempts) return error;
  if (error instanceof PrometheusQueryError) {
    return new PrometheusQueryError(error.request, error.httpStatus, error.errorType, error.error, attempts, { cause: error.cause });
  }
  if (error instanceof PrometheusHttpError) return new PrometheusHttpError(error.request, error.httpStatus, error.body, attempts, { cause: error.cause });
  if (error instanceof PrometheusConnectionError) return new PrometheusConnectionError(error.request, error.cause, attempts);
  if (error instanceof PrometheusTimeoutError) return new PrometheusTimeoutError(error.request, error.timeoutMs, attempts, { cause: error.cause });
  if (error instanceof PrometheusAbortedError) return new PrometheusAbortedError(error.request, error.cause, attempts);
  return error;
}
