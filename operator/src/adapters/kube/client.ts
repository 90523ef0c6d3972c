// A small Kubernetes REST client: JSON requests and streaming watches over node:https, with the
// credentials of a kubeconfig (or the pod's service account) applied by @kubernetes/client-node.
// The generated clients of client-node hide status codes, watch resumption and request counting,
// which the informers, server-side apply and the write metric need, so the operator speaks REST.
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage, type ClientRequest } from "node:http";
import { request as httpsRequest, Agent as HttpsAgent, type RequestOptions as HttpsRequestOptions } from "node:https";
import { KubeConfig } from "@kubernetes/client-node";
import { KubeApiError, KubeConfigError, KubeConnectionError, type KubeStatus } from "./errors.js";

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  /** Default application/json; patches name their own (merge-patch, apply-patch+yaml). */
  readonly contentType?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface WatchEvent {
  readonly type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  readonly object: unknown;
}

/** What the informers, appliers and the lease need from the API server; the real client and test fakes implement it. */
export interface KubeApi {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** Streams watch events to onEvent until the server ends the watch, the signal aborts it (resolves) or it fails (rejects). */
  watch(path: string, query: Query, onEvent: (event: WatchEvent) => void, signal: AbortSignal): Promise<void>;
}

/** Called after every request with its outcome; the operator counts writes and errors with it. */
export type RequestObserver = (info: { method: string; path: string; statusCode: number | undefined; durationMs: number }) => void;

export interface KubeClientOptions {
  /** A kubeconfig file; otherwise $KUBECONFIG, ~/.kube/config or the pod's service account (client-node's loadFromDefault). */
  readonly kubeconfig?: string | undefined;
  readonly observer?: RequestObserver | undefined;
  readonly userAgent?: string | undefined;
  /** Default timeout of non-watch requests (30 s). */
  readonly timeoutMs?: number | undefined;
}

const defaultTimeoutMs = 30_000;

export class KubeClient implements KubeApi {
  readonly server: string;
  private readonly secure: boolean;
  private agent: HttpAgent | HttpsAgent | undefined;

  private constructor(private readonly config: KubeConfig, private readonly options: KubeClientOptions) {
    const cluster = config.getCurrentCluster();
    if (!cluster) throw new KubeConfigError(`the kubeconfig has no current cluster (context ${JSON.stringify(config.getCurrentContext())})`);
    this.server = cluster.server.replace(/\/+$/, "");
    this.secure = this.server.startsWith("https:");
  }

  /** Loads credentials from a kubeconfig file, or as kubectl and in-cluster pods do when none is given. */
  static load(options: KubeClientOptions = {}): KubeClient {
    const config = new KubeConfig();
    try {
      if (options.kubeconfig) config.loadFromFile(options.kubeconfig);
      else config.loadFromDefault();
    } catch (cause) {
      throw new KubeConfigError(`cannot load the kubeconfig${options.kubeconfig ? ` ${options.kubeconfig}` : ""}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    return new KubeClient(config, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const started = performance.now();
    let statusCode: number | undefined;
    try {
      const response = await this.send(method, path, options);
      const code = response.statusCode ?? 0;
      statusCode = code;
      const body = await readBody(response, method, path);
      if (code >= 400) throw new KubeApiError(method, path, code, parseStatus(body));
      return (body === "" ? undefined : JSON.parse(body)) as T;
    } finally {
      this.options.observer?.({ method, path, statusCode, durationMs: performance.now() - started });
    }
  }

  async watch(path: string, query: Query, onEvent: (event: WatchEvent) => void, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    let statusCode: number | undefined;
    try {
      const response = await this.send("GET", path, { query: { ...query, watch: true }, signal, timeoutMs: 0 });
      const code = response.statusCode ?? 0;
      statusCode = code;
      if (code >= 400) throw new KubeApiError("GET", path, code, parseStatus(await readBody(response, "GET", path)));
      await streamLines(response, signal, (line) => onEvent(JSON.parse(line) as WatchEvent), path);
    } finally {
      this.options.observer?.({ method: "WATCH", path, statusCode, durationMs: performance.now() - started });
    }
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<IncomingMessage> {
    const url = new URL(this.server + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    const requestOptions: HttpsRequestOptions = {
      method,
      headers: {
        Accept: "application/json",
        "User-Agent": this.options.userAgent ?? "servicelevel-operator",
        ...(body === undefined ? {} : { "Content-Type": options.contentType ?? "application/json", "Content-Length": Buffer.byteLength(body) }),
      },
    };
    // Adds the CA, client certificate and bearer token (re-read per request, so rotated tokens work).
    await this.config.applyToHTTPSOptions(requestOptions);
    requestOptions.agent = this.agentFor(requestOptions);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? defaultTimeoutMs;
    return new Promise<IncomingMessage>((resolve, reject) => {
      let req: ClientRequest;
      try {
        req = (this.secure ? httpsRequest : httpRequest)(url, requestOptions as HttpsRequestOptions);
      } catch (cause) {
        reject(new KubeConnectionError(method, path, { cause }));
        return;
      }
      const onAbort = (): void => void req.destroy(new Error("aborted"));
      if (options.signal?.aborted) onAbort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      if (timeoutMs > 0) req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
      req.on("response", (res) => {
        // The response (a watch stream especially) is read by the caller; the abort now ends the stream.
        options.signal?.removeEventListener("abort", onAbort);
        if (timeoutMs > 0) req.setTimeout(0);
        resolve(res);
      });
      req.on("error", (cause) => {
        options.signal?.removeEventListener("abort", onAbort);
        reject(new KubeConnectionError(method, path, { cause }));
      });
      req.end(body);
    });
  }

  /** One keep-alive agent with the TLS material of the kubeconfig, made on the first request. */
  private agentFor(applied: HttpsRequestOptions): HttpAgent | HttpsAgent {
    if (this.agent) return this.agent;
    if (!this.secure) {
      this.agent = new HttpAgent({ keepAlive: true });
      return this.agent;
    }
    this.agent = new HttpsAgent({
      keepAlive: true,
      ...(applied.ca === undefined ? {} : { ca: applied.ca }),
      ...(applied.cert === undefined ? {} : { cert: applied.cert }),
      ...(applied.key === undefined ? {} : { key: applied.key }),
      ...(applied.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: applied.rejectUnauthorized }),
      ...(applied.servername === undefined ? {} : { servername: applied.servername }),
    });
    return this.agent;
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

function readBody(res: IncomingMessage, method: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => { text += chunk; });
    res.on("end", () => resolve(text));
    res.on("error", (cause) => reject(new KubeConnectionError(method, path, { cause })));
    res.on("aborted", () => reject(new KubeConnectionError(method, path, { cause: new Error("response aborted") })));
  });
}

/** Calls onLine for each newline-terminated line until the stream ends; an abort ends it quietly. */
function streamLines(res: IncomingMessage, signal: AbortSignal, onLine: (line: string) => void, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      if (error && !signal.aborted) reject(error);
      else resolve();
    };
    const onAbort = (): void => {
      res.destroy();
      finish();
    };
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) onAbort();
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line !== "") {
          try {
            onLine(line);
          } catch (cause) {
            res.destroy();
            finish(cause instanceof Error ? cause : new Error(String(cause)));
            return;
          }
        }
        newline = buffer.indexOf("\n");
      }
    });
    res.on("end", () => finish());
    res.on("error", (cause) => finish(new KubeConnectionError("GET", path, { cause })));
    res.on("aborted", () => finish(new KubeConnectionError("GET", path, { cause: new Error("watch stream aborted") })));
    res.on("close", () => finish(res.complete ? undefined : new KubeConnectionError("GET", path, { cause: new Error("watch stream closed") })));
  });
}

function parseStatus(body: string): KubeStatus | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as KubeStatus) : { message: body.slice(0, 500) };
  } catch {
    return body === "" ? undefined : { message: body.slice(0, 500) };
  }
}
