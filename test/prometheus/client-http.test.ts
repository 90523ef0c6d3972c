// The client's HTTP behaviour against tiny local servers that play Prometheus: what it sends
// (auth, headers, GET or POST), what it retries and how long it waits, timeouts, aborts, TLS, and
// that every error is typed and names its query.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  PrometheusAbortedError, PrometheusClient, PrometheusConnectionError, PrometheusHttpError, PrometheusQueryError,
  PrometheusResponseError, PrometheusTimeoutError, type PrometheusClientOptions,
} from "../../operator/src/adapters/prometheus/index.js";

interface Seen { method: string; url: URL; headers: IncomingMessage["headers"]; body: string }
type Handler = (req: Seen, res: ServerResponse, n: number) => void;

const vector = (value: string) => JSON.stringify({ status: "success", data: { resultType: "vector", result: [{ metric: { job: "x" }, value: [1767225600, value] }] } });
const ok = (res: ServerResponse, body = vector("1")) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(body);
};
const t0 = Date.UTC(2026, 0, 1);

const servers: Server[] = [];
const clients: PrometheusClient[] = [];

async function serve(handler: Handler, server: Server = createHttpServer()): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry = { method: req.method ?? "", url: new URL(req.url ?? "/", "http://x"), headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(entry);
      handler(entry, res, seen.length);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  const scheme = "cert" in server ? "https" : "http";
  return { url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function client(options: PrometheusClientOptions, delays?: number[]): PrometheusClient {
  const c = new PrometheusClient({
    random: () => 0.5,
    sleep: async (ms) => {
      delays?.push(ms);
    },
    ...options,
  });
  clients.push(c);
  return c;
}

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

describe("what the client sends", () => {
  it("sends a bearer token, custom headers and the query parameters", async () => {
    const { url, seen } = await serve((req, res) => {
      if (req.headers.authorization !== "Bearer s3cret") {
        res.writeHead(401).end("unauthorized");
        return;
      }
      ok(res);
    });
    const answer = await client({ url, auth: { type: "bearer", token: "s3cret" }, headers: { "X-Scope-OrgID": "tenant-a" } }).queryVector("up", t0);
    expect(answer.result[0]?.sample.value).toBe(1);
    const req = seen[0] as Seen;
    expect(req.method).toBe("GET");
    expect(req.url.pathname).toBe("/api/v1/query");
    expect(req.url.searchParams.get("query")).toBe("up");
    expect(req.url.searchParams.get("time")).toBe("1767225600");
    expect(req.url.searchParams.get("timeout")).toBe("30000ms");
    expect(req.headers["x-scope-orgid"]).toBe("tenant-a");
    expect(req.headers["accept-encoding"]).toBe("identity");
  });

  it("reads a rotating token per request", async () => {
    const { url, seen } = await serve((_req, res) => ok(res));
    let n = 0;
    const c = client({ url, auth: { type: "bearer", token: async () => `token-${++n}\n` } });
    await c.query("up", t0);
    await c.query("up", t0);
    expect(seen.map((s) => s.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("sends basic auth, also when the credentials are in the URL, and keeps them out of errors", async () => {
    const { url, seen } = await serve((req, res) => (req.headers.authorization === `Basic ${Buffer.from("ops:p@ss word").toString("base64")}` ? ok(res) : res.writeHead(401).end("no")));
    await client({ url, auth: { type: "basic", username: "ops", password: "p@ss word" } }).query("up", t0);
    const withCredentials = url.replace("http://", "http://ops:p%40ss%20word@");
    await client({ url: withCredentials }).query("up", t0);
    expect(seen).toHaveLength(2);
    const wrong = client({ url: url.replace("http://", "http://ops:wrong@"), retries: 0 });
    const error = await wrong.query("up", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusHttpError);
    expect((error as PrometheusHttpError).httpStatus).toBe(401);
    expect(String(error)).not.toContain("wrong");
  });

  it("keeps a path prefix and POSTs long queries as a form", async () => {
    const { url, seen } = await serve((_req, res) => ok(res));
    const long = `sum(rate(x{a=~"${"n".repeat(3000)}"}[5m]))`;
    await client({ url: `${url}/prometheus` }).query(long, t0);
    await client({ url: `${url}/prometheus/`, method: "POST" }).query("up", t0);
    expect(seen.map((s) => [s.method, s.url.pathname])).toEqual([["POST", "/prometheus/api/v1/query"], ["POST", "/prometheus/api/v1/query"]]);
    expect(new URLSearchParams(seen[0]?.body).get("query")).toBe(long);
    expect(seen[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("sends range parameters and reads a gzipped matrix with NaN and infinities", async () => {
    const body = JSON.stringify({
      status: "success",
      warnings: ["partial"],
      data: { resultType: "matrix", result: [{ metric: { __name__: "m" }, values: [[1767225600, "1.5"], [1767225900, "NaN"], [1767226200, "+Inf"], [1767226500, "-Inf"]] }] },
    });
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(body));
    });
    const answer = await client({ url, compression: true }).queryRange("m", { start: t0, end: new Date(t0 + 900_000), stepSeconds: 300 });
    expect(seen[0]?.headers["accept-encoding"]).toContain("gzip");
    expect(seen[0]?.url.searchParams.get("start")).toBe("1767225600");
    expect(seen[0]?.url.searchParams.get("end")).toBe("1767226500");
    expect(seen[0]?.url.searchParams.get("step")).toBe("300");
    expect(answer.warnings).toEqual(["partial"]);
    expect(answer.result[0]?.samples.map((s) => s.value)).toEqual([1.5, Number.NaN, Infinity, -Infinity]);
    expect(answer.result[0]?.samples.map((s) => s.timeMs)).toEqual([t0, t0 + 300_000, t0 + 600_000, t0 + 900_000]);
  });
});

describe("retries", () => {
  it("retries 5xx with exponential backoff and jitter, then succeeds", async () => {
    const { url, seen } = await serve((_req, res, n) => (n <= 3 ? res.writeHead(503, { "content-type": "text/html" }).end("<h1>busy</h1>") : ok(res)));
    const delays: number[] = [];
    const events: number[] = [];
    const c = client({ url, retries: 3, backoff: { initialMs: 100, maxMs: 1000 }, observe: (e) => events.push(e.httpStatus ?? 0) }, delays);
    const answer = await c.queryVector("up", t0);
    expect(answer.result).toHaveLength(1);
    expect(seen).toHaveLength(4);
    // Equal jitter with random() = 0.5: 3/4 of the cap, the cap doubling from 100 ms.
    expect(delays).toEqual([75, 150, 300]);
    expect(events).toEqual([503, 503, 503, 200]);
    expect(c.stats).toEqual({ calls: 1, attempts: 4, retries: 3, failures: 0 });
  });

  it("spreads the delays with jitter and caps them", async () => {
    const { url } = await serve((_req, res) => res.writeHead(500).end());
    const low: number[] = [];
    const high: number[] = [];
    await client({ url, retries: 6, backoff: { initialMs: 100, maxMs: 1000 }, random: () => 0 }, low).query("up", t0).catch(() => undefined);
    await client({ url, retries: 6, backoff: { initialMs: 100, maxMs: 1000 }, random: () => 0.999999 }, high).query("up", t0).catch(() => undefined);
    expect(low).toEqual([50, 100, 200, 400, 500, 500]);
    expect(high.map(Math.round)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("honours Retry-After on 429", async () => {
    const { url } = await serve((_req, res, n) => (n === 1 ? res.writeHead(429, { "retry-after": "2" }).end("slow down") : ok(res)));
    const delays: number[] = [];
    await client({ url, backoff: { initialMs: 100, maxMs: 5000 } }, delays).query("up", t0);
    expect(delays).toEqual([2000]);
  });

  it("does not retry a bad query, and names it in the error", async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "error", errorType: "bad_data", error: 'invalid parameter "query": 1:9: parse error: unclosed left parenthesis' }));
    });
    const error = await client({ url }).query("sum(rate(x[5m])", t0).catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    const e = error as PrometheusQueryError;
    expect(e.errorType).toBe("bad_data");
    expect(e.httpStatus).toBe(400);
    expect(e.retryable).toBe(false);
    expect(e.request.query).toBe("sum(rate(x[5m])");
    expect(String(e)).toBe('PrometheusQueryError: query "sum(rate(x[5m])" at 2026-01-01T00:00:00.000Z: bad_data: invalid parameter "query": 1:9: parse error: unclosed left parenthesis');
  });

  it("gives up on an unreachable server after its retries, with a typed error and its cause", async () => {
    const probe = createHttpServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const delays: number[] = [];
    const error = await client({ url: `http://127.0.0.1:${port}`, retries: 3 }, delays)
      .queryRange("sla:sli_errors:tile5m", { start: t0, end: t0 + 3_600_000, stepSeconds: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusConnectionError);
    const e = error as PrometheusConnectionError;
    expect(e.code).toBe("ECONNREFUSED");
    expect(e.attempts).toBe(4);
    expect(delays).toHaveLength(3);
    expect((e.cause as { code?: string }).code).toBe("ECONNREFUSED");
    expect(e.message).toBe(`query_range "sla:sli_errors:tile5m" from 2026-01-01T00:00:00.000Z to 2026-01-01T01:00:00.000Z step 300s: connect ECONNREFUSED 127.0.0.1:${port} (after 4 attempts)`);
  });

  it("retries real waiting time when no sleep is injected", async () => {
    const { url, seen } = await serve((_req, res, n) => (n === 1 ? res.writeHead(502).end("bad gateway") : ok(res)));
    const c = new PrometheusClient({ url, backoff: { initialMs: 200, maxMs: 200 } });
    clients.push(c);
    const began = Date.now();
    await c.query("up", t0);
    expect(seen).toHaveLength(2);
    expect(Date.now() - began).toBeGreaterThanOrEqual(95);
  });

  it("treats a non-JSON 200 as a response error, not retried", async () => {
    const { url, seen } = await serve((_req, res) => res.writeHead(200).end("<html>login</html>"));
    const error = await client({ url }).query("up", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusResponseError);
    expect(String(error)).toContain("<html>login</html>");
    expect(seen).toHaveLength(1);
  });

  it("refuses answers beyond maxResponseBytes", async () => {
    const { url } = await serve((_req, res) => ok(res, vector("1".repeat(10_000))));
    const error = await client({ url, maxResponseBytes: 1000 }).query("up", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusResponseError);
    expect(String(error)).toContain("larger than 1000 bytes");
  });
});

describe("timeouts and aborts", () => {
  it("times out an attempt that hangs, retries, then throws a typed error", async () => {
    const { url, seen } = await serve(() => undefined); // never answers
    const began = Date.now();
    const error = await client({ url, timeoutMs: 200, retries: 1 }).query("slow_query", t0).catch((e: unknown) => e);
    const took = Date.now() - began;
    expect(error).toBeInstanceOf(PrometheusTimeoutError);
    expect((error as PrometheusTimeoutError).attempts).toBe(2);
    expect(String(error)).toContain('query "slow_query" at 2026-01-01T00:00:00.000Z: timed out after 200 ms (after 2 attempts)');
    expect(seen).toHaveLength(2);
    expect(seen[0]?.url.searchParams.get("timeout")).toBe("200ms");
    expect(took).toBeGreaterThanOrEqual(380);
    expect(took).toBeLessThan(3000);
  });

  it("times out a body that stalls halfway", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":"success","data":{');
    });
    const error = await client({ url, timeoutMs: 200, retries: 0 }).query("up", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusTimeoutError);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const { url, seen } = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("shutting down")), 100);
    const error = await client({ url, timeoutMs: 10_000, retries: 5 }).query("up", t0, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusAbortedError);
    expect(String(error)).toContain("aborted: shutting down");
    expect(seen).toHaveLength(1);
  });
});

describe("TLS", () => {
  let dir: string;
  let pem: Record<"ca" | "serverCert" | "serverKey" | "clientCert" | "clientKey" | "otherCa", string>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "slo-prom-tls-"));
    const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    for (const ca of ["ca", "other"]) {
      openssl("req", "-x509", ...ec, "-keyout", `${ca}.key`, "-out", `${ca}.crt`, "-days", "2", "-subj", `/CN=${ca}-test-ca`,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,digitalSignature");
    }
    const sign = (name: string, ext: string) => {
      openssl("req", "-new", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
      writeFileSync(join(dir, `${name}.ext`), ext);
      openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.crt`, "-days", "2", "-extfile", `${name}.ext`);
    };
    sign("server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    sign("client", "extendedKeyUsage=clientAuth\n");
    const read = (f: string) => readFileSync(join(dir, f), "utf8");
    pem = { ca: read("ca.crt"), serverCert: read("server.crt"), serverKey: read("server.key"), clientCert: read("client.crt"), clientKey: read("client.key"), otherCa: read("other.crt") };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const https = (requestCert: boolean) => createHttpsServer({ cert: pem.serverCert, key: pem.serverKey, ca: pem.ca, requestCert, rejectUnauthorized: requestCert });

  it("verifies the server against the given CA, and fails without retrying against another", async () => {
    const { url, seen } = await serve((_req, res) => ok(res), https(false));
    expect((await client({ url, tls: { ca: pem.ca } }).queryVector("up", t0)).result).toHaveLength(1);
    const error = await client({ url, tls: { ca: pem.otherCa }, retries: 3 }).query("up", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusConnectionError);
    expect((error as PrometheusConnectionError).retryable).toBe(false);
    expect((error as PrometheusConnectionError).attempts).toBe(1);
    expect(seen).toHaveLength(1);
  });

  it("skips verification when told to", async () => {
    const { url } = await serve((_req, res) => ok(res), https(false));
    expect((await client({ url, tls: { insecureSkipVerify: true } }).queryVector("up", t0)).result).toHaveLength(1);
  });

  it("presents a client certificate", async () => {
    const { url } = await serve((_req, res) => ok(res), https(true));
    expect((await client({ url, tls: { ca: pem.ca, cert: pem.clientCert, key: pem.clientKey } }).queryVector("up", t0)).result).toHaveLength(1);
    const error = await client({ url, tls: { ca: pem.ca }, retries: 0 }).query("up", t0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusConnectionError);
  });
});
