// The HTTP endpoints an operator pod exposes: /healthz and /readyz for the kubelet's probes,
// /metrics for Prometheus. One listener per address; when the metrics and health addresses are
// the same, one listener serves all three.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Endpoint {
  (): Promise<{ readonly status: number; readonly contentType: string; readonly body: string }>;
}

export interface ListenAddress {
  readonly host: string | undefined;
  readonly port: number;
}

/** ":8080", "0.0.0.0:8080", "127.0.0.1:0", "[::1]:8080"; "0" or "" disables the listener (null). */
export function parseListenAddress(text: string): ListenAddress | null {
  if (text === "" || text === "0") return null;
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (!match || !(port >= 0 && port <= 65_535)) throw new RangeError(`expected an address such as :8080 or 127.0.0.1:8080, found ${JSON.stringify(text)}`);
  const host = match[1] ?? match[2];
  return { host: host === "" ? undefined : host, port };
}

export interface RunningServer {
  /** host:port actually bound (the port is chosen by the system for port 0). */
  readonly address: string;
  close(): Promise<void>;
}

/** Serves the routes on the address until close(). */
export function serve(address: ListenAddress, routes: Readonly<Record<string, Endpoint>>): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(route ? 405 : 404, { "Content-Type": "text/plain" }).end(route ? "method not allowed\n" : "not found\n");
      return;
    }
    route().then(
      (r) => void res.writeHead(r.status, { "Content-Type": r.contentType }).end(req.method === "HEAD" ? undefined : r.body),
      (e: unknown) => void res.writeHead(500, { "Content-Type": "text/plain" }).end(`${e instanceof Error ? e.message : String(e)}\n`),
    );
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(address.port, address.host, () => {
      server.off("error", reject);
      const bound = server.address() as AddressInfo;
      resolve({
        address: `${bound.family === "IPv6" ? `[${bound.address}]` : bound.address}:${bound.port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

/** A plain-text probe answering 200 when `check` holds, else 503 with the reason. */
export function probe(check: () => { ok: boolean; reason: string }): Endpoint {
  return () => {
    const { ok, reason } = check();
    return Promise.resolve({ status: ok ? 200 : 503, contentType: "text/plain; charset=utf-8", body: `${ok ? "ok" : reason}\n` });
  };
}
