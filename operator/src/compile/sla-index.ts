// An index of SLA documents kept incrementally, and the one place an SLA becomes a model.
//
// The operator feeds it from the SLA informer, slactl from the files of one invocation, the
// Pulumi program from its sources. Each entry knows the SLAs it depends on and the SLAs that
// depend on it, so a change costs the work of its own dependency chain, not of the fleet:
// - upsert/remove return the keys whose model may change (the key and its dependents, and, when
//   the set of valid SLAs changes, the SLAs with a dependency not among them, whose warning names
//   the nearest valid one), which is what the operator queues;
// - model(key) validates and normalizes once per revision of the SLA and of everything it
//   depends on (transitively), and is then a map lookup.
// Pure: no I/O, no clock.
import type { BurnRateTable, ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import { checkSchema } from "./schema-check.js";
import { buildModel, type ModelResult } from "./build-model.js";

interface Entry {
  readonly document: unknown;
  /** Changes whenever the document does (metadata.generation in a cluster, a counter for files). */
  readonly revision: string;
  readonly dependencies: readonly string[];
}

interface CachedModel {
  readonly stamp: string;
  readonly result: ModelResult;
}

export interface SlaIndexOptions {
  readonly burnRateTables: ReadonlyMap<string, BurnRateTable>;
}

/** "namespace/name" of the SLAs a document depends on (spec.dependencies), read defensively from an unchecked document. */
export function dependencyKeys(document: unknown, namespace: string): string[] {
  const spec = (document as { spec?: { dependencies?: unknown } } | null)?.spec;
  const list = Array.isArray(spec?.dependencies) ? (spec.dependencies as unknown[]) : [];
  const keys = new Set<string>();
  for (const d of list) {
    const dependency = d as { name?: unknown; namespace?: unknown } | null;
    if (typeof dependency?.name !== "string") continue;
    keys.add(`${typeof dependency.namespace === "string" && dependency.namespace !== "" ? dependency.namespace : namespace}/${dependency.name}`);
  }
  return [...keys].sort();
}

export class SlaIndex {
  private readonly entries = new Map<string, Entry>();
  /** Schema-valid SLAs by key: the peers dependency checks read. */
  private readonly valid = new Map<string, ServiceLevelAgreement>();
  /** Dependency key → keys that name it, whether or not the dependency exists yet. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly models = new Map<string, CachedModel>();
  /**
   * Counts changes of which keys are schema-valid: the model of an SLA with a dependency that is
   * not among them names the nearest that is ("did you mean"), so it depends on that set too.
   */
  private membership = 0;

  constructor(private readonly options: SlaIndexOptions) {}

  /** Number of SLAs in the index. */
  get size(): number {
    return this.entries.size;
  }

  /** Keys of every SLA in the index. */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Schema-valid SLAs by key, as validation reads peers. */
  get peers(): ReadonlyMap<string, ServiceLevelAgreement> {
    return this.valid;
  }

  /**
   * Adds or replaces the document of a key; returns the keys whose model may change (the key and
   * every SLA that depends on it), or nothing when the revision is the one already indexed.
   */
  upsert(key: string, document: unknown, revision: string): string[] {
    const previous = this.entries.get(key);
    if (previous && previous.revision === revision) return [];
    if (previous) this.unlink(key, previous);
    const namespace = key.slice(0, key.indexOf("/"));
    const entry: Entry = { document, revision, dependencies: dependencyKeys(document, namespace) };
    this.entries.set(key, entry);
    for (const dependency of entry.dependencies) {
      let set = this.dependents.get(dependency);
      if (!set) this.dependents.set(dependency, (set = new Set()));
      set.add(key);
    }
    const schema = checkSchema(document);
    const wasValid = this.valid.has(key);
    if (schema.ok) this.valid.set(key, schema.value);
    else this.valid.delete(key);
    const changed = new Set([key, ...this.dependentsOf(key)]);
    if (wasValid !== schema.ok) {
      this.membership++;
      for (const k of this.withMissingDependency()) changed.add(k);
    }
    return [...changed];
  }

  /** Removes a key; returns the SLAs that depended on it. */
  remove(key: string): string[] {
    const previous = this.entries.get(key);
    if (!previous) return [];
    this.unlink(key, previous);
    this.entries.delete(key);
    const wasValid = this.valid.delete(key);
    this.models.delete(key);
    const changed = new Set(this.dependentsOf(key));
    if (wasValid) {
      this.membership++;
      for (const k of this.withMissingDependency()) changed.add(k);
    }
    return [...changed].sort();
  }

  /** Every SLA that depends on a key, directly or through others, sorted. */
  dependentsOf(key: string): string[] {
    const out = new Set<string>();
    const stack = [key];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      for (const dependent of this.dependents.get(next) ?? []) {
        if (dependent === key || out.has(dependent)) continue;
        out.add(dependent);
        stack.push(dependent);
      }
    }
    return [...out].sort();
  }

  /** The validated model of a key (cached per revision of it and its dependencies); undefined when the key is not indexed. */
  model(key: string): ModelResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const stamp = this.stampOf(key, entry);
    const cached = this.models.get(key);
    if (cached && cached.stamp === stamp) return cached.result;
    const result = buildModel(entry.document, { burnRateTables: this.options.burnRateTables, peers: this.valid });
    this.models.set(key, { stamp, result });
    return result;
  }

  /** Keys of the SLAs that name a dependency which is not a schema-valid SLA of the index, sorted. */
  private withMissingDependency(): string[] {
    const out = new Set<string>();
    for (const [dependency, keys] of this.dependents) {
      if (!this.valid.has(dependency)) for (const k of keys) out.add(k);
    }
    return [...out].sort();
  }

  /** The revisions of a key and everything it depends on, transitively (and, with a dependency missing, the set of valid keys): its model's cache key. */
  private stampOf(key: string, entry: Entry): string {
    if (entry.dependencies.length === 0) return entry.revision;
    const parts = [entry.revision];
    if (entry.dependencies.some((d) => !this.valid.has(d))) parts.push(`#${this.membership}`);
    const seen = new Set([key]);
    const stack = [...entry.dependencies];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      const dependency = this.entries.get(next);
      parts.push(`${next}@${dependency?.revision ?? "-"}`);
      if (dependency) stack.push(...dependency.dependencies);
    }
    return parts.join(" ");
  }

  private unlink(key: string, entry: Entry): void {
    for (const dependency of entry.dependencies) {
      const set = this.dependents.get(dependency);
      set?.delete(key);
      if (set?.size === 0) this.dependents.delete(dependency);
    }
  }
}
