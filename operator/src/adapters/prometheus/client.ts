// The Prometheus HTTP API client: instant and range queries and build info, with a timeout per
// attempt, retries with exponential backoff and jitter on what may heal (network errors, 5xx, 429,
// timeouts) and none on what will not (a bad query, 4xx, certificate errors), bearer or basic
// auth, TLS options and custom headers. Every failure is a typed PrometheusError naming the query.
import {
  PrometheusAbortedError, PrometheusConnectionError, PrometheusError, PrometheusHttpError, PrometheusQueryError,
  PrometheusResponseError, PrometheusResponseTooLargeError, PrometheusTimeoutError, withAttempts, type PrometheusRequestInfo,
} from "./errors.js";
import { HttpTransport, ResponseTooLargeError, type HttpResponse, type TlsOptions } from "./http.js";
import { backoffDelay, sleep } from "../backoff.js";
import {
  parseBuildInfo, parseEnvelope, parseQueryData, type BuildInfo, type MatrixSeries, type QueryResult, type VectorSeries,
} from "./response.js";

export type { TlsOptions } from "./http.js";

/** A secret, or a function that reads it (e.g. a rotated service account token file) per request. */
export type Secret = string | (() => string | Promise<string>);

export type PrometheusAuth =
  | { readonly type: "bearer"; readonly token: Secret }
  | { readonly type: "basic"; readonly username: string; readonly password: Secret };

export interface BackoffOptions {
  /** Delay cap of the first retry; each further retry doubles it (by `multiplier`) up to `maxMs`. */
  readonly initialMs?: number;
  readonly maxMs?: number;
  readonly multiplier?: number;
}

export interface PrometheusClientOptions {
  /** Base URL, with a path prefix if Prometheus runs under one: https://prom.example.com/prometheus */
  readonly url: string;
  /** Timeout of each attempt, also sent to Prometheus as the query `timeout`. Default 30 s. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  readonly backoff?: BackoffOptions;
  readonly auth?: PrometheusAuth;
  readonly tls?: TlsOptions;
  /** Sent with every request (e.g. X-Scope-OrgID for Mimir/Cortex/Thanos tenancy). */
  readonly headers?: Readonly<Record<string, string>>;
  /** GET, POST (form body), or auto: POST when the query makes the URL long. Default auto. */
  readonly method?: "GET" | "POST" | "auto";
  /**
   * Ask Prometheus to gzip its answers. Default false: Prometheus 2.42 compresses slowly, so on a
   * fast network it costs more than it saves (a 10 MB range answer over loopback: 0.9 s with gzip,
   * 0.1 s without). Turn it on when Prometheus is far away or behind a slow link.
   */
  readonly compression?: boolean;
  /** Refuse bodies larger than this (decompressed), far below a pod's memory limit. Default 64 MiB. */
  readonly maxResponseBytes?: number;
  /** Concurrent connections per scheme. Default 16. */
  readonly maxSockets?: number;
  /** Called after every attempt, for metrics and logs. */
  readonly observe?: (event: AttemptEvent) => void;
  /** For tests: the jitter source (default Math.random) and the sleep between attempts. */
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  readonly timeoutMs?: number;
}

export interface AttemptEvent {
  readonly request: PrometheusRequestInfo;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly durationMs: number;
  readonly httpStatus?: number;
  readonly responseBytes?: number;
  readonly error?: PrometheusError;
  /** Whether another attempt follows. */
  readonly willRetry: boolean;
}

export interface ClientStats {
  /** Logical calls (query, queryRange, buildInfo). */
  calls: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  retries: number;
  failures: number;
}

type WithWarnings<T> = T & { readonly warnings: readonly string[] };
export type QueryAnswer = WithWarnings<QueryResult>;
export type VectorAnswer = WithWarnings<{ readonly resultType: "vector"; readonly result: readonly VectorSeries[] }>;
export type MatrixAnswer = WithWarnings<{ readonly resultType: "matrix"; readonly result: readonly MatrixSeries[] }>;

export interface Range {
  /** Unix ms or a Date; Prometheus evaluates at start, start+step, ... up to end. */
  readonly start: number | Date;
  readonly end: number | Date;
  readonly stepSeconds: number;
}

/** Prometheus refuses range queries of more than this many points per series. */
export const maxPointsPerSeries = 11_000;

const defaults = { timeoutMs: 30_000, retries: 3, initialMs: 250, maxMs: 10_000, multiplier: 2, maxResponseBytes: 64 * 1024 * 1024 };
/** In auto mode, URLs longer than this become POSTs (proxies commonly cap request lines at 4-8 KiB). */
const maxGetUrlLength = 2048;

export class PrometheusClient {
  readonly baseUrl: URL;
  readonly stats: ClientStats = { calls: 0, attempts: 0, retries: 0, failures: 0 };
  private readonly transport: HttpTransport;
  private readonly auth: PrometheusAuth | undefined;

  constructor(private readonly options: PrometheusClientOptions) {
    const url = new URL(options.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`Prometheus URL must be http or https: ${options.url}`);
    // Credentials in the URL become basic auth, and never appear in messages.
    let auth = options.auth;
    if (url.username !== "" && auth === undefined) {
      auth = { type: "basic", username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    }
    url.username = "";
    url.password = "";
    url.search = "";
    url.hash = "";
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    this.baseUrl = url;
    this.auth = auth;
    this.transport = new HttpTransport(options.tls ?? {}, options.maxSockets ?? 16);
  }

  /** An instant query at `time` (default now). */
  async query(query: string, time: number | Date = Date.now(), options: CallOptions = {}): Promise<QueryAnswer> {
    const timeMs = toMs(time);
    const request: PrometheusRequestInfo = { endpoint: "/api/v1/query", query, timeMs };
    const { data, warnings } = await this.call(request, { query, time: formatSeconds(timeMs) }, options);
    return { ...parseQueryData(request, data), warnings };
  }

  /** An instant query that must return an instant vector. */
  async queryVector(query: string, time: number | Date = Date.now(), options: CallOptions = {}): Promise<VectorAnswer> {
    const answer = await this.query(query, time, options);
    if (answer.resultType !== "vector") {
      throw new PrometheusResponseError({ endpoint: "/api/v1/query", query, timeMs: toMs(time) }, `expected a vector, got a ${answer.resultType}`);
    }
    return answer;
  }

  /**
   * A range query. Ranges of more than 11,000 points per series are refused by Prometheus; see
   * `queryRangeChunked` in batch.ts for longer ones.
   */
  async queryRange(query: string, range: Range, options: CallOptions = {}): Promise<MatrixAnswer> {
    const startMs = toMs(range.start);
    const endMs = toMs(range.end);
    const request: PrometheusRequestInfo = { endpoint: "/api/v1/query_range", query, startMs, endMs, stepSeconds: range.stepSeconds };
    if (!(range.stepSeconds > 0)) throw new RangeError(`step must be positive: ${range.stepSeconds}`);
    const { data, warnings } = await this.call(request, {
      query, start: formatSeconds(startMs), end: formatSeconds(endMs), step: String(range.stepSeconds),
    }, options);
    const result = parseQueryData(request, data);
    if (result.resultType !== "matrix") throw new PrometheusResponseError(request, `expected a matrix, got a ${result.resultType}`);
    return { ...result, warnings };
  }

  /** The server's version (/api/v1/status/buildinfo); also a cheap reachability check. */
  async buildInfo(options: CallOptions = {}): Promise<BuildInfo> {
    const request: PrometheusRequestInfo = { endpoint: "/api/v1/status/buildinfo" };
    const { data } = await this.call(request, undefined, options);
    return parseBuildInfo(request, data);
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.transport.close();
  }

  private async call(request: PrometheusRequestInfo, params: Record<string, string> | undefined, options: CallOptions): Promise<{ data: unknown; warnings: readonly string[] }> {
    this.stats.calls++;
    const retries = Math.max(0, this.options.retries ?? defaults.retries);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? defaults.timeoutMs;
    if (params !== undefined) params = { ...params, timeout: `${Math.max(1, Math.round(timeoutMs))}ms` };
    for (let attempt = 1; ; attempt++) {
      const began = performance.now();
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: HttpResponse | undefined;
      try {
        response = await this.attempt(request, params, timeout, options.signal);
        const answer = this.interpret(request, response);
        this.stats.attempts++;
        this.options.observe?.({ request, attempt, durationMs: performance.now() - began, httpStatus: response.status, responseBytes: response.body.length, willRetry: false });
        return answer;
      } catch (caught) {
        this.stats.attempts++;
        const error = this.classify(request, caught, timeoutMs, timeout, options.signal);
        const willRetry = error.retryable && attempt <= retries && options.signal?.aborted !== true;
        this.options.observe?.({
          request, attempt, durationMs: performance.now() - began, error, willRetry,
          ...(response ? { httpStatus: response.status, responseBytes: response.body.length } : {}),
        });
        if (!willRetry) {
          this.stats.failures++;
          throw withAttempts(error, attempt);
        }
        this.stats.retries++;
        try {
          await (this.options.sleep ?? sleep)(this.delayMs(attempt, response), options.signal);
        } catch (aborted) {
          this.stats.failures++;
          throw new PrometheusAbortedError(request, options.signal?.reason ?? aborted, attempt);
        }
        if (options.signal?.aborted) {
          this.stats.failures++;
          throw new PrometheusAbortedError(request, options.signal.reason, attempt);
        }
      }
    }
  }

  private async attempt(request: PrometheusRequestInfo, params: Record<string, string> | undefined, timeout: AbortSignal, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const url = new URL(request.endpoint.replace(/^\//, ""), this.baseUrl);
    const headers: Record<string, string> = { accept: "application/json", "user-agent": "servicelevel-operator", ...(this.options.headers ?? {}) };
    const authorization = await this.authorization();
    if (authorization !== undefined) headers["authorization"] = authorization;
    let method: "GET" | "POST" = "GET";
    let body: string | undefined;
    if (params !== undefined) {
      const form = new URLSearchParams(params).toString();
      const mode = this.options.method ?? "auto";
      if (mode === "POST" || (mode === "auto" && url.href.length + 1 + form.length > maxGetUrlLength)) {
        method = "POST";
        body = form;
        headers["content-type"] = "application/x-www-form-urlencoded";
      } else {
        url.search = form;
      }
    }
    return this.transport.send({
      method, url, headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      maxBodyBytes: this.options.maxResponseBytes ?? defaults.maxResponseBytes,
      compression: this.options.compression === true,
      ...(body !== undefined ? { body } : {}),
    });
  }

  private interpret(request: PrometheusRequestInfo, response: HttpResponse): { data: unknown; warnings: readonly string[] } {
    const text = response.body.toString("utf8");
    const envelope = parseEnvelope(text);
    const ok = response.status >= 200 && response.status < 300;
    if (envelope?.status === "success" && ok) return { data: envelope.data, warnings: envelope.warnings ?? [] };
    if (envelope?.status === "error" || (envelope && !ok)) {
      throw new PrometheusQueryError(request, response.status, envelope.errorType ?? "unknown", envelope.error ?? "(no message)");
    }
    if (ok) throw new PrometheusResponseError(request, `not a Prometheus API response: ${snippet(text)}`);
    throw new PrometheusHttpError(request, response.status, snippet(text));
  }

  private classify(request: PrometheusRequestInfo, caught: unknown, timeoutMs: number, timeout: AbortSignal, signal: AbortSignal | undefined): PrometheusError {
    if (caught instanceof PrometheusError) return caught;
    if (signal?.aborted) return new PrometheusAbortedError(request, signal.reason);
    // However the abort surfaced (an AbortError, or a reset of a half-read body), the timer fired.
    if (timeout.aborted) return new PrometheusTimeoutError(request, timeoutMs, 1, { cause: caught });
    if (caught instanceof ResponseTooLargeError) return new PrometheusResponseTooLargeError(request, caught.limitBytes, caught.announcedBytes, { cause: caught });
    return new PrometheusConnectionError(request, caught);
  }

  private delayMs(retry: number, response: HttpResponse | undefined): number {
    const backoff = this.options.backoff ?? {};
    const maxMs = backoff.maxMs ?? defaults.maxMs;
    // "Equal jitter": half the cap for sure, the other half random, so clients that failed together spread out.
    const delay = backoffDelay({ initialMs: backoff.initialMs ?? defaults.initialMs, maxMs, factor: backoff.multiplier ?? defaults.multiplier, jitter: 0.5 }, retry - 1, this.options.random);
    const retryAfter = response ? retryAfterMs(response.headers["retry-after"]) : undefined;
    return retryAfter === undefined ? delay : Math.max(delay, Math.min(retryAfter, maxMs));
  }

  private async authorization(): Promise<string | undefined> {
    const auth = this.auth;
    if (auth === undefined) return undefined;
    if (auth.type === "bearer") return `Bearer ${(await reveal(auth.token)).trim()}`;
    return `Basic ${Buffer.from(`${auth.username}:${await reveal(auth.password)}`).toString("base64")}`;
  }
}

async function reveal(secret: Secret): Promise<string> {
  return typeof secret === "function" ? await secret() : secret;
}

function toMs(time: number | Date): number {
  return typeof time === "number" ? time : time.getTime();
}

/** Unix ms as the seconds Prometheus reads, exact to the millisecond. */
export function formatSeconds(ms: number): string {
  return (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

