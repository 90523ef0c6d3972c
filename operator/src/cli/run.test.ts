import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { parseRunFlags, runCommand, runHelp } from "./run.js";

const capture = () => {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
};

describe("slactl run flags", () => {
  it("has the documented defaults", () => {
    const flags = parseRunFlags([], () => undefined);
    expect(flags).toMatchObject({
      namespaces: [], concurrency: 4, metricsAddr: ":8080", healthAddr: ":8081", resyncPeriodMs: 600_000,
      watchStaleAfterMs: 180_000, ruleLabels: {}, leaderElection: undefined, logLevel: "info",
    });
  });

  it("reads repeated namespaces and rule labels, durations and leader election", () => {
    const flags = parseRunFlags([
      "--namespace", "shop", "--namespace", "vendors", "--rule-label", "release=kube-prometheus-stack", "--rule-label", "team=sre",
      "--resync-period", "90s", "--leader-elect", "--lease-duration", "30s", "--renew-deadline", "20s", "--retry-period", "5s",
      "--concurrency", "8", "--label-selector", "tier=gold",
    ], () => "monitoring");
    expect(flags).toMatchObject({
      namespaces: ["shop", "vendors"],
      ruleLabels: { release: "kube-prometheus-stack", team: "sre" },
      resyncPeriodMs: 90_000,
      concurrency: 8,
      labelSelector: "tier=gold",
      leaderElection: { namespace: "monitoring", name: "servicelevel-operator", leaseDurationMs: 30_000, renewDeadlineMs: 20_000, retryPeriodMs: 5_000 },
    });
  });

  it("turns the periodic resync off with --resync-period 0", () => {
    expect(parseRunFlags(["--resync-period", "0"], () => undefined)).toMatchObject({ resyncPeriodMs: 0 });
  });

  it("reads the Prometheus answer cap, and refuses one that is not a whole number of bytes", () => {
    expect(parseRunFlags(["--prometheus-url=http://p:9090", "--prometheus-max-response-bytes", "1048576"], () => undefined))
      .toMatchObject({ prometheus: { maxResponseBytes: 1_048_576 } });
    expect(parseRunFlags(["--prometheus-url=http://p:9090"], () => undefined)).not.toMatchObject({ prometheus: { maxResponseBytes: expect.anything() as unknown } });
    for (const bad of ["64Mi", "1e9", "100", "-5"]) {
      expect(() => parseRunFlags(["--prometheus-url=http://p:9090", `--prometheus-max-response-bytes=${bad}`], () => undefined)).toThrow(/--prometheus-max-response-bytes: expected a whole number/);
    }
    expect(() => parseRunFlags(["--prometheus-max-response-bytes=1048576"], () => undefined)).toThrow(/needs --prometheus-url/);
  });

  it("reads the Prometheus flags, with a 1m evaluation interval and a 30s timeout by default", () => {
    expect(parseRunFlags([], () => undefined)).toMatchObject({ prometheus: undefined });
    expect(parseRunFlags(["--prometheus-url=http://prometheus:9090"], () => undefined)).toMatchObject({
      prometheus: { url: "http://prometheus:9090", evaluationIntervalMs: 60_000, timeoutMs: 30_000 },
    });
    expect(parseRunFlags([
      "--prometheus-url", "https://prometheus:9091/prom", "--evaluation-interval", "2m", "--prometheus-timeout", "10s",
      "--prometheus-bearer-token-file", "/etc/token", "--prometheus-ca-file", "/etc/ca.crt", "--prometheus-insecure-skip-verify",
    ], () => undefined)).toMatchObject({
      prometheus: { url: "https://prometheus:9091/prom", evaluationIntervalMs: 120_000, timeoutMs: 10_000, bearerTokenFile: "/etc/token", caFile: "/etc/ca.crt", insecureSkipVerify: true },
    });
    expect(parseRunFlags(["--prometheus-url", "http://p:9090", "--prometheus-basic-auth-username", "slo", "--prometheus-basic-auth-password-file", "/etc/pw"], () => undefined))
      .toMatchObject({ prometheus: { basicAuth: { username: "slo", passwordFile: "/etc/pw" } } });
  });

  it("defaults the lease namespace to default outside a pod", () => {
    expect(parseRunFlags(["--leader-elect"], () => undefined)).toMatchObject({ leaderElection: { namespace: "default" } });
  });

  it.each([
    [["--concurrency", "0"], "--concurrency: expected a whole number of at least 1"],
    [["--resync-period", "often"], "--resync-period: expected a duration such as 10m"],
    [["--rule-label", "release"], "--rule-label: expected KEY=VALUE"],
    [["--log-level", "loud"], "--log-level: expected one of"],
    [["--metrics-addr", "8080"], "--metrics-addr: expected an address such as :8080"],
    [["--leader-elect", "--lease-duration", "5s"], "leader election needs --lease-duration > --renew-deadline > --retry-period"],
    [["--no-such-flag"], "Unknown option '--no-such-flag'"],
    [["--prometheus-url", "prometheus:9090"], "--prometheus-url: expected an http or https URL"],
    [["--evaluation-interval", "1m"], "--evaluation-interval needs --prometheus-url"],
    [["--prometheus-url", "http://p:9090", "--evaluation-interval", "soon"], "--evaluation-interval: expected a duration such as 1m"],
    [["--prometheus-url", "http://p:9090", "--prometheus-basic-auth-username", "slo"], "go together"],
    [["--prometheus-url", "http://p:9090", "--prometheus-bearer-token-file", "/t", "--prometheus-basic-auth-username", "u", "--prometheus-basic-auth-password-file", "/p"], "not both"],
  ])("rejects %j", async (args, message) => {
    const { out, io } = capture();
    expect(await runCommand(args, { io })).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).toContain("Run 'slactl run --help' for usage.");
  });

  it("prints its help", async () => {
    const { out, io } = capture();
    expect(await runCommand(["--help"], { io })).toBe(0);
    expect(out.stdout).toBe(runHelp);
    for (const flag of ["--kubeconfig", "--namespace", "--label-selector", "--concurrency", "--metrics-addr", "--health-addr", "--leader-elect",
      "--leader-election-namespace", "--rule-label", "--resync-period", "--log-level", "--policies", "--prometheus-url", "--evaluation-interval",
      "--prometheus-timeout", "--prometheus-bearer-token-file", "--prometheus-basic-auth-username", "--prometheus-basic-auth-password-file",
      "--prometheus-ca-file", "--prometheus-insecure-skip-verify"]) expect(runHelp).toContain(flag);
  });

  it("fails with exit code 1 and a sentence when the kubeconfig cannot be loaded", async () => {
    const { out, io } = capture();
    expect(await runCommand(["--kubeconfig", "/nonexistent/kubeconfig", "--metrics-addr", "0", "--health-addr", "0"], { io, logger: pino({ level: "silent" }) })).toBe(1);
    expect(out.stderr).toMatch(/^slactl run: cannot load the kubeconfig \/nonexistent\/kubeconfig/);
  });

  it("fails with exit code 1 and a sentence when a Prometheus credential file cannot be read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slactl-run-"));
    const kubeconfig = join(dir, "kubeconfig");
    writeFileSync(kubeconfig, JSON.stringify({
      apiVersion: "v1", kind: "Config", "current-context": "x",
      clusters: [{ name: "x", cluster: { server: "http://127.0.0.1:9" } }],
      users: [{ name: "x", user: { token: "t" } }],
      contexts: [{ name: "x", context: { cluster: "x", user: "x" } }],
    }));
    const { out, io } = capture();
    expect(await runCommand(["--kubeconfig", kubeconfig, "--metrics-addr", "0", "--health-addr", "0", "--prometheus-url", "http://127.0.0.1:9",
      "--prometheus-bearer-token-file", join(dir, "missing-token")], { io, logger: pino({ level: "silent" }) })).toBe(1);
    expect(out.stderr).toMatch(/^slactl run: cannot read the Prometheus bearer token file .*missing-token/);
  });

  it("stops cleanly when asked to while the API server is unreachable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slactl-run-"));
    const kubeconfig = join(dir, "kubeconfig");
    writeFileSync(kubeconfig, JSON.stringify({
      apiVersion: "v1", kind: "Config", "current-context": "x",
      clusters: [{ name: "x", cluster: { server: "http://127.0.0.1:9" } }],
      users: [{ name: "x", user: { token: "t" } }],
      contexts: [{ name: "x", context: { cluster: "x", user: "x" } }],
    }));
    const { io } = capture();
    const started = Date.now();
    const code = await runCommand(["--kubeconfig", kubeconfig, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0"], {
      io, logger: pino({ level: "silent" }), stopSignal: new Promise((r) => setTimeout(r, 500)),
    });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
