import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { KubeApi, Query, RequestOptions, WatchEvent } from "./client.js";
import { KubeApiError, KubeConnectionError } from "./errors.js";
import { Informer, type InformerEvent } from "./informer.js";
import { slaResource, type KubeObject } from "./resources.js";

const obj = (name: string, rv: string, generation = 1): KubeObject => ({
  apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata: { name, namespace: "shop", resourceVersion: rv, generation },
});

interface WatchCall {
  query: Query;
  emit(event: WatchEvent): void;
  end(): void;
  fail(error: Error): void;
  signal: AbortSignal;
}

/** A scripted API server: lists return `items` at `listVersion`; each watch is handed to the test. */
class FakeApi implements KubeApi {
  items: KubeObject[] = [];
  listVersion = "10";
  lists: Query[] = [];
  watches: WatchCall[] = [];
  listError: Error | undefined;
  private waiters: (() => void)[] = [];

  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    this.lists.push(options.query ?? {});
    if (this.listError) return Promise.reject(this.listError);
    return Promise.resolve({ metadata: { resourceVersion: this.listVersion }, items: this.items.map((i) => ({ ...i, apiVersion: undefined, kind: undefined })) } as T);
  }

  watch(_path: string, query: Query, onEvent: (event: WatchEvent) => void, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const call: WatchCall = { query, emit: onEvent, end: resolve, fail: reject, signal };
      signal.addEventListener("abort", () => resolve(), { once: true });
      this.watches.push(call);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Resolves when the n-th watch (1-based) has started. */
  async nthWatch(n: number): Promise<WatchCall> {
    while (this.watches.length < n) await new Promise<void>((r) => this.waiters.push(r));
    return this.watches[n - 1] as WatchCall;
  }
}

const silent = pino({ level: "silent" });
const until = async (check: () => boolean, timeoutMs = 2_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("Informer", () => {
  let informer: Informer<KubeObject> | undefined;
  afterEach(async () => {
    await informer?.stop();
  });

  function start(api: FakeApi, options: { staleAfterMs?: number } = {}): { events: InformerEvent<KubeObject>[] } {
    const events: InformerEvent<KubeObject>[] = [];
    informer = new Informer<KubeObject>({ api, resource: slaResource, log: silent, backoff: { initialMs: 5, maxMs: 20 }, ...options });
    informer.onEvent((e) => events.push(e));
    informer.start();
    return { events };
  }

  it("lists, then watches from the list's resourceVersion and keeps the cache current", async () => {
    const api = new FakeApi();
    api.items = [obj("a", "5")];
    const { events } = start(api);
    await informer?.whenSynced();
    expect(informer?.get("shop/a")?.kind).toBe("ServiceLevelAgreement");
    const watch = await api.nthWatch(1);
    expect(watch.query).toMatchObject({ resourceVersion: "10", allowWatchBookmarks: true });
    watch.emit({ type: "ADDED", object: obj("b", "11") });
    watch.emit({ type: "MODIFIED", object: obj("a", "12", 2) });
    watch.emit({ type: "DELETED", object: obj("b", "13") });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["added a", "added b", "updated a", "deleted b"]);
    expect(informer?.keys()).toEqual(["shop/a"]);
  });

  it("resumes a broken watch from the last resourceVersion it saw, without relisting", async () => {
    const api = new FakeApi();
    start(api);
    const first = await api.nthWatch(1);
    first.emit({ type: "ADDED", object: obj("a", "15") });
    first.emit({ type: "BOOKMARK", object: { metadata: { resourceVersion: "20" } } });
    first.fail(new KubeConnectionError("GET", "/x", { cause: new Error("ECONNRESET") }));
    const second = await api.nthWatch(2);
    expect(second.query["resourceVersion"]).toBe("20");
    expect(api.lists).toHaveLength(1);
  });

  it("keeps retrying with backoff while the API server is away", async () => {
    const api = new FakeApi();
    api.listError = new KubeConnectionError("GET", "/x", { cause: new Error("ECONNREFUSED") });
    start(api);
    await until(() => api.lists.length >= 3);
    expect(informer?.hasSynced).toBe(false);
    api.listError = undefined;
    await informer?.whenSynced();
    await api.nthWatch(1);
  });

  it("relists when the watch says 410 Gone, and reports objects deleted meanwhile", async () => {
    const api = new FakeApi();
    api.items = [obj("a", "5"), obj("b", "6")];
    const { events } = start(api);
    const watch = await api.nthWatch(1);
    api.items = [obj("a", "30", 2)];
    api.listVersion = "31";
    watch.emit({ type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired", message: "too old resource version" } });
    const next = await api.nthWatch(2);
    expect(next.query["resourceVersion"]).toBe("31");
    expect(api.lists).toHaveLength(2);
    expect(events.slice(2).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["updated a", "deleted b"]);
  });

  it("relists when starting a watch fails with 410", async () => {
    const api = new FakeApi();
    start(api);
    const watch = await api.nthWatch(1);
    watch.fail(new KubeApiError("GET", "/x", 410, { reason: "Expired" }));
    await api.nthWatch(2);
    expect(api.lists).toHaveLength(2);
  });

  it("restarts a watch that stays silent for longer than staleAfterMs", async () => {
    const api = new FakeApi();
    start(api, { staleAfterMs: 50 });
    const first = await api.nthWatch(1);
    const second = await api.nthWatch(2);
    expect(first.signal.aborted).toBe(true);
    expect(second.query["resourceVersion"]).toBe("10");
    expect(api.lists).toHaveLength(1);
  });

  it("counts a resource type that is not served as synced and empty, and picks it up once it is", async () => {
    const api = new FakeApi();
    api.listError = new KubeApiError("GET", "/x", 404, { reason: "NotFound", details: {} });
    const relists: number[] = [];
    const events: string[] = [];
    informer = new Informer<KubeObject>({ api, resource: slaResource, log: silent, backoff: { initialMs: 5, maxMs: 20 }, missingTypeRetryMs: 20 });
    informer.onRelist(() => relists.push(1));
    informer.onEvent((e) => events.push(`${e.type} ${e.object.metadata.name}`));
    informer.start();
    await informer.whenSynced();
    expect(informer.resourceMissing).toBe(true);
    expect(informer.list()).toEqual([]);
    api.listError = undefined;
    api.items = [obj("a", "5")];
    await until(() => !informer?.resourceMissing);
    expect(relists).toHaveLength(1);
    expect(events).toEqual(["added a"]);
  });

  it("keeps a newer object the operator wrote over an older watch event", async () => {
    const api = new FakeApi();
    const { events } = start(api);
    const watch = await api.nthWatch(1);
    informer?.upsert(obj("a", "50"));
    watch.emit({ type: "ADDED", object: obj("a", "40") });
    expect(informer?.get("shop/a")?.metadata.resourceVersion).toBe("50");
    watch.emit({ type: "MODIFIED", object: obj("a", "50") });
    expect(events).toEqual([]);
  });
});
