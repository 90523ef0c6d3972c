// The operator (a child process, as in a pod) against a Prometheus stand-in on loopback giving
// answers no real Prometheus gives:
// - every answer endless, with `--prometheus-max-response-bytes` at 8 MiB: the cycle fails with a
//   reason that names the limit (MetricsAvailable=False on the SLA), the operator's memory stays
//   low, /healthz answers while answers stream, and SIGTERM stops it cleanly in the middle of one;
// - every answer a 401 page that echoes the request's headers, bearer token included: the token
//   reaches neither the SLA's status, nor its Events, nor a log line.
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath } from "../operator/cluster.js";

const ns = "huge";
const mib = 1024 * 1024;
let cp: ControlPlane;
let prometheus: Server;
let url: string;
let sentBytes = 0;
let streaming = 0;
let mode: "endless" | "echo" = "endless";
const token = "tok-9f3b7c1e5a2d4b6c8e0f-secret";
const dir = mkdtempSync(join(tmpdir(), "slo-hostile-answers-"));

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath] });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  prometheus = createServer((req, res) => {
    if (mode === "echo") {
      res.writeHead(401, { "content-type": "text/plain" });
      res.end(`denied: ${JSON.stringify(req.headers)}\nAuthorization: ${req.headers.authorization ?? ""}`);
      return;
    }
    // Endless: a JSON answer that never ends, until the client hangs up.
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"');
    const chunk = Buffer.alloc(mib, "x");
    streaming++;
    res.on("close", () => streaming--);
    res.on("error", () => undefined);
    const pump = (): void => {
      while (!res.destroyed) {
        sentBytes += chunk.length;
        if (!res.write(chunk)) break;
      }
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  });
  prometheus.listen(0, "127.0.0.1");
  await once(prometheus, "listening");
  url = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}`;
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  prometheus?.closeAllConnections();
  await new Promise((resolve) => prometheus?.close(resolve));
  await cp?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const rssMiB = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

describe("an endless Prometheus answer", () => {
  it("fails the cycle with the limit named, keeps memory and /healthz, and SIGTERM still stops the operator", async () => {
    expect((await kubectlApply(cp, sla("checkout", ns))).code).toBe(0);
    const op = new OperatorProcess("operator", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0",
      "--prometheus-url", url, "--evaluation-interval", "5s", "--prometheus-timeout", "60s", "--prometheus-max-response-bytes", String(8 * mib)]);
    await op.started();
    await waitFor("MetricsAvailable=False naming the limit", async () =>
      (condition(await getObject(cp, "sla", "checkout", ns), "MetricsAvailable")?.message ?? "").includes("larger than 8388608 bytes (8 MiB)"), 120_000, () => op.describe());
    const metrics = condition(await getObject(cp, "sla", "checkout", ns), "MetricsAvailable");
    expect(metrics?.status).toBe("False");
    expect(metrics?.message).toContain("--prometheus-max-response-bytes");

    // Answers keep streaming at each cycle; health checks are answered meanwhile, and memory stays low.
    const pid = op.pid as number;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      const began = Date.now();
      expect((await op.get("/healthz")).status).toBe(200);
      expect(Date.now() - began).toBeLessThan(2_000);
      peak = Math.max(peak, rssMiB(pid));
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`operator RSS peak ${peak.toFixed(0)} MiB while the stand-in sent ${(sentBytes / mib).toFixed(0)} MiB`);
    // Node with tsx alone takes about 250 MiB; an answer read whole would add what was sent.
    expect(peak).toBeLessThan(400);

    await waitFor("an answer streaming", () => streaming > 0, 30_000, () => op.describe());
    const began = Date.now();
    expect(await op.stop("SIGTERM", 15_000)).toBe(0);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(op.logged((l) => l.msg === "stopped cleanly")).toBe(true);
  }, 240_000);

  it("never carries an echoed bearer token into the status, the Events or the logs", async () => {
    mode = "echo";
    const tokenFile = join(dir, "token");
    writeFileSync(tokenFile, `${token}\n`);
    expect((await kubectlApply(cp, sla("payments", ns))).code).toBe(0);
    const op = new OperatorProcess("operator (token)", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0",
      "--prometheus-url", url, "--evaluation-interval", "5s", "--prometheus-bearer-token-file", tokenFile]);
    await op.started();
    await waitFor("MetricsAvailable=False with the redacted answer", async () =>
      (condition(await getObject(cp, "sla", "payments", ns), "MetricsAvailable")?.message ?? "").includes("[REDACTED]"), 120_000, () => op.describe());
    // A few more cycles, so that retries and repeated failures are logged too.
    await new Promise((r) => setTimeout(r, 12_000));
    const status = JSON.stringify((await getObject(cp, "sla", "payments", ns))?.status);
    const events = await cp.kubectlOrThrow(["get", "events", "-n", ns, "-o", "json"]);
    expect(op.logs.filter((l) => l.level >= 40).length).toBeGreaterThan(0);
    expect(await op.stop()).toBe(0);
    const logs = `${op.logs.map((l) => JSON.stringify(l)).join("\n")}\n${op.stderr.join("")}`;
    for (const [where, text] of [["status", status], ["events", events], ["logs", logs]] as const) {
      expect(text.includes(token), `the token in the ${where}`).toBe(false);
    }
    expect(status).toContain("401");
  }, 240_000);
});
