// An informer like client-go's: list, then watch from the list's resourceVersion, keeping a cache
// of the objects and telling handlers what was added, updated or deleted. It resumes a broken
// watch from the last resourceVersion it saw, relists when the server says 410 Gone, reconnects
// with capped exponential backoff while the API server is away, and restarts a watch that has
// been silent for longer than `staleAfterMs` (a half-open connection delivers nothing, forever).
// A resource type that is not served (its CRD is missing) counts as synced and empty, and is
// retried until it appears.
import type { Logger } from "pino";
import { Backoff, sleep, type BackoffPolicy } from "../backoff.js";
import type { KubeApi, WatchEvent } from "./client.js";
import { KubeApiError, describeError, isApiError, type KubeStatus } from "./errors.js";
import { isNewer, objectKey, resourcePath, type KubeList, type KubeObject, type ResourceType } from "./resources.js";

export type InformerEvent<T> =
  | { readonly type: "added"; readonly object: T }
  | { readonly type: "updated"; readonly object: T; readonly old: T }
  | { readonly type: "deleted"; readonly object: T };

export interface InformerOptions<T = KubeObject> {
  readonly api: KubeApi;
  readonly resource: ResourceType;
  /** Namespaces to watch, one list+watch each; all namespaces when empty or absent. */
  readonly namespaces?: readonly string[] | undefined;
  readonly labelSelector?: string | undefined;
  /** Restart a watch that delivered nothing (not even a bookmark) for this long. Default 3 min. */
  readonly staleAfterMs?: number | undefined;
  /** Reconnect backoff. Default 500 ms doubling to 30 s. */
  readonly backoff?: BackoffPolicy | undefined;
  /** Server-side watch timeout, randomised up to twice this. Default 300 s. */
  readonly watchTimeoutSeconds?: number | undefined;
  readonly pageSize?: number | undefined;
  /** Wait before asking again for a resource type that is not served. Default 10 s. */
  readonly missingTypeRetryMs?: number | undefined;
  /** What the cache keeps of each object (e.g. its metadata only); default the whole object. */
  readonly transform?: ((object: T) => T) | undefined;
  readonly log: Logger;
}

interface Scope {
  readonly namespace: string | undefined;
  synced: boolean;
  missing: boolean;
}

export class Informer<T extends KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: ((event: InformerEvent<T>) => void)[] = [];
  private readonly relistHandlers: (() => void)[] = [];
  private readonly scopes: Scope[];
  private readonly abort = new AbortController();
  private running: Promise<void>[] = [];
  private syncWaiters: (() => void)[] = [];
  private readonly log: Logger;
  /** Number of watches started, for tests and metrics. */
  watchesStarted = 0;
  /** Number of full lists, for tests and metrics. */
  lists = 0;

  constructor(private readonly options: InformerOptions<T>) {
    const namespaces = options.namespaces && options.namespaces.length > 0 ? [...new Set(options.namespaces)] : [undefined];
    this.scopes = namespaces.map((namespace) => ({ namespace, synced: false, missing: false }));
    this.log = options.log.child({ resource: options.resource.plural });
  }

  get resource(): ResourceType {
    return this.options.resource;
  }

  /** Registers a handler; call before start(). Handlers run synchronously and must not throw. */
  onEvent(handler: (event: InformerEvent<T>) => void): void {
    this.handlers.push(handler);
  }

  /** Registers a handler called after every full list (start, 410 Gone, a resource type that appeared). */
  onRelist(handler: () => void): void {
    this.relistHandlers.push(handler);
  }

  start(): void {
    if (this.running.length > 0) return;
    this.running = this.scopes.map((scope) => this.runScope(scope));
  }

  /** Stops every watch and waits for the loops to end. */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.running);
    for (const resolve of this.syncWaiters) resolve();
    this.syncWaiters = [];
  }

  /** Every scope has been listed once (or its resource type is not served). */
  get hasSynced(): boolean {
    return this.scopes.every((s) => s.synced);
  }

  /** The resource type is not served by the API server (e.g. its CRD is not installed). */
  get resourceMissing(): boolean {
    return this.scopes.some((s) => s.missing);
  }

  /** Resolves once hasSynced, or when the informer stops. */
  whenSynced(): Promise<void> {
    if (this.hasSynced || this.abort.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  keys(): string[] {
    return [...this.cache.keys()];
  }

  /**
   * Puts an object the operator just wrote into the cache, so the next reconcile sees its own
   * write before the watch event arrives. Older versions never replace newer ones.
   */
  upsert(written: T): void {
    const object = this.kept(written);
    const key = objectKey(object);
    const current = this.cache.get(key);
    if (current && !isNewer(object.metadata.resourceVersion, current.metadata.resourceVersion)) return;
    this.cache.set(key, object);
  }

  /** Forgets an object the operator just deleted. */
  forget(key: string): void {
    this.cache.delete(key);
  }

  private kept(object: T): T {
    return this.options.transform ? this.options.transform(object) : object;
  }

  private emit(event: InformerEvent<T>): void {
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch (cause) {
        this.log.error({ err: cause }, "informer event handler failed");
      }
    }
  }

  private markSynced(scope: Scope): void {
    scope.synced = true;
    if (!this.hasSynced) return;
    for (const resolve of this.syncWaiters) resolve();
    this.syncWaiters = [];
  }

  private async runScope(scope: Scope): Promise<void> {
    const signal = this.abort.signal;
    const backoff = new Backoff(this.options.backoff ?? { initialMs: 500, maxMs: 30_000 });
    const log = scope.namespace === undefined ? this.log : this.log.child({ namespace: scope.namespace });
    let resourceVersion: string | undefined;
    while (!signal.aborted) {
      try {
        if (resourceVersion === undefined) {
          resourceVersion = await this.relist(scope, signal);
          if (scope.missing) log.info("resource type is served now");
          scope.missing = false;
          this.markSynced(scope);
          backoff.reset();
          for (const handler of this.relistHandlers) handler();
        }
        const outcome = await this.watchOnce(scope, resourceVersion, signal, (rv) => { resourceVersion = rv; });
        if (outcome.kind === "expired") {
          log.info({ resourceVersion }, "watch expired (410 Gone); relisting");
          resourceVersion = undefined;
        } else if (outcome.kind === "stale") {
          log.warn({ resourceVersion, silentMs: outcome.silentMs }, "watch silent for too long; restarting it");
        }
        if (outcome.events > 0 || outcome.kind === "stale") backoff.reset();
        // A watch the server closes at once, again and again, must not become a busy loop.
        if (outcome.kind === "ended" && outcome.durationMs < 1_000) await sleep(backoff.next(), signal);
      } catch (cause) {
        if (signal.aborted) break;
        if (isApiError(cause) && cause.isExpired) {
          log.info("resourceVersion expired (410 Gone); relisting");
          resourceVersion = undefined;
          continue;
        }
        if (isApiError(cause) && cause.isResourceTypeMissing) {
          if (!scope.missing) log.warn("resource type is not served (CRD not installed?); retrying");
          scope.missing = true;
          this.dropScope(scope);
          resourceVersion = undefined;
          this.markSynced(scope);
          await sleep(this.options.missingTypeRetryMs ?? 10_000, signal);
          continue;
        }
        const delay = backoff.next();
        log.warn({ err: describeError(cause), retryInMs: delay, failures: backoff.failures }, "list/watch failed; retrying");
        await sleep(delay, signal);
      }
    }
  }

  /** Lists the scope page by page, replaces its part of the cache, and returns the list's resourceVersion. */
  private async relist(scope: Scope, signal: AbortSignal): Promise<string> {
    const path = resourcePath(this.options.resource, scope.namespace);
    const kind = this.options.resource.kind;
    const apiVersion = this.options.resource.group === "" ? this.options.resource.version : `${this.options.resource.group}/${this.options.resource.version}`;
    // Only what the cache keeps is held until the last page: 10,000 whole PrometheusRules are
    // 170 MB of heap, their metadata a few.
    const items: T[] = [];
    let continueToken: string | undefined;
    let resourceVersion = "";
    do {
      const page: KubeList<T> = await this.options.api.request<KubeList<T>>("GET", path, {
        query: { limit: this.options.pageSize ?? 500, continue: continueToken, labelSelector: this.options.labelSelector },
        signal,
      });
      // List items carry no apiVersion/kind; watch events do. Give both the same shape.
      for (const item of page.items) items.push(this.kept({ ...item, apiVersion, kind } as T));
      continueToken = page.metadata.continue || undefined;
      resourceVersion = page.metadata.resourceVersion ?? "";
    } while (continueToken !== undefined);
    this.lists++;
    const seen = new Set<string>();
    for (const object of items) {
      const key = objectKey(object);
      seen.add(key);
      this.store("ADDED", object);
    }
    for (const [key, object] of [...this.cache]) {
      if (this.inScope(scope, object) && !seen.has(key)) {
        this.cache.delete(key);
        this.emit({ type: "deleted", object });
      }
    }
    return resourceVersion;
  }

  private inScope(scope: Scope, object: T): boolean {
    return scope.namespace === undefined || object.metadata.namespace === scope.namespace;
  }

  private dropScope(scope: Scope): void {
    for (const [key, object] of [...this.cache]) {
      if (this.inScope(scope, object)) {
        this.cache.delete(key);
        this.emit({ type: "deleted", object });
      }
    }
  }

  /** Applies one ADDED/MODIFIED/DELETED event to the cache and tells the handlers if anything changed. */
  private apply(event: WatchEvent): void {
    this.store(event.type, this.kept(event.object as T));
  }

  /** Puts an object already cut to what the cache keeps into the cache (or takes it out) and tells the handlers. */
  private store(type: WatchEvent["type"], object: T): void {
    const key = objectKey(object);
    const old = this.cache.get(key);
    if (type === "DELETED") {
      this.cache.delete(key);
      this.emit({ type: "deleted", object: old ?? object });
      return;
    }
    if (old && old.metadata.resourceVersion === object.metadata.resourceVersion) return; // our own write, already cached
    if (old && !isNewer(object.metadata.resourceVersion, old.metadata.resourceVersion)) return;
    this.cache.set(key, object);
    this.emit(old ? { type: "updated", object, old } : { type: "added", object });
  }

  private async watchOnce(scope: Scope, resourceVersion: string, parent: AbortSignal, onResourceVersion: (rv: string) => void):
    Promise<{ kind: "ended" | "expired" | "stale"; events: number; durationMs: number; silentMs?: number }> {
    const controller = new AbortController();
    const onParentAbort = (): void => controller.abort();
    parent.addEventListener("abort", onParentAbort, { once: true });
    const staleAfterMs = this.options.staleAfterMs ?? 180_000;
    const started = Date.now();
    let lastActivity = started;
    let stale = false;
    let expired = false;
    let events = 0;
    const watchdog = setInterval(() => {
      if (Date.now() - lastActivity > staleAfterMs) {
        stale = true;
        controller.abort();
      }
    }, Math.max(10, Math.min(1_000, Math.floor(staleAfterMs / 4))));
    const timeoutSeconds = Math.round((this.options.watchTimeoutSeconds ?? 300) * (1 + Math.random()));
    this.watchesStarted++;
    try {
      await this.options.api.watch(resourcePath(this.options.resource, scope.namespace), {
        resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds,
        labelSelector: this.options.labelSelector,
      }, (event) => {
        lastActivity = Date.now();
        events++;
        if (expired || controller.signal.aborted) return;
        if (event.type === "ERROR") {
          const status = event.object as KubeStatus;
          if (status.code === 410) {
            expired = true;
            controller.abort();
            return;
          }
          throw new KubeApiError("WATCH", resourcePath(this.options.resource, scope.namespace), status.code ?? 500, status);
        }
        const object = event.object as T;
        const rv = object.metadata.resourceVersion;
        if (event.type !== "BOOKMARK") this.apply(event);
        if (rv !== undefined) onResourceVersion(rv);
      }, controller.signal);
    } finally {
      clearInterval(watchdog);
      parent.removeEventListener("abort", onParentAbort);
    }
    const durationMs = Date.now() - started;
    if (expired) return { kind: "expired", events, durationMs };
    if (stale && !parent.aborted) return { kind: "stale", events, durationMs, silentMs: Date.now() - lastActivity };
    return { kind: "ended", events, durationMs };
  }
}
