// The real Thanos (built by scripts/build-thanos.sh) for tests: a sidecar beside each Prometheus,
// Thanos Query over the sidecars (and the Ruler), and Thanos Ruler evaluating rule files through
// Query, each a process in its own group on free loopback ports, stopped by stopThanos().
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { cachedToolStatus, ensureCachedTool, type CachedTool } from "../support/cached-tool.js";
import { GroupProcess } from "../support/process-group.js";

const build: CachedTool = { script: "build-thanos.sh", printEnv: "SLO_THANOS_PRINT_DIR" };

export interface ThanosComponent {
  readonly process: GroupProcess;
  /** http://127.0.0.1:<port> of its HTTP server (Query's API, the Ruler's UI and API). */
  readonly url: string;
  /** 127.0.0.1:<port> of its StoreAPI (gRPC). */
  readonly grpc: string;
}

const live = new Set<GroupProcess>();
let hooked = false;

/** A loopback port nothing listens on right now (to name a component before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The thanos binary, built first when the cache has none. */
export async function thanosBinary(): Promise<string> {
  await ensureCachedTool(build);
  return join(cachedToolStatus(build).dir, "thanos");
}

async function start(name: string, args: readonly string[], dir: string, ports?: { http: number; grpc: number }): Promise<ThanosComponent> {
  const binary = await thanosBinary();
  const [http, grpc] = ports ? [ports.http, ports.grpc] : [await freePort(), await freePort()];
  mkdirSync(dir, { recursive: true });
  const child = new GroupProcess(`thanos ${name}`, binary, [...args, `--http-address=127.0.0.1:${http}`, `--grpc-address=127.0.0.1:${grpc}`], join(dir, `${name}.log`));
  live.add(child);
  if (!hooked) {
    hooked = true;
    process.on("exit", () => {
      for (const p of live) p.signalGroup("SIGKILL");
    });
  }
  const url = `http://127.0.0.1:${http}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`thanos ${name} exited during startup:\n${child.logTail(30)}`);
    try {
      if ((await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) })).ok) return { process: child, url, grpc: `127.0.0.1:${grpc}` };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`thanos ${name} not ready after 60 s:\n${child.logTail(30)}`);
}

/**
 * A sidecar serving a Prometheus' data over the StoreAPI (the Prometheus needs external labels).
 * It asks Prometheus every 5 s (30 s by default) whether it is up, and says it is not ready once
 * Prometheus does not answer: that is when a Query that is not strict stops asking it.
 */
export function startSidecar(name: string, prometheusUrl: string, tsdbPath: string, dir: string): Promise<ThanosComponent> {
  return start(`sidecar-${name}`, ["sidecar", `--prometheus.url=${prometheusUrl}`, `--tsdb.path=${tsdbPath}`, "--prometheus.get_config_interval=5s"], dir);
}

/**
 * Thanos Query over StoreAPI endpoints; partial responses are allowed, as by default. A strict
 * endpoint is asked even when its health check fails, so an answer without it carries a warning;
 * one that is not strict is left out once it fails, and the answer says nothing.
 */
export function startQuery(endpoints: readonly string[], dir: string, options: { readonly strict?: boolean; readonly name?: string } = {}): Promise<ThanosComponent> {
  const config = JSON.stringify({ endpoints: endpoints.map((address) => ({ address, strict: true })) });
  const endpointArgs = options.strict ? [`--endpoint.sd-config=${config}`] : endpoints.map((e) => `--endpoint=${e}`);
  return start(options.name ?? "query", ["query", ...endpointArgs, "--query.auto-downsampling", "--store.response-timeout=5s"], dir);
}

/** Thanos Ruler evaluating rule files (contents) against a Query, on the given ports (Query lists its StoreAPI). */
export function startRuler(queryUrl: string, rules: readonly string[], dir: string, ports: { http: number; grpc: number }): Promise<ThanosComponent> {
  mkdirSync(dir, { recursive: true });
  const files = rules.map((text, i) => {
    const file = join(dir, `rules-${i}.yaml`);
    writeFileSync(file, text);
    return file;
  });
  return start("rule", [
    "rule",
    `--data-dir=${join(dir, "ruler-data")}`,
    ...files.map((f) => `--rule-file=${f}`),
    `--query=${queryUrl}`,
    '--label=ruler_cluster="global"',
  ], dir, ports);
}

/** Stops every Thanos process started here. */
export async function stopThanos(): Promise<void> {
  await Promise.all([...live].map(async (p) => {
    await p.stop();
    live.delete(p);
  }));
}
