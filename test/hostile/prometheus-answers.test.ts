// Answers no real Prometheus gives, from a loopback stand-in: a body far larger than the pod's
// memory, one announced as huge, and error bodies that echo the Authorization header. The client
// must stop reading early with a typed error that says how to raise the limit, and no credential
// may reach an error message.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/client.js";
import { PrometheusError, PrometheusResponseTooLargeError } from "../../operator/src/adapters/prometheus/errors.js";

const servers: Server[] = [];
const clients: PrometheusClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(options: ConstructorParameters<typeof PrometheusClient>[0]): PrometheusClient {
  const c = new PrometheusClient({ retries: 0, ...options });
  clients.push(c);
  return c;
}

const mib = 1024 * 1024;

describe("oversized answers", () => {
  it("stop being read at the default limit of 64 MiB, with a typed error that says how to raise it", { timeout: 60_000 }, async () => {
    let sent = 0;
    const url = await serve((_req, res) => {
      // An endless JSON answer; it stops only when the client hangs up.
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(mib, "1");
      res.write('{"status":"success","data":{"resultType":"scalar","result":[1,"');
      const pump = () => {
        while (!res.destroyed && sent < 2048 * mib && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed && sent < 2048 * mib) res.once("drain", pump);
      };
      res.on("error", () => undefined);
      pump();
    });
    const before = process.memoryUsage().rss;
    const error = await client({ url }).query("up", Date.UTC(2026, 0, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusResponseTooLargeError);
    expect((error as Error).message).toContain("larger than 67108864 bytes (64 MiB)");
    expect((error as Error).message).toContain("raise the limit (slactl run --prometheus-max-response-bytes");
    // Reading stopped near the limit: the server was far from done, and memory did not follow it.
    expect(sent).toBeLessThan(512 * mib);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * mib);
  });

  it("are refused before the body when Content-Length announces more than the limit", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(300 * mib) });
      res.write("{"); // and then nothing: a client that waited for the body would hang
    });
    const began = Date.now();
    const error = await client({ url, maxResponseBytes: 8 * mib, timeoutMs: 20_000 }).query("up", Date.UTC(2026, 0, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusResponseTooLargeError);
    expect((error as Error).message).toContain("Content-Length announced 300 MiB");
    expect(Date.now() - began).toBeLessThan(5000);
  });
});

describe("error bodies that echo the request", () => {
  const token = "s3cr3t-t0ken-value-42";
  const echo = (status: number, asPrometheus: boolean) => serve((req, res) => {
    const headers = JSON.stringify(req.headers);
    res.writeHead(status, { "content-type": asPrometheus ? "application/json" : "text/plain" });
    res.end(asPrometheus
      ? JSON.stringify({ status: "error", errorType: "bad_data", error: `rejected request with headers ${headers} Authorization: ${req.headers.authorization ?? ""}` })
      : `denied: ${headers}\nAuthorization: ${req.headers.authorization ?? ""}`);
  });

  for (const [what, status, asPrometheus] of [["a Prometheus error", 400, true], ["a proxy's 401", 401, false], ["a 502 page", 502, false]] as const) {
    it(`never carry a bearer token or basic password into the message, for ${what}`, async () => {
      const url = await echo(status, asPrometheus);
      for (const auth of [{ type: "bearer" as const, token }, { type: "basic" as const, username: "alice", password: token }]) {
        const error = await client({ url, auth }).query("up", Date.UTC(2026, 0, 1)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PrometheusError);
        const text = `${(error as Error).message} ${JSON.stringify(error)}`;
        const basic = Buffer.from(`alice:${token}`).toString("base64");
        expect(text).not.toContain(token);
        expect(text).not.toContain(basic);
        expect(text).toContain("[REDACTED]");
      }
    });
  }
});
