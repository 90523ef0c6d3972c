// A latency objective over a native histogram (`latency.native: true`) on the real Prometheus 3:
// three hours of traffic go in through its remote-write receiver twice, as a native histogram and
// as the classic _bucket/_count series of the same requests. The compiled rules' SLI expressions,
// queried at whole minutes, give the bad share computed here from the per-minute counts, the same
// for both forms; Prometheus 3 loads the rule file and evaluates it without errors.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompiledSla } from "../../operator/src/compile/index.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { bucketIndex, remoteWrite, type NativeHistogram, type RemoteSeries } from "../prometheus/remote-write.js";
import { prometheus3 } from "../support/prometheus-releases.js";
import { promtool } from "../support/promtool.js";
import { compileLatencySla, evaluatedExprOf, exprOf } from "./latency-sla.js";

const minute = 60_000;
const minutes = 180;
/** After the traffic, the counters stay put for this long: windows without requests. */
const idle = 10;
const start = Math.floor(Date.now() / minute) * minute - (minutes + idle + 1) * minute;
const threshold = 0.25; // a bucket boundary at every schema >= 0 (2^-2)
const schema = 3;

/** Requests in minute k (ending at start + k minutes): a varied total and a varied slow share. */
const traffic = (k: number) => (k > minutes ? { total: 0, slow: 0 } : { total: 600 + 37 * (k % 7), slow: (k * 13) % 29 });

function series(): RemoteSeries[] {
  const labels = { job: "checkout" };
  const fast = bucketIndex(0.2, schema);
  const slow = bucketIndex(0.4, schema);
  expect(fast).toBeLessThanOrEqual(bucketIndex(threshold, schema));
  expect(slow).toBeGreaterThan(bucketIndex(threshold, schema));
  // Counters of a long-running server: rate() does not extrapolate a float counter below zero, so
  // counters starting near 0 would skew the classic figures of windows reaching the start.
  let total = 1_000_000;
  let slowSoFar = 10_000;
  const native: [number, NativeHistogram][] = [];
  const count: [number, number][] = [];
  const good: [number, number][] = [];
  for (let k = 0; k <= minutes + idle; k++) {
    if (k > 0) {
      total += traffic(k).total;
      slowSoFar += traffic(k).slow;
    }
    const t = start + k * minute;
    native.push([t, { count: total, sum: 0.2 * (total - slowSoFar) + 0.4 * slowSoFar, schema, buckets: new Map([[fast, total - slowSoFar], [slow, slowSoFar]]) }]);
    count.push([t, total]);
    good.push([t, total - slowSoFar]);
  }
  return [
    { labels: { __name__: "http_request_duration_seconds", ...labels }, histograms: native },
    { labels: { __name__: "http_request_duration_seconds_count", ...labels }, samples: count },
    { labels: { __name__: "http_request_duration_seconds_bucket", ...labels, le: "0.25" }, samples: good },
    { labels: { __name__: "http_request_duration_seconds_bucket", ...labels, le: "+Inf" }, samples: count },
  ];
}

/**
 * The bad share a window ending at minute k sees on Prometheus 3: its range is open on the left,
 * so a window of w minutes holds the samples of minutes k-w+1 .. k and their increase is the
 * traffic of minutes k-w+2 .. k (rate's extrapolation scales bad and total alike).
 */
function expectedShare(k: number, windowMinutes: number): number {
  let total = 0;
  let slow = 0;
  for (let j = k - windowMinutes + 2; j <= k; j++) {
    total += traffic(j).total;
    slow += traffic(j).slow;
  }
  return slow / total;
}

/**
 * The bad share of a window fed from the recorded 5m rates, as the rule evaluated every minute
 * reads it: the 5m windows ending at minutes k-w+1 .. k, errors and events each summed (their
 * rate extrapolation scales both alike).
 */
function expectedRecordedShare(k: number, windowMinutes: number): number {
  let total = 0;
  let slow = 0;
  for (let i = k - windowMinutes + 1; i <= k; i++) {
    for (let j = i - 5 + 2; j <= i; j++) {
      total += traffic(j).total;
      slow += traffic(j).slow;
    }
  }
  return slow / total;
}

describe("a latency objective over a native histogram, on the real Prometheus 3", () => {
  const native = compileLatencySla({ name: "checkout-native", job: "checkout", threshold: "250ms", native: true });
  const classic = compileLatencySla({ name: "checkout-classic", job: "checkout", threshold: "250ms" });
  let prom: RunningPrometheus;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "slo-native-"));
    prom = await startPrometheus({ release: prometheus3(), extraArgs: ["--web.enable-remote-write-receiver"] });
    await remoteWrite(prom.url, series());
  }, 1_800_000);

  afterAll(async () => {
    await prom?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const instant = async (expr: string, t: number): Promise<number | undefined> => {
    const params = new URLSearchParams({ query: expr, time: String(t / 1000) });
    const body = (await (await fetch(`${prom.url}/api/v1/query?${params.toString()}`)).json()) as { status: string; error?: string; data?: { result: { value: [number, string] }[] } };
    if (body.status !== "success") throw new Error(`${expr}: ${body.error ?? body.status}`);
    const value = body.data?.result[0]?.value[1];
    return value === undefined ? undefined : Number(value);
  };

  it("reads the native histogram with histogram_count and histogram_fraction, and no _bucket series", () => {
    const errors = exprOf(native, "sla:sli_errors:rate5m");
    expect(errors).toContain("histogram_fraction(0, 0.25, sum(rate(http_request_duration_seconds{job=\"checkout\"}[5m])))");
    expect(exprOf(native, "sla:sli_events:rate5m")).toBe("histogram_count(sum(rate(http_request_duration_seconds{job=\"checkout\"}[5m])))");
    expect(native.groups.flatMap((g) => g.rules).some((r) => r.expr.includes("_bucket"))).toBe(false);
  });

  it("gives the bad share of the requests over 5m, 30m and 1h, as the classic histogram does", async () => {
    const checks: [string, number][] = [["5m", 5], ["30m", 30], ["1h", 60]];
    // From minute 65 every 5m rate the 1h window reads has a whole 5m of samples behind it.
    for (const k of [65, 97, 150, minutes]) {
      const t = start + k * minute;
      for (const [window, w] of checks) {
        // 30m and 1h are fed from the recorded 5m rates, read at the rule group's interval.
        const ratio = (c: CompiledSla) => window === "5m"
          ? `(${exprOf(c, "sla:sli_errors:rate5m")}) / (${exprOf(c, "sla:sli_events:rate5m")})`
          : evaluatedExprOf(c, `sla:sli_error:ratio_rate${window}`);
        const expected = window === "5m" ? expectedShare(k, w) : expectedRecordedShare(k, w);
        const fromNative = await instant(ratio(native), t);
        const fromClassic = await instant(ratio(classic), t);
        expect(fromNative, `native ${window} at minute ${k}`).toBeCloseTo(expected, 9);
        expect(fromClassic, `classic ${window} at minute ${k}`).toBeCloseTo(expected, 9);
      }
    }
  });

  it("counts a window without requests as no errors and no events, not as missing data", async () => {
    // histogram_fraction of an empty histogram is NaN; the rule must give 0 as the classic form does.
    const t = start + (minutes + idle) * minute;
    expect(await instant(exprOf(native, "sla:sli_errors:rate5m"), t)).toBe(0);
    expect(await instant(exprOf(native, "sla:sli_events:rate5m"), t)).toBe(0);
    expect(await instant(exprOf(classic, "sla:sli_errors:rate5m"), t)).toBe(0);
  });

  it("passes promtool check rules and Prometheus 3 evaluates every rule without an error", { timeout: 180_000 }, async () => {
    const file = join(dir, "native.rules.yaml");
    writeFileSync(file, native.files["rules.yaml"] as string);
    const checked = await promtool(["check", "rules", file], dir, prometheus3());
    expect(checked.output).toContain(`SUCCESS: ${native.ruleCount} rules found`);
    await prom.setRules([native.files["rules.yaml"] as string]);
    // The groups run every 1m, 5m and 1h from a hashed offset: wait until the 1m group has run.
    const sliGroup = native.groups.find((g) => g.rules.some((r) => "record" in r && r.record === "sla:sli_errors:rate5m"));
    const deadline = Date.now() + 150_000;
    let groups: { name: string; rules: { health: string; name: string; lastError?: string }[] }[] = [];
    while (Date.now() < deadline) {
      const body = (await (await fetch(`${prom.url}/api/v1/rules`)).json()) as { data: { groups: typeof groups } };
      groups = body.data.groups;
      if (groups.find((g) => g.name === sliGroup?.name)?.rules.every((r) => r.health === "ok")) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const rules = groups.flatMap((g) => g.rules);
    expect(rules).toHaveLength(native.ruleCount);
    expect(rules.filter((r) => r.health === "err")).toEqual([]);
    expect(groups.find((g) => g.name === sliGroup?.name)?.rules.map((r) => r.health)).toEqual(sliGroup?.rules.map(() => "ok"));
  });
});
