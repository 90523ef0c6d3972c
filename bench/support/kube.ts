// The benchmarks' own client of the test control plane: plain HTTPS with the admin certificate and
// a keep-alive agent, so creating thousands of objects and watching them costs the apiserver
// little. Its requests carry the user agent `benchUserAgent`, which the audit count leaves out.
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import type { ControlPlane } from "../../test/controlplane/controlplane.js";

export const benchUserAgent = "slo-bench";

export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly uid?: string; readonly resourceVersion?: string; readonly generation?: number; readonly ownerReferences?: ReadonlyArray<{ readonly uid: string }> };
  readonly status?: { readonly observedGeneration?: number; readonly lastEvaluated?: string; readonly conditions?: ReadonlyArray<{ readonly type: string; readonly status: string }> };
  readonly [field: string]: unknown;
}

export interface Response {
  readonly status: number;
  readonly body: string;
}

export class Kube {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(cp: ControlPlane) {
    this.url = new URL(cp.server);
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 32,
      ca: readFileSync(cp.certs.caCert),
      cert: readFileSync(cp.certs.adminCert),
      key: readFileSync(cp.certs.adminKey),
    });
  }

  /** One request; the body is JSON-encoded when given (sent as `contentType`: a patch names its own). */
  request(method: string, path: string, body?: unknown, options: { readonly timeoutMs?: number; readonly contentType?: string } = {}): Promise<Response> {
    const { timeoutMs = 60_000, contentType = "application/json" } = options;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request({
        hostname: this.url.hostname, port: this.url.port, path, method, agent: this.agent, timeout: timeoutMs,
        headers: { "user-agent": benchUserAgent, accept: "application/json", ...(payload === undefined ? {} : { "content-type": contentType, "content-length": Buffer.byteLength(payload) }) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error(`${method} ${path}: timeout`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** Creates an object (POST to `collection`), failing on anything but 201. */
  async create(collection: string, object: unknown): Promise<void> {
    const r = await this.request("POST", collection, object);
    if (r.status !== 201) throw new Error(`POST ${collection}: ${r.status} ${r.body.slice(0, 500)}`);
  }

  /** Creates every object with `concurrency` requests in flight. */
  async createAll(items: ReadonlyArray<{ readonly collection: string; readonly object: unknown }>, concurrency = 16): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const item = items[next++];
        if (item) await this.create(item.collection, item.object);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Every object of a collection, read in pages. */
  async list(collection: string, pageSize = 500): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(pageSize), ...(token ? { continue: token } : {}) });
      const r = await this.request("GET", `${collection}?${query.toString()}`);
      if (r.status !== 200) throw new Error(`GET ${collection}: ${r.status} ${r.body.slice(0, 500)}`);
      const page = JSON.parse(r.body) as { items: KubeObject[]; metadata?: { continue?: string } };
      items.push(...page.items);
      token = page.metadata?.continue || undefined;
    } while (token);
    return items;
  }

  /** Each object of a collection, as JSON text (its size in bytes is what a GET returns). */
  async listRaw(collection: string): Promise<Array<{ readonly object: KubeObject; readonly bytes: number }>> {
    const objects = await this.list(collection);
    return objects.map((object) => ({ object, bytes: Buffer.byteLength(JSON.stringify(object)) }));
  }

  /**
   * Watches a collection from now: every ADDED/MODIFIED object goes to `onObject`. Returns a stop
   * function. The watch is restarted from the last resource version if the server ends it.
   */
  watch(collection: string, onObject: (type: string, object: KubeObject) => void): () => void {
    let stopped = false;
    let current: ReturnType<typeof request> | undefined;
    let resourceVersion = "";
    const start = async (): Promise<void> => {
      if (resourceVersion === "") {
        const r = await this.request("GET", `${collection}?limit=1`);
        resourceVersion = (JSON.parse(r.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      }
      const query = new URLSearchParams({ watch: "1", allowWatchBookmarks: "true", resourceVersion, timeoutSeconds: "3600" });
      current = request({
        hostname: this.url.hostname, port: this.url.port, path: `${collection}?${query.toString()}`, method: "GET", agent: this.agent,
        headers: { "user-agent": benchUserAgent, accept: "application/json" },
      }, (res) => {
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let newline = buffer.indexOf("\n");
          while (newline >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            newline = buffer.indexOf("\n");
            if (line.trim() === "") continue;
            const event = JSON.parse(line) as { type: string; object: KubeObject };
            if (event.object.metadata.resourceVersion) resourceVersion = event.object.metadata.resourceVersion;
            if (event.type === "ADDED" || event.type === "MODIFIED" || event.type === "DELETED") onObject(event.type, event.object);
          }
        });
        res.on("end", () => { if (!stopped) void start(); });
        res.on("error", () => undefined);
      });
      current.on("error", () => { if (!stopped) setTimeout(() => void start(), 500); });
      current.end();
    };
    void start();
    return () => {
      stopped = true;
      current?.destroy();
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The audit policy that records one line per request at its arrival (who, verb, resource). */
export const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["ResponseStarted", "ResponseComplete", "Panic"]
rules:
  - level: Metadata
`;

export interface AuditCount {
  readonly total: number;
  readonly writes: number;
  readonly byVerb: Readonly<Record<string, number>>;
}

const writeVerbs = new Set(["create", "update", "patch", "delete", "deletecollection"]);

/**
 * Requests in an apiserver audit log made by anyone but this benchmark, kubectl and the apiserver
 * itself (so: by the operator), from line `fromLine` on.
 */
export function countAudit(logFile: string, fromLine = 0): AuditCount & { readonly lines: number } {
  let text = "";
  try {
    text = readFileSync(logFile, "utf8");
  } catch {
    return { total: 0, writes: 0, byVerb: {}, lines: 0 };
  }
  const lines = text.split("\n");
  const complete = text.endsWith("\n") ? lines.length - 1 : lines.length - 1;
  const byVerb: Record<string, number> = {};
  let total = 0;
  let writes = 0;
  for (let i = fromLine; i < complete; i++) {
    const line = lines[i];
    if (!line) continue;
    const event = JSON.parse(line) as { verb?: string; userAgent?: string; user?: { username?: string } };
    const agent = event.userAgent ?? "";
    if (agent.startsWith(benchUserAgent) || agent.startsWith("kubectl") || agent.startsWith("kube-apiserver") || event.user?.username === "system:apiserver") continue;
    const verb = event.verb ?? "unknown";
    byVerb[verb] = (byVerb[verb] ?? 0) + 1;
    total++;
    if (writeVerbs.has(verb)) writes++;
  }
  return { total, writes, byVerb, lines: complete };
}
