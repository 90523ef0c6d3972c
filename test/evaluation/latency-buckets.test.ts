// The operator (a child process, as in a pod) against a real kube-apiserver and a real Prometheus
// scraping a classic histogram: a latency threshold between two bucket boundaries is reported in
// the SLA's IndicatorMatchesData condition with the boundaries around it, a threshold on a
// boundary is reported as matching, and fixing the threshold turns the condition True.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "../operator/cluster.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";

const ns = "shop";
const exposition = [
  "# TYPE http_request_duration_seconds histogram",
  ...["0.1", "0.25", "0.5", "1"].map((le, i) => `http_request_duration_seconds_bucket{service="checkout",le="${le}"} ${10 * (i + 1)}`),
  'http_request_duration_seconds_bucket{service="checkout",le="+Inf"} 50',
  'http_request_duration_seconds_sum{service="checkout"} 12.5',
  'http_request_duration_seconds_count{service="checkout"} 50',
  "",
].join("\n");

const latencySla = (threshold: string) => sla("checkout", ns, {
  objectives: [{ name: "fast", target: 99, indicator: { latency: { histogram: "http_request_duration_seconds", selector: { service: "checkout" }, threshold } } }],
});

let cp: ControlPlane;
let prom: RunningPrometheus | undefined;
let target: Server;
let op: OperatorProcess;

beforeAll(async () => {
  target = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(exposition);
  });
  target.listen(0, "127.0.0.1");
  await once(target, "listening");
  const [plane, prometheus] = await Promise.all([
    startControlPlane({ crds: [slaCrdPath] }),
    startPrometheus({ scrapeTargets: [`127.0.0.1:${(target.address() as AddressInfo).port}`] }),
  ]);
  cp = plane;
  prom = prometheus;
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  expect((await kubectlApply(cp, latencySla("300ms"))).code).toBe(0);
  op = new OperatorProcess("operator", [
    "--kubeconfig", cp.kubeconfigPath,
    "--metrics-addr", "127.0.0.1:0",
    "--health-addr", "127.0.0.1:0",
    "--prometheus-url", prom.url,
    "--evaluation-interval", "2s",
    "--prometheus-timeout", "2s",
  ]);
  await op.started();
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await prom?.stop();
  target?.close();
  await cp?.stop();
}, 60_000);

const waitForCondition = async (what: string, check: (c: ReturnType<typeof condition>) => boolean): Promise<Obj> => {
  let last: Obj | undefined;
  await waitFor(what, async () => check(condition(last = await getObject(cp, "sla", "checkout", ns), "IndicatorMatchesData")), 60_000,
    () => `${JSON.stringify(last?.status, null, 2)}\n${op.describe()}`);
  return last as Obj;
};

describe("the operator checking latency thresholds against the live histogram", () => {
  it("reports a threshold that is not a bucket boundary, with the nearest boundaries, and clears it when fixed", { timeout: 180_000 }, async () => {
    const between = await waitForCondition("IndicatorMatchesData=False", (c) => c?.status === "False");
    expect(condition(between, "IndicatorMatchesData")).toMatchObject({
      reason: "ThresholdNotABucket",
      message: expect.stringContaining('objective fast: the threshold 300ms (le="0.3") is not a bucket boundary of ' +
        'http_request_duration_seconds_bucket{service="checkout"} (the nearest are le="0.25" (250ms) and le="0.5" (500ms))'),
    });
    expect(condition(between, "Valid")?.status).toBe("True");

    expect((await kubectlApply(cp, latencySla("250ms"))).code).toBe(0);
    const fixed = await waitForCondition("IndicatorMatchesData=True", (c) => c?.status === "True");
    expect(condition(fixed, "IndicatorMatchesData")).toMatchObject({ reason: "ThresholdsAreBuckets", message: expect.stringContaining('fast 250ms (le="0.25")') });
  });
});
