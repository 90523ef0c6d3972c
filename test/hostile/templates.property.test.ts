// Property: label values and annotation templates built from hostile Go-template fragments are
// refused at their field, or the compiled alerts load in the real promtool, which parses every
// alert label and annotation as a template. Label values must never be run as templates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileHostile, hostileSla, promtoolRefusals, type Outcome } from "./support.js";

const wellFormed = fc.constantFrom(
  "plain", " ", "}}", "{{ $value }}", "{{ $labels.objective }}", "{{ .Labels.sla }}", "{{ humanizePercentage $value }}", "{{ $value | humanize }}",
  "{{ if gt $value 1.0 }}big{{ else }}small{{ end }}", "{{ range $i, $v := $labels }}{{ $v }}{{ end }}", '{{ "}}" }}', "{{/* note */}}", "{{- $value -}}",
  "{{ `raw` }}", "{{ (len $labels) }}", '{{ printf "%.2f" $value }}', "{{ $x := 1 }}{{ $x }}", '{{ toUpper "a" }}', "$", "%s", "\\n", "'", '"', "`", "<script>",
);
const broken = fc.constantFrom(
  "{{", "{{ if gt $value 1.0 }}", "{{ else }}", "{{ end }}", "{{ range $i, $v := $labels }}", "{{ $v }}", "{{ $undefined }}", "{{ nosuchfunction }}",
  '{{ "open', "{{ with $labels.x }}", "{{ else with 1 }}", "{{ break }}", "{{}}", "{{ .", "{{ now }}", "{{/* open", "{{ ) }}",
);
const text = fc.oneof(
  { weight: 2, arbitrary: fc.array(wellFormed, { minLength: 1, maxLength: 4 }) },
  fc.array(fc.oneof(wellFormed, broken), { minLength: 1, maxLength: 4 }),
).map((parts) => parts.join(""));
const labelValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("payments", "gold tier", "}}", "$value", "a/b") }, text);
const labelKey = fc.constantFrom("team", "tier", "runbook");

describe("hostile templates and label values", () => {
  it("are refused at their field or compile into alerts promtool accepts", { timeout: 120_000 }, async () => {
    const cases: { label: string; outcome: Outcome }[] = [];
    fc.assert(
      fc.property(fc.dictionary(labelKey, labelValue, { maxKeys: 2 }), fc.dictionary(labelKey, labelValue, { maxKeys: 2 }), text, text, (specLabels, alertLabels, summary, pageSummary) => {
        const alerting = { labels: alertLabels, annotations: { summary }, page: { annotations: { summary: pageSummary } } };
        const document = hostileSla({ labels: specLabels, alerting });
        cases.push({ label: JSON.stringify({ specLabels, alerting }), outcome: compileHostile(document) });
      }),
      { numRuns: Number(process.env["HOSTILE_RUNS"] ?? 300), seed: Number(process.env["HOSTILE_SEED"] ?? 20261201) },
    );
    const accepted = cases.filter((c) => "groups" in c.outcome).length;
    expect(accepted).toBeGreaterThan(10);
    expect(cases.length - accepted).toBeGreaterThan(10);
    expect(await promtoolRefusals(cases)).toEqual([]);
  });
});
