// Latency thresholds select the histogram buckets a real client exposes: series written by hand
// with the le values Go's and Java's clients print ("0.7", "2.5", "1") are matched by the
// compiled rules under the real promtool, so no objective goes without data through float noise.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { compile } from "../../operator/src/compile/index.js";
import { promtool } from "../support/promtool.js";
import { hostileSla, tables } from "./support.js";

const thresholds = ["700ms", "2500ms", "1s", "100ms", "1300ms"];
const bounds = ["0.1", "0.7", "1", "1.3", "2.5", "+Inf"];

describe("latency thresholds", () => {
  it("match the bucket a client exposes, under promtool", { timeout: 60_000 }, async () => {
    const objectives = thresholds.map((threshold, i) => ({
      name: `latency-${i}`, target: 99, indicator: { latency: { histogram: "http_request_duration_seconds", selector: { job: "api" }, threshold } },
    }));
    const result = compile(hostileSla({}, objectives), { burnRateTables: tables });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const dir = mkdtempSync(join(tmpdir(), "slo-buckets-"));
    try {
      writeFileSync(join(dir, "rules.yaml"), result.value.files["rules.yaml"] as string);
      const series = [
        ...bounds.map((le) => ({ series: `http_request_duration_seconds_bucket{job="api", le="${le}"}`, values: "0+60x30" })),
        { series: 'http_request_duration_seconds_count{job="api"}', values: "0+60x30" },
      ];
      writeFileSync(join(dir, "test.yaml"), stringify({
        rule_files: ["rules.yaml"],
        evaluation_interval: "1m",
        tests: [{
          interval: "1m",
          input_series: series,
          promql_expr_test: [{ expr: "count(sla:sli_error:ratio_rate5m == 0)", eval_time: "20m", exp_samples: [{ labels: "{}", value: thresholds.length }] }],
        }],
      }));
      const run = await promtool(["test", "rules", "test.yaml"], dir);
      expect(run.output).toContain("SUCCESS");
      expect(run.ok, run.output).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
