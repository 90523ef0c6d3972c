import { describe, expect, it } from "vitest";
import { validateDocument } from "./index.js";
import { formatPath } from "./issues.js";
import type { BurnRateTable, ServiceLevelAgreement } from "../api/v1alpha1/types.js";

const tables = new Map<string, BurnRateTable>([["google-sre", {
  name: "google-sre", period: "30d",
  tiers: [
    { severity: "page", budgetPercent: 2, longWindow: "1h", shortWindow: "5m" },
    { severity: "ticket", budgetPercent: 10, longWindow: "3d", shortWindow: "6h" },
  ],
}]]);

const objective = (overrides: Record<string, unknown> = {}) => ({
  name: "availability",
  target: 99.9,
  indicator: { ratio: { errors: "sum(rate(e_total[{{window}}]))", total: "sum(rate(t_total[{{window}}]))" } },
  ...overrides,
});

function doc(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: "checkout", namespace: "shop" }) {
  return { apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata, spec: { service: "checkout", owner: "me", objectives: [objective()], ...spec } };
}

function problems(document: unknown, peers?: Map<string, ServiceLevelAgreement>) {
  const result = validateDocument(document, { burnRateTables: tables, ...(peers ? { peers } : {}) });
  return result.ok ? result.warnings.map((i) => `${formatPath(i.path)}: ${i.message}`) : result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe("schema errors", () => {
  it("say where, what was expected and what was found", () => {
    expect(problems(doc({ objectives: [objective({ target: 100.5 })] }))).toEqual(["spec.objectives[0].target: expected a number below 100, found 100.5"]);
    expect(problems(doc({ objectives: [objective({ target: "99.9" })] }))).toEqual(['spec.objectives[0].target: expected number, found "99.9"']);
    expect(problems(doc({ objectivs: [] }))).toContain('spec.objectivs: unknown field "objectivs"; did you mean "objectives"?');
    expect(problems(doc({ objectives: [] }))).toEqual(["spec.objectives: expected at least 1 item(s), found a list of 0"]);
    expect(problems(doc({ period: { calendar: "year" } }))).toEqual(['spec.period.calendar: expected one of "week", "month", "quarter", found "year"']);
  });

  it("suggest the known field an unknown one most likely meant, at any depth", () => {
    expect(problems(doc({ maintenence: [] }))).toEqual(['spec.maintenence: unknown field "maintenence"; did you mean "maintenance"?']);
    expect(problems(doc({ objectives: [objective({ taget: 99 })] }))).toContain('spec.objectives[0].taget: unknown field "taget"; did you mean "target"?');
    expect(problems(doc({ alerting: { Page: { disabled: true } } }))).toEqual(['spec.alerting.Page: unknown field "Page"; did you mean "page"?']);
    const latency = { histogram: "h_seconds", threshold: "300ms", threshhold: "300ms" };
    expect(problems(doc({ objectives: [objective({ indicator: { latency } })] })))
      .toEqual(['spec.objectives[0].indicator.latency.threshhold: unknown field "threshhold"; did you mean "threshold"?']);
    // Nothing near enough: the known fields instead of a wild guess.
    expect(problems(doc({ period: { calendar: "month", zone: "UTC" } })))
      .toEqual(['spec.period.zone: unknown field "zone"; expected one of calendar, rolling, timeZone']);
  });

  it("reject a document that is not an SLA", () => {
    expect(problems({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } })).toEqual(['kind: expected kind ServiceLevelAgreement, found "ConfigMap"']);
    expect(problems({ apiVersion: "servicelevel.dev/v1", kind: "ServiceLevelAgreement" })).toEqual(['apiVersion: expected apiVersion servicelevel.dev/v1alpha1, found "servicelevel.dev/v1"']);
    expect(problems(null)).toEqual([": expected a ServiceLevelAgreement object, found null"]);
  });
});

describe("semantic errors", () => {
  it("reports PromQL that does not parse at the query's path", () => {
    const bad = objective({ indicator: { ratio: { errors: "sum(rate(e_total[{{window}}])", total: "sum(rate(t_total[{{window}}]))" } } });
    expect(problems(doc({ objectives: [bad] }))[0]).toMatch(/^spec\.objectives\[0\]\.indicator\.ratio\.errors: (unexpected end of query|syntax error)/);
  });

  it("requires {{window}} in ratio queries", () => {
    const bad = objective({ indicator: { ratio: { errors: "sum(rate(e_total[5m]))", total: "sum(rate(t_total[{{window}}]))" } } });
    expect(problems(doc({ objectives: [bad] }))).toEqual(["spec.objectives[0].indicator.ratio.errors: the query has no {{window}}: write the range as [{{window}}], e.g. rate(x[{{window}}])"]);
  });

  it("rejects a target written as a ratio and suggests the percentage", () => {
    expect(problems(doc({ objectives: [objective({ target: 0.9995 })] }))).toContain(
      "spec.objectives[0].target: expected a percentage such as 99.9, found 0.9995, which looks like a ratio (it would promise 0.9995% of events good); write 99.95 for 99.95%");
    expect(validateDocument(doc({ objectives: [objective({ target: 0.999 })] }), { burnRateTables: tables })).toMatchObject({
      ok: false, issues: expect.arrayContaining([expect.objectContaining({ code: "target-looks-like-ratio", severity: "error" })]),
    });
    // 1% and above are percentages, however low.
    expect(validateDocument(doc({ objectives: [objective({ target: 1 })] }), { burnRateTables: tables }).ok).toBe(true);
  });

  it("warns, with the nearest known name, about a dependency on an SLA that is not among the peers", () => {
    const payments = doc({}, { name: "payments", namespace: "shop" }) as unknown as ServiceLevelAgreement;
    const gateway = doc({}, { name: "gateway", namespace: "vendors" }) as unknown as ServiceLevelAgreement;
    const peers = new Map([["shop/payments", payments], ["vendors/gateway", gateway]]);
    const dependent = doc({ dependencies: [{ name: "paymnets" }, { name: "gateway", namespace: "vendor" }, { name: "ledger" }, { name: "payments" }] });
    const result = validateDocument(dependent, { burnRateTables: tables, peers });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.filter((w) => w.code === "dependency-not-found").map((i) => `${formatPath(i.path)}: ${i.message}`)).toEqual([
      'spec.dependencies[0].name: no valid ServiceLevelAgreement shop/paymnets is known, so the targets it supports are not checked; did you mean "shop/payments"?',
      'spec.dependencies[1].name: no valid ServiceLevelAgreement vendor/gateway is known, so the targets it supports are not checked; did you mean "vendors/gateway"?',
      "spec.dependencies[2].name: no valid ServiceLevelAgreement shop/ledger is known, so the targets it supports are not checked",
    ]);
    // Without peers (a document checked on its own through the API) nothing is known either way.
    expect(problems(dependent)).toEqual([]);
  });

  it("rejects duplicate objective names, pointing at the second", () => {
    expect(problems(doc({ objectives: [objective(), objective()] }))).toEqual(['spec.objectives[1].name: objective name "availability" is already used by spec.objectives[0]']);
  });

  it("rejects credit tiers out of order", () => {
    expect(problems(doc({ credits: [{ below: 99, credit: 25 }, { below: 99.9, credit: 10 }] })))
      .toEqual(["spec.credits[1].below: credit tiers must be ordered by falling threshold: 99.9 follows 99"]);
    expect(problems(doc({ credits: [{ below: 99.9, credit: 25 }, { below: 99, credit: 10 }] })))
      .toEqual(["spec.credits[1].credit: a lower threshold must not owe less credit: 10% below 99 but 25% below 99.9"]);
  });

  it("rejects a target its dependencies cannot support when they are in the same input", () => {
    const gateway = doc({ objectives: [objective({ target: 99.5 })] }, { name: "gateway", namespace: "vendors" }) as unknown as ServiceLevelAgreement;
    const peers = new Map([["vendors/gateway", gateway]]);
    const dependent = doc({ dependencies: [{ name: "gateway", namespace: "vendors" }] });
    expect(problems(dependent, peers)).toEqual([
      "spec.objectives[0].target: target 99.9% is more than the dependencies can support: gateway (99.5%) allow at most 99.5%; " +
      "lower the target, or, if the service copes with a weaker dependency (retries, a fallback), say how in spec.dependencies[0].weakerBecause",
    ]);
    expect(problems(dependent)).toEqual([]);
  });

  it("accepts a dependency weaker than the target when weakerBecause says why, and counts the others", () => {
    const gateway = doc({ objectives: [objective({ target: 99.5 })] }, { name: "gateway", namespace: "vendors" }) as unknown as ServiceLevelAgreement;
    const ledger = doc({ objectives: [objective({ target: 99.95 })] }, { name: "ledger", namespace: "shop" }) as unknown as ServiceLevelAgreement;
    const peers = new Map([["vendors/gateway", gateway], ["shop/ledger", ledger]]);
    const explained = { name: "gateway", namespace: "vendors", weakerBecause: "retries with fallback to the secondary provider" };
    expect(problems(doc({ dependencies: [explained] }), peers)).toEqual([]);
    // The explained dependency is left out of the product; the serial one still caps the target.
    expect(problems(doc({ dependencies: [explained, { name: "ledger" }], objectives: [objective({ target: 99.99 })] }), peers)).toEqual([
      "spec.objectives[0].target: target 99.99% is more than the dependencies can support: ledger (99.95%) allow at most 99.95%; " +
      "lower the target, or, if the service copes with a weaker dependency (retries, a fallback), say how in spec.dependencies[1].weakerBecause",
    ]);
    expect(problems(doc({ dependencies: [{ ...explained, weakerBecause: "" }] }), peers)).toEqual([
      'spec.dependencies[0].weakerBecause: expected a non-empty text, found ""',
    ]);
  });

  it("rejects both rolling and calendar periods, bad time zones and bad cron", () => {
    expect(problems(doc({ period: { rolling: "30d", calendar: "month" } }))).toEqual(["spec.period: give rolling or calendar, not both"]);
    expect(problems(doc({ period: { calendar: "month", timeZone: "Mars/Olympus" } }))).toEqual(['spec.period.timeZone: expected an IANA time zone such as Europe/Berlin, found "Mars/Olympus"']);
    expect(problems(doc({ maintenance: [{ schedule: "0 2 * *", duration: "2h" }] }))).toEqual(["spec.maintenance[0].schedule: a cron schedule has 5 fields (minute hour day month weekday), found 4"]);
    expect(problems(doc({ maintenance: [{ start: "2026-12-26T00:00:00Z", end: "2026-12-24T00:00:00Z" }] }))).toEqual(["spec.maintenance[0].end: end (2026-12-24T00:00:00Z) must be after start (2026-12-26T00:00:00Z)"]);
  });

  it("rejects labels the compiler owns and unknown dashboard filters", () => {
    expect(problems(doc({ labels: { sla: "x" } }))).toEqual(['spec.labels.sla: label "sla" is set by the compiler on every rule; choose another name']);
    expect(problems(doc({ labels: { region: "eu" }, dashboard: { filters: ["zone"] } }))).toEqual(['spec.dashboard.filters[0]: dashboard filter "zone" is not a key of spec.labels (region)']);
  });

  it("rejects an unknown burn-rate table by name", () => {
    expect(problems(doc({ alerting: { burnRates: "nope" } }))).toEqual(['spec.alerting.burnRates: no burn-rate table named "nope"; known: google-sre']);
  });

  it("rejects a table whose tiers measure over more than the period, as their factors fall below 1", () => {
    const result = validateDocument(doc({ period: { rolling: "1d" } }), { burnRateTables: tables });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => `${i.severity} ${i.code}`)).toContain("warning window-exceeds-period");
    expect(!result.ok && result.issues.map((i) => `${i.severity} ${i.code}`)).toContain("error tier-factor-too-low");
  });

  it("warns, without failing, when a tier can never fire", () => {
    const result = validateDocument(doc({ objectives: [objective({ target: 90 })] }), { burnRateTables: tables });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(["tier-never-fires"]);
  });
});

describe("PromQL that Prometheus would refuse", () => {
  const withErrors = (errors: string) => doc({ objectives: [objective({ indicator: { ratio: { errors, total: "sum(rate(t_total[{{window}}]))" } } })] });
  const at = "spec.objectives[0].indicator.ratio.errors";

  it("is refused at the query's path with what was expected and what was found", () => {
    expect(problems(withErrors('sum(rate(e_total[{{window}}])) + "a"'))).toEqual([
      `${at}: the right operand of + must be a scalar or an instant vector, found a string, near "\\"a\\""`,
    ]);
    expect(problems(withErrors("sum(rate(e_total[{{window}}])) + rate(up)"))).toEqual([
      `${at}: argument 1 of rate must be a range vector, found an instant vector, near "up)"`,
    ]);
    expect(problems(withErrors("rate(sum(e_total)[{{window}}])"))[0]).toMatch(/^spec\.objectives\[0\]\.indicator\.ratio\.errors: ranges are only allowed on vector selectors, found the aggregation sum/);
    expect(problems(withErrors("scalar(sum(rate(e_total[{{window}}])))"))).toEqual([
      `${at}: expected an expression of type instant vector, found a scalar, near "scalar(sum(rate(e_total[{{window}}])))"`,
    ]);
    expect(problems(withErrors("topk(e_total, rate(e_total[{{window}}]))"))[0]).toContain("the parameter of topk must be a scalar, found an instant vector");
    expect(problems(withErrors("sum(rate(e_total[5m]))[{{window}}:1m]"))[0]).toContain("expected an expression of type instant vector, found a range vector");
    expect(problems(withErrors("max_over_time(sum(rate(e_total[5m]))[{{window}}:1m])"))).toEqual([]);
  });

  it("includes regexes RE2 refuses and selectors that match everything", () => {
    expect(problems(withErrors('sum(rate(e_total{code=~"("}[{{window}}]))'))[0]).toContain('invalid regular expression in code=~: missing closing ): `(`');
    expect(problems(withErrors('sum(rate(e_total{code=~"5(?=0)"}[{{window}}]))'))[0]).toContain("invalid or unsupported Perl syntax: `(?=`");
    expect(problems(withErrors('sum(rate({job!="x"}[{{window}}]))'))[0]).toContain('expected a selector with a metric name or a matcher that does not match the empty string, found {job!="x"}');
    expect(problems(withErrors("sum(rate({}[{{window}}]))"))[0]).toContain("found {}");
  });

  it("keeps a trailing # comment from swallowing the rest of the generated rule", async () => {
    const { compile } = await import("./index.js");
    const result = compile(withErrors("sum(rate(e_total[{{window}}])) # five hundreds"), { burnRateTables: tables });
    expect(result.ok).toBe(true);
    const rules = result.ok ? result.value.files["rules.yaml"] ?? "" : "";
    expect(rules).not.toContain("five hundreds");
    // Errors count as zero only where there are events (the rule reads the events recorded just before it).
    expect(rules).toContain('expr: (sum(rate(e_total[5m]))) or on() (sla:sli_events:rate5m{objective="availability", sla="checkout", sla_namespace="shop"} * 0)\n');
  });
});

describe("Go templates", () => {
  it("are refused in label values, which are data", () => {
    expect(problems(doc({ labels: { team: "pay{{ $value }}" } }))).toEqual([
      'spec.labels.team: label values are copied as data, so they may not contain {{ (Prometheus would run it as a template in alert labels), found "pay{{ $value }}"; put templates in annotations',
    ]);
    expect(problems(doc({ alerting: { page: { labels: { route: "{{" } } } }))[0]).toMatch(/^spec\.alerting\.page\.labels\.route: label values are copied as data/);
  });

  it("in annotations must parse as Prometheus parses them, reported at the annotation", () => {
    expect(problems(doc({ alerting: { annotations: { summary: "ratio {{ $value" } } }))).toEqual([
      'spec.alerting.annotations.summary: expected a Go template Prometheus can parse: unclosed action: add }}, at "{{ $value"',
    ]);
    expect(problems(doc({ alerting: { ticket: { annotations: { runbook: "{{ if $value }}high" } } } }))).toEqual([
      'spec.alerting.ticket.annotations.runbook: expected a Go template Prometheus can parse: {{if}} is never closed with {{end}}, at "{{ if $value }}high"',
    ]);
    expect(problems(doc({ alerting: { annotations: { summary: "{{ $undefined }}" } } }))[0]).toContain('undefined variable "$undefined"');
    expect(problems(doc({ alerting: { annotations: { summary: "{{ $value | humanizePercentage }} of {{ $labels.objective }}" } } }))).toEqual([]);
  });
});

describe("annotations outside the burn-rate alerts", () => {
  it("are checked like the others: names, string values and templates", () => {
    expect(problems(doc({ alerting: { annotations: { "run-book": "x" } } }))).toEqual(['spec.alerting.annotations.run-book: annotation name "run-book" must match [a-zA-Z_][a-zA-Z0-9_]*']);
    expect(problems(doc({ alerting: { noData: { annotations: { summary: "{{ $value" } } } }))[0]).toMatch(/^spec\.alerting\.noData\.annotations\.summary: expected a Go template/);
    expect(problems(doc({ objectives: [objective({ alerting: { exhausted: { annotations: { summary: "{{ end }}" } } } })] }))[0])
      .toMatch(/^spec\.objectives\[0\]\.alerting\.exhausted\.annotations\.summary: expected a Go template/);
  });
});

describe("duration bounds and silent alerting", () => {
  const tier = (longWindow: string, shortWindow: string) => ({ alerting: { burnRateTiers: [{ severity: "page", budgetPercent: 2, longWindow, shortWindow }] } });

  it("refuse a zero burn-rate window instead of compiling no alert", () => {
    expect(problems(doc(tier("0s", "5m")))).toEqual([
      'spec.alerting.burnRateTiers[0].longWindow: expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m), found "0s"',
    ]);
  });

  it("refuse windows and maintenance longer than the period", () => {
    expect(problems(doc({ period: { rolling: "7d" }, ...tier("8d", "1h") }))).toEqual([
      "spec.alerting.burnRateTiers[0].longWindow: expected at most the SLA's period (7d), found 8d",
    ]);
    expect(problems(doc({ period: { rolling: "1d" }, alerting: { burnRates: "google-sre" } }))).toEqual([
      "spec.alerting.burnRates: the ticket tier 2 of google-sre measures over 3d, longer than the 1d period; name a table made for this period, or give burnRateTiers",
    ]);
    // A 1h tier suits a 7d period (factor 3.36), so the maintenance duration is the only problem.
    expect(problems(doc({ period: { rolling: "7d" }, ...tier("1h", "5m"), maintenance: [{ schedule: "0 2 * * SUN", duration: "20000y" }] }))[0])
      .toBe('spec.maintenance[0].duration: expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m), found "20000y"');
    expect(problems(doc({ period: { rolling: "7d" }, ...tier("1h", "5m"), maintenance: [{ schedule: "0 2 * * SUN", duration: "8d" }] })))
      .toEqual(["spec.maintenance[0].duration: expected at most the SLA's period (7d), found 8d"]);
  });

  it("refuse periods and review intervals that overflow", () => {
    expect(problems(doc({ period: { rolling: "300y" } }))[0]).toMatch(/^spec\.period\.rolling: expected a duration from 1h to 400d .*found "300y"$/);
    expect(problems(doc({ review: { every: "300000y" } }))[0]).toMatch(/^spec\.review\.every: expected a duration from 1d to 10y \(units y, w, d, h, m, s, ms, largest first, as in 1h30m\)/);
  });

  it("name the range and the units, never a regex, for every duration field the syntax refuses", () => {
    const latency = (threshold: string) => objective({ indicator: { latency: { histogram: "h_seconds", threshold } } });
    const fields: [string, (text: string) => Record<string, unknown>, string][] = [
      ["spec.period.rolling", (t) => ({ period: { rolling: t } }), "1h to 400d"],
      ["spec.alerting.burnRateTiers[0].longWindow", (t) => tier(t, "5m"), "1m to 400d"],
      ["spec.alerting.burnRateTiers[0].shortWindow", (t) => tier("1h", t), "1m to 400d"],
      ["spec.alerting.noData.for", (t) => ({ alerting: { noData: { for: t } } }), "1m to 7d"],
      ["spec.maintenance[0].duration", (t) => ({ maintenance: [{ schedule: "0 2 * * SUN", duration: t }] }), "1m to 400d"],
      ["spec.objectives[0].indicator.latency.threshold", (t) => ({ objectives: [latency(t)] }), "1ms to 1d"],
      ["spec.review.every", (t) => ({ review: { every: t } }), "1d to 10y"],
    ];
    for (const [path, spec, range] of fields) {
      for (const text of ["5 minutes", "1.5h", "30m1h", "5", "1234567890123456789012345678901234d"]) {
        const found = problems(doc(spec(text))).filter((p) => p.startsWith(`${path}:`));
        expect(found, `${path} = ${text}`).toEqual([
          `${path}: expected a duration from ${range} (units y, w, d, h, m, s, ms, largest first, as in 1h30m), found ${JSON.stringify(text.length > 60 ? text.slice(0, 57) : text)}`,
        ]);
      }
    }
  });
});

describe("labels that would override the alerts' own", () => {
  it("are refused on every rule, and allowed where they belong", () => {
    expect(problems(doc({ labels: { severity: "info" } }))).toEqual([
      'spec.labels.severity: label "severity" is set per alert route and would override it on every alert; set it in spec.alerting.page.labels or spec.alerting.ticket.labels',
    ]);
    expect(problems(doc({ labels: { alertname: "x", le: "1" } }))).toEqual([
      'spec.labels.alertname: label "alertname" is set by Prometheus (on every alert); choose another name',
      'spec.labels.le: label "le" is set by Prometheus (histogram buckets); choose another name',
    ]);
    expect(problems(doc({ alerting: { labels: { severity: "x" }, page: { labels: { long_window: "1h" } } } }))).toEqual([
      'spec.alerting.labels.severity: label "severity" is set per alert route and would override it on every alert; set it in spec.alerting.page.labels or spec.alerting.ticket.labels',
      'spec.alerting.page.labels.long_window: label "long_window" is set by the compiler on every rule; choose another name',
    ]);
    expect(problems(doc({ alerting: { page: { labels: { severity: "critical" } } } }))).toEqual([]);
  });
});

describe("dependencies", () => {
  const sla = (name: string, dependsOn: string[]) =>
    doc({ dependencies: dependsOn.map((d) => ({ name: d })), objectives: [objective({ target: 99 })] }, { name, namespace: "shop" }) as unknown as ServiceLevelAgreement;

  it("may not include the SLA itself", () => {
    expect(problems(sla("checkout", ["checkout"]))).toEqual(["spec.dependencies[0]: shop/checkout depends on itself; remove this dependency"]);
  });

  it("may not form a cycle through other SLAs", () => {
    const peers = new Map([["shop/checkout", sla("checkout", ["payments"])], ["shop/payments", sla("payments", ["ledger"])], ["shop/ledger", sla("ledger", ["checkout"])]]);
    expect(problems(peers.get("shop/checkout"), peers)).toEqual([
      "spec.dependencies[0]: dependency cycle: shop/checkout -> shop/payments -> shop/ledger -> shop/checkout; an SLA cannot rely on what relies on it",
    ]);
    const acyclic = new Map([["shop/checkout", sla("checkout", ["payments"])], ["shop/payments", sla("payments", [])]]);
    expect(problems(acyclic.get("shop/checkout"), acyclic)).toEqual([]);
  });
});

describe("maintenance schedules", () => {
  it("warn when they can never fire", () => {
    for (const schedule of ["0 0 30 2 *", "0 0 31 4 *", "0 0 31 2,4,6,9,11 *"]) {
      expect(problems(doc({ maintenance: [{ schedule, duration: "1h" }] })), schedule).toEqual([
        `spec.maintenance[0].schedule: the schedule ${JSON.stringify(schedule)} never fires: no month it names has the days of month it names`,
      ]);
    }
    for (const schedule of ["0 0 29 2 *", "0 0 31 * *", "0 0 30 2 MON", "0 2 * * SUN"]) {
      expect(problems(doc({ maintenance: [{ schedule, duration: "1h" }] })), schedule).toEqual([]);
    }
  });
});
