// The demo's synthetic service: an HTTP server on 127.0.0.1 that serves /metrics in the
// Prometheus text format, fed by an internal traffic generator instead of real clients.
//
//   http_requests_total{job="demo",code="200|404|500|503"}             counter
//   http_request_duration_seconds_bucket/_sum/_count{job="demo",le=...}  histogram (0.3 is a bound)
//
// Every 100 ms the generator "serves" rps/10 requests: each fails with probability errorRate
// (code 500), or always during an outage (code 503); 1% of the good ones are 404s, which are not
// server errors. Latencies are log-normal (median 60 ms, about 0.06% over 300 ms); a share
// slowRate of requests takes 0.4 to 1.5 s instead. The knobs change at run time through
// POST /error-rate?value=, POST /outage?on=, POST /slow-rate?value= (and GET /state).
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface DemoServiceOptions {
  /** Requests per second the generator produces. Default 50. */
  readonly rps?: number;
  /** Share of requests that fail with a 500 outside an outage, 0..1. Default 0.001. */
  readonly errorRate?: number;
  /** Share of requests slower than 300 ms on top of the log-normal tail, 0..1. Default 0. */
  readonly slowRate?: number;
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** Random numbers in [0, 1); default Math.random. */
  readonly random?: () => number;
}

export interface DemoServiceState {
  readonly rps: number;
  readonly errorRate: number;
  readonly outage: boolean;
  readonly slowRate: number;
  /** What the generator uses now: 1 during an outage, else errorRate. */
  readonly effectiveErrorRate: number;
  readonly requests: number;
  readonly errors: number;
}

export interface DemoService {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  state(): DemoServiceState;
  setErrorRate(value: number): void;
  setOutage(on: boolean): void;
  setSlowRate(value: number): void;
  /** Called after every change of a knob, whether by key or by HTTP. */
  onChange(listener: (state: DemoServiceState) => void): void;
  /** The /metrics text as it is now. */
  metrics(): string;
  stop(): Promise<void>;
}

/** Histogram bucket bounds, seconds; 0.3 must be one of them for the 300 ms latency objective. */
export const bucketBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5] as const;
const codes = ["200", "404", "500", "503"] as const;
type Code = (typeof codes)[number];
const tickMs = 100;

/** The steps that `+` and `-` move the error rate through. */
export const errorRateSteps = [0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] as const;

/** The next step up (direction 1) or down (-1) from `current`. */
export function stepErrorRate(current: number, direction: 1 | -1): number {
  if (direction > 0) return errorRateSteps.find((s) => s > current + 1e-12) ?? 1;
  return [...errorRateSteps].reverse().find((s) => s < current - 1e-12) ?? 0;
}

// The log-normal latency of the demo service: median 60 ms, sigma 0.5.
const medianSeconds = 0.06;
const sigma = 0.5;

/** The complementary error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? y : 2 - y;
}

/** The share of requests slower than `thresholdSeconds` that the generator produces at `slowRate`. */
export function expectedSlowShare(thresholdSeconds: number, slowRate: number): number {
  const tail = 0.5 * erfc(Math.log(thresholdSeconds / medianSeconds) / (sigma * Math.SQRT2));
  const slowOver = Math.min(1, Math.max(0, (1.5 - Math.max(thresholdSeconds, 0.4)) / 1.1));
  return slowRate * slowOver + (1 - slowRate) * tail;
}

function checkShare(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${name} must be a number from 0 to 1, found ${value}`);
  return value;
}

export async function startDemoService(options: DemoServiceOptions = {}): Promise<DemoService> {
  const random = options.random ?? Math.random;
  const rps = options.rps ?? 50;
  if (!Number.isFinite(rps) || rps <= 0) throw new RangeError(`rps must be a positive number, found ${rps}`);
  let errorRate = checkShare("errorRate", options.errorRate ?? 0.001);
  let slowRate = checkShare("slowRate", options.slowRate ?? 0);
  let outage = false;
  const listeners: ((state: DemoServiceState) => void)[] = [];

  const requests: Record<Code, number> = { "200": 0, "404": 0, "500": 0, "503": 0 };
  const buckets = bucketBounds.map(() => 0);
  let durationSum = 0;
  let durationCount = 0;

  // Box-Muller: a standard normal from two uniforms.
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const latency = (): number => (random() < slowRate ? 0.4 + 1.1 * random() : medianSeconds * Math.exp(sigma * normal()));

  const serveOne = (): void => {
    const code: Code = outage ? "503" : random() < errorRate ? "500" : random() < 0.01 ? "404" : "200";
    requests[code]++;
    const seconds = latency();
    bucketBounds.forEach((bound, i) => {
      if (seconds <= bound) buckets[i] = (buckets[i] ?? 0) + 1;
    });
    durationSum += seconds;
    durationCount++;
  };

  let carry = 0;
  const generator = setInterval(() => {
    carry += (rps * tickMs) / 1000;
    const n = Math.floor(carry);
    carry -= n;
    for (let i = 0; i < n; i++) serveOne();
  }, tickMs);
  generator.unref();

  const state = (): DemoServiceState => ({
    rps,
    errorRate,
    outage,
    slowRate,
    effectiveErrorRate: outage ? 1 : errorRate,
    requests: durationCount,
    errors: requests["500"] + requests["503"],
  });
  const changed = (): void => {
    const s = state();
    for (const listener of listeners) listener(s);
  };

  const metrics = (): string => {
    const lines = [
      "# HELP http_requests_total Requests served by the demo service, by status code.",
      "# TYPE http_requests_total counter",
      ...codes.map((code) => `http_requests_total{job="demo",code="${code}"} ${requests[code]}`),
      "# HELP http_request_duration_seconds How long the demo service took to answer.",
      "# TYPE http_request_duration_seconds histogram",
      ...bucketBounds.map((bound, i) => `http_request_duration_seconds_bucket{job="demo",le="${bound}"} ${buckets[i] ?? 0}`),
      `http_request_duration_seconds_bucket{job="demo",le="+Inf"} ${durationCount}`,
      `http_request_duration_seconds_sum{job="demo"} ${durationSum}`,
      `http_request_duration_seconds_count{job="demo"} ${durationCount}`,
    ];
    return `${lines.join("\n")}\n`;
  };

  const server: Server = createServer((req, res) => handle(req, res));
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, body: string, type = "text/plain; charset=utf-8"): void => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    const sendState = (): void => send(200, `${JSON.stringify(state())}\n`, "application/json");
    try {
      if (url.pathname === "/metrics" && req.method === "GET") return send(200, metrics(), "text/plain; version=0.0.4; charset=utf-8");
      if (url.pathname === "/state" && req.method === "GET") return sendState();
      if (url.pathname === "/error-rate" || url.pathname === "/slow-rate" || url.pathname === "/outage") {
        if (req.method !== "POST") return send(405, `use POST ${url.pathname}\n`);
        if (url.pathname === "/outage") {
          const on = url.searchParams.get("on");
          if (on !== null && !["true", "false", "1", "0"].includes(on)) return send(400, "on must be true or false (or absent, to toggle)\n");
          outage = on === null ? !outage : on === "true" || on === "1";
        } else {
          const text = url.searchParams.get("value");
          const value = text === null || text.trim() === "" ? Number.NaN : Number(text);
          const name = url.pathname === "/error-rate" ? "an error rate" : "a slow rate";
          if (!Number.isFinite(value) || value < 0 || value > 1) return send(400, `value must be ${name} from 0 to 1, e.g. ?value=0.05; found ${JSON.stringify(text)}\n`);
          if (url.pathname === "/error-rate") errorRate = value;
          else slowRate = value;
        }
        changed();
        return sendState();
      }
      send(404, "not found: GET /metrics, GET /state, POST /error-rate?value=0.05, POST /outage?on=true, POST /slow-rate?value=0.1\n");
    } catch (error) {
      send(500, `${error instanceof Error ? error.message : String(error)}\n`);
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    setErrorRate(value) {
      errorRate = checkShare("errorRate", value);
      changed();
    },
    setOutage(on) {
      outage = on;
      changed();
    },
    setSlowRate(value) {
      slowRate = checkShare("slowRate", value);
      changed();
    },
    onChange(listener) {
      listeners.push(listener);
    },
    metrics,
    stop() {
      clearInterval(generator);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
