// The operator applies the AlertmanagerConfig muting an SLA's alerts during maintenance next to
// its PrometheusRule, on a real apiserver with the real AlertmanagerConfig CRD (whose schema
// checks the object): created with the SLA's windows, updated when they change, deleted when the
// windows or the SLA go; and, on a cluster without that CRD, the condition that says so until the
// CRD is installed, when the operator applies it by itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { alertmanagerConfigCrdPath } from "../prometheus-operator/alertmanagerconfig-crd.js";
import { OperatorProcess, stopAllOperators, waitFor } from "./operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "./cluster.js";

const skip = process.env["SLO_SKIP_CONTROLPLANE"] === "1";
const ns = "hosting";
let cp: ControlPlane;

interface MuteTimeInterval { name: string; timeIntervals: { times?: { startTime: string; endTime: string }[]; weekdays?: string[]; daysOfMonth?: unknown[]; months?: string[]; years?: string[] }[] }
type AlertmanagerConfig = Obj & { spec: { route: { matchers: { name: string; value: string }[]; muteTimeIntervals: string[] }; muteTimeIntervals: MuteTimeInterval[] } };

describe.skipIf(skip)("the AlertmanagerConfig of an SLA with maintenance", () => {
  let op: OperatorProcess;
  beforeAll(async () => {
    cp = await startControlPlane({ crds: [slaCrdPath, await alertmanagerConfigCrdPath()] });
    await cp.kubectlOrThrow(["create", "namespace", ns]);
    op = new OperatorProcess("operator", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0"]);
    await op.started();
    await waitFor("ready", async () => (await op.get("/readyz")).status === 200, 30_000, () => op.describe());
  }, 1_800_000);

  afterAll(async () => {
    await stopAllOperators();
    await cp?.stop();
  }, 60_000);

  const config = async (): Promise<AlertmanagerConfig | undefined> => (await getObject(cp, "alertmanagerconfig", "sla-hosting", ns)) as AlertmanagerConfig | undefined;
  const describeAll = async (): Promise<string> => `${JSON.stringify((await getObject(cp, "sla", "hosting", ns))?.status, null, 2)}\n${op.describe()}`;
  const hosting = (maintenance?: object[]) => sla("hosting", ns, {
    period: { calendar: "month", timeZone: "Europe/Berlin" },
    ...(maintenance ? { maintenance } : {}),
  });

  it("is created with the SLA, owned by it, matching its alerts and muted in its windows", async () => {
    expect((await kubectlApply(cp, hosting([{ schedule: "0 3 * * SUN", duration: "2h" }]))).code).toBe(0);
    let last: AlertmanagerConfig | undefined;
    let details = "";
    await waitFor("AlertmanagerConfig created", async () => (last = await config()) !== undefined, 30_000, () => details);
    details = await describeAll();
    expect(last?.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ServiceLevelAgreement", name: "hosting", controller: true });
    expect(last?.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "servicelevel-operator" });
    expect(last?.spec.route.matchers).toEqual(expect.arrayContaining([{ name: "sla", value: "hosting", matchType: "=" }]));
    const interval = last?.spec.muteTimeIntervals[0];
    expect(last?.spec.route.muteTimeIntervals).toEqual([interval?.name]);
    // Sunday 03:00-05:00 in Berlin is 02:00-04:00 UTC in winter and 01:00-03:00 in summer: one piece per Sunday of the horizon.
    const times = new Set(interval?.timeIntervals.flatMap((t) => (t.times ?? []).map((x) => `${x.startTime}-${x.endTime}`)));
    expect([...times].every((t) => t === "02:00-04:00" || t === "01:00-03:00"), JSON.stringify(interval)).toBe(true);
    const status = await getObject(cp, "sla", "hosting", ns);
    expect(condition(status, "AlertmanagerConfigApplied")).toMatchObject({ status: "True", reason: "Applied" });
    expect(status?.status?.generated).toMatchObject({ alertmanagerConfig: "sla-hosting", prometheusRule: "sla-hosting" });
  }, 60_000);

  it("is updated when the windows change", async () => {
    const before = await config();
    expect((await kubectlApply(cp, hosting([{ schedule: "0 22 * * SAT", duration: "1h" }]))).code).toBe(0);
    let last: AlertmanagerConfig | undefined;
    await waitFor("AlertmanagerConfig updated", async () => (last = await config())?.metadata.resourceVersion !== before?.metadata.resourceVersion, 30_000, () => op.describe());
    const times = new Set(last?.spec.muteTimeIntervals[0]?.timeIntervals.flatMap((t) => (t.times ?? []).map((x) => `${x.startTime}-${x.endTime}`)));
    // Saturday 22:00-23:00 in Berlin is 21:00-22:00 UTC in winter, 20:00-21:00 in summer.
    expect([...times].every((t) => t === "21:00-22:00" || t === "20:00-21:00"), JSON.stringify(last?.spec)).toBe(true);
  }, 60_000);

  it("is deleted when the SLA has no windows any more, and with the SLA", async () => {
    expect((await kubectlApply(cp, hosting())).code).toBe(0);
    await waitFor("AlertmanagerConfig deleted with the windows", async () => (await config()) === undefined, 30_000, () => op.describe());
    await waitFor("NoMaintenance", async () => condition(await getObject(cp, "sla", "hosting", ns), "AlertmanagerConfigApplied")?.reason === "NoMaintenance", 30_000, () => op.describe());
    expect((await kubectlApply(cp, hosting([{ schedule: "0 3 * * SUN", duration: "2h" }]))).code).toBe(0);
    await waitFor("AlertmanagerConfig created again", async () => (await config()) !== undefined, 30_000, () => op.describe());
    await cp.kubectlOrThrow(["delete", "sla", "hosting", "-n", ns, "--wait=true"]);
    // The test control plane runs no garbage collector: the operator deletes what it generated.
    await waitFor("AlertmanagerConfig deleted with the SLA", async () => (await config()) === undefined, 30_000, () => op.describe());
    expect(await getObject(cp, "prometheusrule", "sla-hosting", ns)).toBeUndefined();
    expect(op.running).toBe(true);
  }, 90_000);
});

describe.skipIf(skip)("without the AlertmanagerConfig CRD", () => {
  let bare: ControlPlane;
  let op: OperatorProcess;
  beforeAll(async () => {
    bare = await startControlPlane({ crds: [slaCrdPath] });
    await bare.kubectlOrThrow(["create", "namespace", ns]);
    op = new OperatorProcess("operator (no AlertmanagerConfig CRD)", ["--kubeconfig", bare.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0"]);
    await op.started();
  }, 1_800_000);

  afterAll(async () => {
    await stopAllOperators();
    await bare?.stop();
  }, 60_000);

  it("reports the CRD missing and stays Ready, then applies the AlertmanagerConfig once the CRD is installed", async () => {
    const document = sla("hosting", ns, { period: { calendar: "month", timeZone: "Europe/Berlin" }, maintenance: [{ schedule: "0 3 * * SUN", duration: "2h" }] });
    expect((await kubectlApply(bare, document)).code).toBe(0);
    let last: Obj | undefined;
    await waitFor("AlertmanagerConfigCRDMissing", async () => condition(last = await getObject(bare, "sla", "hosting", ns), "AlertmanagerConfigApplied")?.reason === "AlertmanagerConfigCRDMissing",
      30_000, () => `${JSON.stringify(last?.status, null, 2)}\n${op.describe()}`);
    expect(condition(last, "Ready")).toMatchObject({ status: "True" });
    expect(condition(last, "RulesApplied")).toMatchObject({ status: "True" });
    expect(op.logged((l) => typeof l.msg === "string" && l.msg.includes("AlertmanagerConfig CRD"))).toBe(true);
    await bare.installCrds([await alertmanagerConfigCrdPath()]);
    // The informer asks for the missing type again every 10 s and then reconciles every SLA.
    await waitFor("AlertmanagerConfigApplied=True", async () => condition(await getObject(bare, "sla", "hosting", ns), "AlertmanagerConfigApplied")?.status === "True", 60_000, () => op.describe());
    expect(await getObject(bare, "alertmanagerconfig", "sla-hosting", ns)).toBeDefined();
  }, 120_000);
});
