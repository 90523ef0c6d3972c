// Prometheus 3 normalises the `le` label of classic histograms on ingestion: a client's le="1"
// is stored as le="1.0" (promtool's OpenMetrics import does the same), while 2.x keeps "1". A
// latency objective with a whole-second threshold must select the bucket on both releases, or its
// figures go missing; the compiled rules get the known bad share from history imported by each
// release's own promtool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { openMetricsText } from "../prometheus/openmetrics.js";
import { prometheusReleases } from "../support/prometheus-releases.js";
import { compileLatencySla, evaluatedExprOf } from "./latency-sla.js";

const minute = 60_000;
const start = Math.floor(Date.now() / minute) * minute - 60 * minute;
/** Per minute: 100 requests, 7 of them slower than 1 s. */
const perMinute = { total: 100, slow: 7 };

function history(): string {
  const samples: [string, Record<string, string>, number, number][] = [];
  for (let k = 0; k <= 30; k++) {
    const t = start + k * minute;
    const total = 1000 + k * perMinute.total;
    const good = 900 + k * (perMinute.total - perMinute.slow);
    samples.push(["http_request_duration_seconds_bucket", { job: "api", le: "1" }, good, t]);
    samples.push(["http_request_duration_seconds_bucket", { job: "api", le: "+Inf" }, total, t]);
    samples.push(["http_request_duration_seconds_count", { job: "api" }, total, t]);
  }
  // As a client library writes it: the family's type first, so the parser knows the _bucket series.
  return `# TYPE http_request_duration_seconds histogram\n${openMetricsText(samples)}`;
}

describe.each(prometheusReleases())("a whole-second latency threshold on $name", (release) => {
  let prom: RunningPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus({ blocksFrom: history(), release });
  }, 1_800_000);
  afterAll(async () => {
    await prom?.stop();
  });

  const query = async (expr: string, t: number) => {
    const params = new URLSearchParams({ query: expr, time: String(t / 1000) });
    const body = (await (await fetch(`${prom.url}/api/v1/query?${params.toString()}`)).json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    return body.data.result;
  };

  it("finds the bucket as the release stored it, and the rules give the known bad share", async () => {
    const t = start + 30 * minute;
    const buckets = await query('http_request_duration_seconds_bucket{le!="+Inf"}', t);
    expect(buckets.map((b) => b.metric["le"])).toEqual([release.major === 3 ? "1.0" : "1"]);
    const ratio = await query(evaluatedExprOf(compileLatencySla({ name: "api", job: "api", threshold: "1s" }), "sla:sli_error:ratio_rate30m"), t);
    expect(Number(ratio[0]?.value[1])).toBeCloseTo(perMinute.slow / perMinute.total, 12);
  });
});
