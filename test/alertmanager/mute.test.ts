// The proof that maintenance reaches Alertmanager: a real Prometheus evaluates the compiled rules
// of three SLAs and an alert a user wrote on their maintenance series, and sends the alerts to a
// real Alertmanager configured from the compiled fragments. The SLA whose cron window (in New
// York or Berlin time) covers now and the one whose fixed window covers now are muted; the one whose window
// ended notifies the webhook receiver. Prometheus' own sla:maintenance:active agrees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { setTimeout as sleep } from "node:timers/promises";
import { compile, type CompiledSla } from "../../operator/src/compile/index.js";
import { toLocal } from "../../operator/src/compile/budget/zone.js";
import { loadTables, slaDocument } from "../support/burn-rate-tables.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { startAlertmanager, startWebhookReceiver, type RunningAlertmanager, type WebhookReceiver } from "./harness.js";

const minute = 60_000;
const now = Math.floor(Date.now() / minute) * minute;
const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

function compiled(name: string, spec: Record<string, unknown>): CompiledSla {
  const result = compile(slaDocument(spec, { name, namespace: "mute" }), { burnRateTables: loadTables(), now });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

// A daily window in New York that started 5 minutes ago and lasts 30. A daily window in the hours
// the clocks change (01:00 to 03:00 there) is refused, as Alertmanager would mute another span on
// those days, so while it is midnight to 04:00 in New York the window is placed in Berlin time
// instead (06:00 to 10:00 there, far from its changes): a zone with daylight saving time either way.
const zone = [0, 1, 2, 3].includes(toLocal(now - 5 * minute, "America/New_York").hour) ? "Europe/Berlin" : "America/New_York";
const local = toLocal(now - 5 * minute, zone);
const slas = [
  compiled("patched", { period: { rolling: "30d", timeZone: zone }, maintenance: [{ schedule: `${local.minute} ${local.hour} * * *`, duration: "30m" }] }),
  compiled("frozen", { maintenance: [{ start: iso(now - 5 * minute), end: iso(now + 25 * minute) }] }),
  compiled("live", { maintenance: [{ start: iso(now - 3 * 60 * minute), end: iso(now - 2 * 60 * minute) }] }),
];

const userRules = `groups:
  - name: user-alerts
    rules:
      - alert: UserAlertOnSlaSeries
        expr: sla:maintenance:active >= 0
        labels: {severity: critical}
`;

let prometheus: RunningPrometheus | undefined;
let alertmanager: RunningAlertmanager | undefined;
let webhook: WebhookReceiver | undefined;

beforeAll(async () => {
  webhook = await startWebhookReceiver();
  const fragments = slas.map((s) => parse(s.files["alertmanager.yaml"] as string) as { time_intervals: object[]; route: { routes: object[] } });
  alertmanager = await startAlertmanager({
    route: {
      receiver: "webhook", group_by: ["alertname", "sla", "sla_namespace"], group_wait: "1s", group_interval: "1s", repeat_interval: "1h",
      routes: fragments.flatMap((f) => f.route.routes.map((r) => ({ ...r, receiver: "webhook" }))),
    },
    receivers: [{ name: "webhook", webhook_configs: [{ url: webhook.url, send_resolved: false }] }],
    time_intervals: fragments.flatMap((f) => f.time_intervals),
  });
  prometheus = await startPrometheus({ rules: [...slas.map((s) => s.files["rules.yaml"] as string), userRules], alertmanagers: [alertmanager.address] });
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await webhook?.close();
});

const notifiedSlas = () => new Set((webhook?.received ?? []).flatMap((n) => n.alerts.map((a) => a.labels["sla"])));

describe("maintenance windows in a real Prometheus and Alertmanager", () => {
  it("mark the SLAs inside a window active in Prometheus, in the window's time zone", { timeout: 120_000 }, async () => {
    let values: Record<string, string> = {};
    // Each SLA's group runs every minute, at an offset Prometheus picks within that minute: wait for all three.
    for (const deadline = Date.now() + 90_000; Date.now() < deadline && Object.keys(values).length < 3;) {
      const response = await fetch(`${prometheus?.url}/api/v1/query?query=${encodeURIComponent('sla:maintenance:active{sla_namespace="mute"}')}`);
      const body = await response.json() as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      values = Object.fromEntries(body.data.result.map((r) => [r.metric["sla"] as string, r.value[1]]));
      if (Object.keys(values).length < 3) await sleep(300);
    }
    expect(values).toEqual({ frozen: "1", live: "0", patched: "1" });
  });

  it("notify for the SLA whose window ended and mute the two inside a window, though Alertmanager holds their alerts", { timeout: 90_000 }, async () => {
    for (let i = 0; i < 120 && !notifiedSlas().has("live"); i++) await sleep(500);
    expect(notifiedSlas(), alertmanager?.logTail()).toContain("live");
    // Alertmanager received every SLA's alert (each as soon as its SLA's first group evaluation made the series)...
    const held = async () => new Set(((await (await fetch(`${alertmanager?.url}/api/v2/alerts?filter=${encodeURIComponent('alertname="UserAlertOnSlaSeries"')}`)).json()) as { labels: Record<string, string> }[])
      .map((a) => a.labels["sla"]));
    for (let i = 0; i < 60 && (await held()).size < 3; i++) await sleep(500);
    expect(await held()).toEqual(new Set(["frozen", "live", "patched"]));
    // ...and several group intervals later has still notified none inside a window.
    await sleep(5_000);
    expect([...notifiedSlas()].sort()).toEqual(["live"]);
  });
});
