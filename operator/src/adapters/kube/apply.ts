// Server-side apply of generated objects, and the no-op check that keeps a steady state free of
// writes. Each desired object carries a hash of itself in an annotation; the apply is skipped when
// the object in the cache has the same hash and still contains everything desired (so an edit by
// someone else is put right, while fields the API server defaults do not count as drift).
import { createHash } from "node:crypto";
import type { KubeApi } from "./client.js";
import { ForeignControllerError, isApiError } from "./errors.js";
import { fieldManager, resourcePath, type KubeObject, type OwnerReference, type ResourceType } from "./resources.js";

import { specHashAnnotation } from "../../compile/conventions.js";

export { specHashAnnotation };

/** JSON with object keys sorted at every level: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v);
}

/** The desired object with its owner reference and the hash annotation of everything desired. */
export function desiredObject(generated: object, owner: OwnerReference): KubeObject {
  const object = generated as KubeObject;
  const withOwner: KubeObject = {
    ...object,
    metadata: { ...object.metadata, ownerReferences: [owner] },
  };
  const hash = createHash("sha256").update(canonicalJson(withOwner)).digest("hex").slice(0, 32);
  return {
    ...withOwner,
    metadata: { ...withOwner.metadata, annotations: { ...withOwner.metadata.annotations, [specHashAnnotation]: hash } },
  };
}

/** True when every field of `desired` is in `actual` with the same value; arrays must match element by element. */
export function containsAll(actual: unknown, desired: unknown): boolean {
  if (desired === null || typeof desired !== "object") return Object.is(actual, desired);
  if (Array.isArray(desired)) {
    return Array.isArray(actual) && actual.length === desired.length && desired.every((d, i) => containsAll(actual[i], d));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
  const a = actual as Record<string, unknown>;
  return Object.entries(desired as Record<string, unknown>).every(([key, value]) => value === undefined || containsAll(a[key], value));
}

/** Whether applying `desired` (from desiredObject) would change nothing in `existing`. */
export function isUpToDate(existing: KubeObject | undefined, desired: KubeObject): boolean {
  if (!existing || existing.metadata.deletionTimestamp !== undefined) return false;
  if (existing.metadata.annotations?.[specHashAnnotation] !== desired.metadata.annotations?.[specHashAnnotation]) return false;
  const { metadata: desiredMeta, apiVersion: _apiVersion, kind: _kind, ...desiredBody } = desired;
  const { metadata: existingMeta, ...existingBody } = existing;
  return containsAll(existingMeta.labels ?? {}, desiredMeta.labels ?? {})
    && containsAll(existingMeta.annotations ?? {}, desiredMeta.annotations ?? {})
    && containsAll(existingMeta.ownerReferences ?? [], desiredMeta.ownerReferences ?? [])
    && containsAll(existingBody, desiredBody);
}

/**
 * The other controller named by the API server's refusal of a second one ("Only one reference can
 * have Controller set to true. Found "true" in references for Kind/name and Kind/name").
 */
export function otherController(message: string, desired: KubeObject): string | undefined {
  const match = /references for (\S+?)\/(\S+) and (\S+?)\/(\S+?)\.?$/.exec(message.split("\n")[0]?.replace(/[\]"]+$/, "") ?? "");
  if (!match) return undefined;
  const ours = new Set((desired.metadata.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`));
  const [first, second] = [`${match[1]}/${match[2]}`, `${match[3]}/${match[4]}`];
  const other = ours.has(first) ? second : first;
  return other.replace("/", " ");
}

/** The keys of `data` and `binaryData` of an object as "data.<key>" and "binaryData.<key>", sorted. */
export function dataKeysOf(object: KubeObject): string[] {
  return (["data", "binaryData"] as const).flatMap((field) => Object.keys((object[field] ?? {}) as Record<string, unknown>).map((k) => `${field}.${k}`)).sort();
}

/** One entry of `metadata.managedFields`, as the API server returns it. */
export interface ManagedFieldsEntry {
  readonly manager?: string;
  readonly operation?: string;
  readonly apiVersion?: string;
  readonly time?: string;
  readonly fieldsType?: string;
  readonly fieldsV1?: unknown;
  readonly subresource?: string;
}

function managedFieldsOf(object: KubeObject): readonly ManagedFieldsEntry[] {
  return (object.metadata as { managedFields?: readonly ManagedFieldsEntry[] }).managedFields ?? [];
}

/** Our manager's entry of the object itself (not a subresource) for an operation. */
const ownEntry = (operation: "Apply" | "Update") => (e: ManagedFieldsEntry): boolean =>
  e.manager === fieldManager && e.operation === operation && (e.subresource ?? "") === "";
const ownUpdate = ownEntry("Update");
const ownApply = ownEntry("Apply");

/** Whether our manager holds fields of the object through an Update (a create by POST) rather than an apply. */
export function ownsByUpdate(object: KubeObject): boolean {
  return managedFieldsOf(object).some(ownUpdate);
}

/** The union of two fieldsV1 sets: nested objects whose leaves are empty objects. */
export function unionFieldSets(a: unknown, b: unknown): unknown {
  const isSet = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isSet(a)) return b;
  if (!isSet(b)) return a;
  const merged: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) merged[key] = key in merged ? unionFieldSets(merged[key], value) : value;
  return merged;
}

/**
 * managedFields with our Update entries of the object itself merged into our Apply entry (made
 * from them when there is none), as client-go's csaupgrade does for kubectl; undefined when our
 * manager holds nothing by Update. Fields held by Update survive an apply that leaves them out.
 */
export function managedFieldsForApply(entries: readonly ManagedFieldsEntry[]): ManagedFieldsEntry[] | undefined {
  const updates = entries.filter(ownUpdate);
  if (updates.length === 0) return undefined;
  const base = entries.find(ownApply) ?? { ...updates[0], operation: "Apply" };
  const fieldsV1 = updates.reduce<unknown>((set, e) => unionFieldSets(set, e.fieldsV1), base.fieldsV1);
  const times = [base, ...updates].map((e) => e.time ?? "").sort();
  const adopted: ManagedFieldsEntry = { ...base, fieldsType: "FieldsV1", fieldsV1, ...(times.at(-1) ? { time: times.at(-1) as string } : {}) };
  const rest = entries.filter((e) => !ownUpdate(e) && !ownApply(e));
  return [...rest, adopted];
}

/** Writes generated objects with server-side apply and deletes them. */
export class Applier {
  constructor(private readonly api: KubeApi) {}

  /**
   * PATCH application/apply-patch+yaml (JSON is YAML), fieldManager servicelevel-operator, force:
   * the operator owns these objects. Throws ForeignControllerError when another controller owns
   * the object already.
   */
  async apply<T extends KubeObject>(resource: ResourceType, desired: KubeObject, existing?: KubeObject): Promise<T> {
    const { namespace, name } = desired.metadata;
    const path = resourcePath(resource, namespace, name);
    if (existing !== undefined && ownsByUpdate(existing)) await this.adoptUpdatedFields(path);
    try {
      return await this.api.request<T>("PATCH", path, {
        query: { fieldManager, force: true },
        body: desired,
        contentType: "application/apply-patch+yaml",
      });
    } catch (cause) {
      if (!isApiError(cause) || !cause.isSecondController) throw cause;
      throw new ForeignControllerError(resource.kind, name, otherController(cause.status?.message ?? "", desired) ?? "another controller", { cause });
    }
  }

  /**
   * Creates an absent object with POST, for 50 to 80% of the API server's CPU of a server-side
   * apply (bench/operator-startup/write-cost.ts). Our manager then holds its fields by Update; the
   * next apply adopts them first. Undefined when the object exists already (made meanwhile, by us
   * perhaps: its fields are adopted here, as the cache did not show it).
   */
  async create<T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T | undefined> {
    const { namespace, name } = desired.metadata;
    try {
      return await this.api.request<T>("POST", resourcePath(resource, namespace), { query: { fieldManager }, body: desired });
    } catch (cause) {
      if (!isApiError(cause) || !cause.isConflict) throw cause;
      await this.adoptUpdatedFields(resourcePath(resource, namespace, name));
      return undefined;
    }
  }

  /**
   * Makes the fields our manager holds by Update (from a create) its apply's, so the apply that
   * follows removes what it leaves out. Reads the object live, as the caches keep no field sets;
   * the patch fails if the object changed since (the queue retries).
   */
  private async adoptUpdatedFields(path: string): Promise<void> {
    let live: KubeObject;
    try {
      live = await this.api.request<KubeObject>("GET", path);
    } catch (cause) {
      if (isApiError(cause) && cause.isNotFound) return;
      throw cause;
    }
    const entries = managedFieldsForApply(managedFieldsOf(live));
    if (entries === undefined) return;
    await this.api.request("PATCH", path, {
      query: { fieldManager },
      body: [
        { op: "test", path: "/metadata/resourceVersion", value: live.metadata.resourceVersion },
        { op: "replace", path: "/metadata/managedFields", value: entries },
      ],
      contentType: "application/json-patch+json",
    });
  }

  /**
   * Removes keys of a ConfigMap's `data` or `binaryData` (e.g. "data.extra.json" is key
   * "extra.json" of data) from the object at `resourceVersion`. Server-side apply removes only the
   * keys the operator itself applied before, so keys someone else added would stay forever. The
   * patch fails if the object changed since (the queue retries with a fresh cache).
   */
  removeKeys<T extends KubeObject>(resource: ResourceType, desired: KubeObject, keys: readonly string[], resourceVersion: string | undefined): Promise<T> {
    const { namespace, name } = desired.metadata;
    const pointer = (key: string): string => {
      const dot = key.indexOf(".");
      return `/${key.slice(0, dot)}/${key.slice(dot + 1).replaceAll("~", "~0").replaceAll("/", "~1")}`;
    };
    return this.api.request<T>("PATCH", resourcePath(resource, namespace, name), {
      query: { fieldManager },
      body: [
        ...(resourceVersion === undefined ? [] : [{ op: "test", path: "/metadata/resourceVersion", value: resourceVersion }]),
        ...keys.map((key) => ({ op: "remove", path: pointer(key) })),
      ],
      contentType: "application/json-patch+json",
    });
  }

  /** Deletes an object; false when it was already gone. */
  async delete(resource: ResourceType, namespace: string, name: string, uid?: string): Promise<boolean> {
    try {
      await this.api.request("DELETE", resourcePath(resource, namespace, name), {
        body: { apiVersion: "v1", kind: "DeleteOptions", propagationPolicy: "Background", ...(uid ? { preconditions: { uid } } : {}) },
      });
      return true;
    } catch (cause) {
      // Gone already (or its type is), or replaced by a new object with another uid: nothing to delete.
      if (isApiError(cause) && (cause.isNotFound || cause.isConflict)) return false;
      throw cause;
    }
  }
}
