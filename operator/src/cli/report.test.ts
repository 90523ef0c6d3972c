import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeApi } from "../adapters/kube/client.js";
import { KubeApiError } from "../adapters/kube/errors.js";
import { parseTimeArgument, reportCommand, reportHelp, type ReportDeps } from "./report.js";
import type { Io } from "./validate.js";

const checkoutYaml = (name = "checkout", extra = "") => `apiVersion: servicelevel.dev/v1alpha1
kind: ServiceLevelAgreement
metadata: {name: ${name}, namespace: shop}
spec:
  service: ${name}
  owner: team-payments
  period: {calendar: month, timeZone: UTC}
  objectives:
    - name: availability
      target: 99.9
      indicator:
        ratio:
          errors: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{window}}]))
          total: sum(rate(http_requests_total{job="checkout"}[{{window}}]))
  credits:
    - {below: 99.9, credit: 10}
    - {below: 99, credit: 25}
${extra}`;

/**
 * A stand-in for Prometheus' HTTP API: build info, and the recorded tiles of shop/checkout
 * availability at a constant 10 events/s with `errorRatio` of them errors; nothing else.
 */
interface FakePrometheus {
  readonly url: string;
  readonly requests: { path: string; authorization: string | undefined }[];
  errorRatio: number;
  close(): Promise<void>;
}

async function fakePrometheus(): Promise<FakePrometheus> {
  const requests: FakePrometheus["requests"] = [];
  const state = { errorRatio: 0.0005 };
  const body = async (req: IncomingMessage) => {
    let text = "";
    for await (const chunk of req) text += String(chunk);
    return text;
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push({ path: url.pathname, authorization: req.headers.authorization });
      const params = new URLSearchParams(req.method === "POST" ? await body(req) : url.search);
      const reply = (data: unknown) => {
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ status: "success", data }));
      };
      if (url.pathname.endsWith("/api/v1/status/buildinfo")) return reply({ version: "2.42.0" });
      if (url.pathname.endsWith("/api/v1/query")) return reply({ resultType: "vector", result: instantSums(params.get("query") ?? "", Number(params.get("time")), state.errorRatio) });
      if (url.pathname.endsWith("/api/v1/query_range")) {
        const query = params.get("query") ?? "";
        const start = Number(params.get("start"));
        const end = Number(params.get("end"));
        const step = Number(params.get("step"));
        if (!query.includes("tile5m") || !query.includes(`sla_namespace="shop"`)) return reply({ resultType: "matrix", result: [] });
        const errors = query.includes("sli_errors");
        const values: [number, string][] = [];
        for (let t = start; t <= end; t += step) values.push([t, String(errors ? 10 * state.errorRatio : 10)]);
        return reply({
          resultType: "matrix",
          result: [{ metric: { __name__: errors ? "sla:sli_errors:tile5m" : "sla:sli_events:tile5m", sla_namespace: "shop", sla: "checkout", objective: "availability", service: "checkout" }, values }],
        });
      }
      res.statusCode = 404;
      res.end("not found");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get errorRatio() { return state.errorRatio; },
    set errorRatio(v: number) { state.errorRatio = v; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The instant queries of the measurement over constant tiles: each ` or `-joined part is
 * label_replace(sum_over_time|count_over_time|last_over_time(tile{...}[range]), "sla_sum", KIND, ...).
 */
function instantSums(query: string, _time: number, errorRatio: number): unknown[] {
  const labels = { sla_namespace: "shop", sla: "checkout", objective: "availability", service: "checkout" };
  const out: unknown[] = [];
  for (const part of query.split(" or ")) {
    const m = /label_replace\((sum_over_time|count_over_time|last_over_time)\(sla:sli_(errors|events):tile5m\{([^}]*)\}\[(\d+)(ms|m)\]\), "sla_sum", "(\w+)"/.exec(part);
    if (!m || !(m[3] ?? "").includes('"shop"') || !/checkout|sla_namespace="shop"}/.test(m[3] ?? "")) continue;
    const rate = m[2] === "errors" ? 10 * errorRatio : 10;
    const rangeMs = m[5] === "ms" ? Number(m[4]) + 1 : Number(m[4]) * 60_000;
    const tiles = Math.round(rangeMs / 300_000);
    const value = m[1] === "sum_over_time" ? rate * tiles : m[1] === "count_over_time" ? tiles : rate;
    out.push({ metric: { ...labels, sla_sum: m[6] }, value: [_time, String(value)] });
  }
  return out;
}

function capture(): Io & { out: string; err: string } {
  const io = { out: "", err: "", stdout: (t: string) => { io.out += t; }, stderr: (t: string) => { io.err += t; } };
  return io;
}

/** 20 November 2026 12:00 UTC: two thirds into November. */
const at = "2026-11-20T12:00:00Z";
const fixedNow = Date.parse(at);
const run = async (args: string[], deps: ReportDeps = {}) => {
  const io = capture();
  const code = await reportCommand(args, io, { now: () => fixedNow, ...deps });
  return { code, stdout: io.out, stderr: io.err };
};

let prometheus: FakePrometheus;
let dir: string;
let checkoutFile: string;
beforeAll(async () => {
  prometheus = await fakePrometheus();
  dir = mkdtempSync(join(tmpdir(), "slactl-report-"));
  checkoutFile = join(dir, "checkout.yaml");
  writeFileSync(checkoutFile, checkoutYaml());
});
afterAll(async () => {
  await prometheus.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("slactl report", () => {
  it("prints its help with the flags, formats and exit codes", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toBe(reportHelp);
    for (const text of ["--prometheus URL", "--prometheus-bearer-token-file", "--prometheus-basic-auth-username", "--prometheus-ca-file",
      "--prometheus-insecure-skip-verify", "--period LABEL", "--from TIME", "--to TIME", "--cluster", "--kubeconfig", "--namespace",
      "--format FORMAT", "--out FILE", "Exit codes:"]) expect(stdout).toContain(text);
  });

  it("reports the figures Prometheus recorded as a table", async () => {
    const { code, stdout, stderr } = await run([checkoutFile, "--prometheus", prometheus.url]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // 0.05% errors: attained 99.95%; half the budget's rate for 19.5 of November's 30 days: 32.5% spent.
    expect(stdout).toBe([
      "SLA            PERIOD   OBJECTIVE     TARGET  ATTAINED  BUDGET LEFT  STATE      CREDIT",
      "shop/checkout  2026-11  availability  99.9%   99.95%    67.50%       Compliant  0%",
      "",
    ].join("\n"));
  });

  it("reports a past period by its label, as JSON", async () => {
    const { code, stdout } = await run([checkoutFile, "--prometheus", prometheus.url, "--period", "2026-10", "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { generatedAt: string; slas: { period: { label: string; complete: boolean; start: string }; compliance: number; objectives: { errorBudget: { remaining: number } }[] }[] };
    expect(report.generatedAt).toBe("2026-11-20T12:00:00Z");
    expect(report.slas[0]?.period).toMatchObject({ label: "2026-10", complete: true, start: "2026-10-01T00:00:00Z" });
    expect(report.slas[0]?.compliance).toBe(99.95);
    expect(report.slas[0]?.objectives[0]?.errorBudget.remaining).toBe(50);
  });

  it("reports a range given by dates, each at midnight in the SLA's zone", async () => {
    const { code, stdout } = await run([checkoutFile, "--prometheus", prometheus.url, "--from", "2026-11-01", "--to", "2026-11-15", "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { slas: { period: { start: string; end: string; complete: boolean } }[] };
    expect(report.slas[0]?.period).toMatchObject({ start: "2026-11-01T00:00:00Z", end: "2026-11-15T00:00:00Z", complete: true });
  });

  it("writes to --out atomically, the format following the file's extension", async () => {
    const out = join(dir, "report.html");
    const { code, stdout, stderr } = await run([checkoutFile, "--prometheus", prometheus.url, "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe(`wrote the report on 1 SLA to ${out}\n`);
    expect(readFileSync(out, "utf8")).toMatch(/^<!DOCTYPE html>/);
    const md = join(dir, "report.md");
    expect((await run([checkoutFile, "--prometheus", prometheus.url, "--out", md])).code).toBe(0);
    expect(readFileSync(md, "utf8")).toMatch(/^# Service level report/);
    const forced = join(dir, "report.txt");
    expect((await run([checkoutFile, "--prometheus", prometheus.url, "--out", forced, "--format", "json"])).code).toBe(0);
    expect(JSON.parse(readFileSync(forced, "utf8"))).toHaveProperty("kind", "ServiceLevelReport");
  });

  it("sends the bearer token from its file", async () => {
    const token = join(dir, "token");
    writeFileSync(token, "s3cret\n");
    const before = prometheus.requests.length;
    expect((await run([checkoutFile, "--prometheus", prometheus.url, "--prometheus-bearer-token-file", token])).code).toBe(0);
    const sent = prometheus.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.authorization === "Bearer s3cret")).toBe(true);
  });

  it("prints progress on stderr when querying takes longer than the delay", async () => {
    const { code, stderr } = await run([checkoutFile, "--prometheus", prometheus.url], { progressDelayMs: 0 });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^querying Prometheus for 1 SLA… \d+\.\ds\n$/);
  });

  it("exits 1 with a clear message when Prometheus cannot be reached", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { code, stdout, stderr } = await run([checkoutFile, "--prometheus", `http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^slactl report: cannot reach Prometheus at http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
  }, 20_000);

  it("exits 1 and prints the issues when an SLA file is invalid, without querying Prometheus", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, checkoutYaml("broken").replace("target: 99.9", "target: 120"));
    const before = prometheus.requests.length;
    const { code, stdout, stderr } = await run([bad, "--prometheus", prometheus.url]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: `, "m"));
    expect(stderr).toContain("slactl report: 1 file invalid");
    expect(prometheus.requests.length).toBe(before);
  });

  it.each([
    [["--prometheus", "http://p"], /give at least one PATH/],
    [["x.yaml"], /--prometheus URL is required/],
    [["x.yaml", "--cluster", "--prometheus", "http://p"], /either PATH\.\.\. or --cluster/],
    [["x.yaml", "--namespace", "shop", "--prometheus", "http://p"], /--kubeconfig and --namespace go with --cluster/],
    [["x.yaml", "--prometheus", "ftp://p"], /--prometheus: expected an http or https URL/],
    [["x.yaml", "--prometheus", "http://p", "--format", "pdf"], /unknown format "pdf": expected one of table, markdown, json, html/],
    [["x.yaml", "--prometheus", "http://p", "--period", "2026-13"], /--period: expected a month \(2026-10\)/],
    [["x.yaml", "--prometheus", "http://p", "--period", "2026-10", "--from", "2026-10-01"], /either --period or --from\/--to/],
    [["x.yaml", "--prometheus", "http://p", "--to", "2026-10-01"], /--to needs --from/],
    [["x.yaml", "--prometheus", "http://p", "--from", "yesterday"], /--from: expected a date \(2026-10-01\) or an RFC 3339 time/],
    [["x.yaml", "--prometheus", "http://p", "--from", "2026-02-30"], /--from: "2026-02-30" is not a date/],
    [["x.yaml", "--prometheus", "http://p", "--at", "2026-10-01"], /--at: expected an RFC 3339 time/],
    [["x.yaml", "--prometheus", "http://p", "--prometheus-basic-auth-username", "u"], /go together/],
    [["x.yaml", "--prometheus", "http://p", "--prometheus-bearer-token-file", "/nonexistent/token"], /--prometheus-bearer-token-file: cannot read \/nonexistent\/token/],
    [["x.yaml", "--prometheus", "http://p", "--bogus"], /Unknown option '--bogus'/],
  ])("exits 2 on a usage error: %j", async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Run 'slactl report --help' for usage.");
  });

  it("exits 2 for a period that has not started or a range that ends after now", async () => {
    expect((await run([checkoutFile, "--prometheus", prometheus.url, "--period", "2026-12"])).stderr).toMatch(/--period 2026-12 has not started yet/);
    expect((await run([checkoutFile, "--prometheus", prometheus.url, "--from", "2026-11-01", "--to", "2026-12-01"])).stderr).toMatch(/--to is later than the time of the report/);
    expect((await run([checkoutFile, "--prometheus", prometheus.url, "--from", "2026-11-10", "--to", "2026-11-01"])).code).toBe(2);
  });
});

describe("slactl report --cluster", () => {
  const sla = (name: string, namespace: string, target = 99.9) => ({
    metadata: { name, namespace, uid: `uid-${name}`, resourceVersion: "7", generation: 2, creationTimestamp: "2026-11-01T00:00:00Z", managedFields: [{}] },
    spec: {
      service: name, owner: "team", period: { calendar: "month", timeZone: "UTC" },
      objectives: [{ name: "availability", target, indicator: { ratio: { errors: 'sum(rate(e{job="x"}[{{window}}]))', total: 'sum(rate(t{job="x"}[{{window}}]))' } } }],
    },
    status: { state: "Compliant" },
  });

  /** A cluster that pages its list, two items per page. */
  const fakeCluster = (items: unknown[], calls: string[], fail?: Error): KubeApi => ({
    request: async <T>(method: string, path: string, options?: { query?: Record<string, unknown> }) => {
      calls.push(`${method} ${path} continue=${String(options?.query?.["continue"] ?? "")}`);
      if (fail) throw fail;
      const from = Number(options?.query?.["continue"] ?? 0);
      const page = items.slice(from, from + 2);
      return { metadata: { resourceVersion: "9", ...(from + 2 < items.length ? { continue: String(from + 2) } : {}) }, items: page } as T;
    },
    watch: async () => undefined,
  });

  it("lists the SLAs of the cluster page by page and skips invalid ones with a warning", async () => {
    const calls: string[] = [];
    const items = [sla("checkout", "shop"), sla("cart", "shop"), sla("broken", "shop", 120)];
    const { code, stdout, stderr } = await run(["--cluster", "--prometheus", prometheus.url], { kubeApi: () => fakeCluster(items, calls) });
    expect(code).toBe(0);
    expect(calls).toEqual([
      "GET /apis/servicelevel.dev/v1alpha1/servicelevelagreements continue=",
      "GET /apis/servicelevel.dev/v1alpha1/servicelevelagreements continue=2",
    ]);
    expect(stderr).toContain("slactl report: skipping ServiceLevelAgreement shop/broken: it is invalid");
    // shop/cart records nothing: the report says so, and shows no data rather than 100%.
    expect(stderr).toContain("shop/cart: no recorded series");
    expect(stdout).toContain("shop/cart      2026-11  availability  99.9%   no data");
    expect(stdout).toContain("shop/checkout  2026-11  availability  99.9%   99.95%");
  });

  it("lists one namespace at a time with --namespace", async () => {
    const calls: string[] = [];
    await run(["--cluster", "--namespace", "shop", "--namespace", "web", "--prometheus", prometheus.url], { kubeApi: () => fakeCluster([], calls) });
    expect(calls).toEqual([
      "GET /apis/servicelevel.dev/v1alpha1/namespaces/shop/servicelevelagreements continue=",
      "GET /apis/servicelevel.dev/v1alpha1/namespaces/web/servicelevelagreements continue=",
    ]);
  });

  it("exits 1 and says the CRD is missing when the cluster does not serve SLAs", async () => {
    const missing = new KubeApiError("GET", "/apis/servicelevel.dev/v1alpha1/servicelevelagreements", 404, undefined);
    const { code, stderr } = await run(["--cluster", "--prometheus", prometheus.url], { kubeApi: () => fakeCluster([], [], missing) });
    expect(code).toBe(1);
    expect(stderr).toBe("slactl report: cannot list ServiceLevelAgreements in the cluster: the API server does not serve servicelevel.dev/v1alpha1 (is the CRD installed?)\n");
  });
});

describe("time arguments", () => {
  it("take RFC 3339 with an offset, or a date where a date is allowed", () => {
    expect(parseTimeArgument("from", "2026-10-01T00:00:00+02:00", true)).toEqual({ kind: "instant", ms: Date.UTC(2026, 8, 30, 22) });
    expect(parseTimeArgument("from", "2026-10-01", true)).toEqual({ kind: "date", year: 2026, month: 10, day: 1 });
    expect(() => parseTimeArgument("at", "2026-10-01T00:00:00", false)).toThrow(/RFC 3339 time with an offset/);
  });
});
