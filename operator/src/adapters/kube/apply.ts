// Server-side apply of generated objects, and the no-op check that keeps a steady state free of
// writes. Each desired object carries a hash of itself in an annotation; the apply is skipped when
// the object in the cache has the same hash and still contains everything desired (so an edit by
// someone else is put right, while fields the API server defaults do not count as drift).
import { createHash } from "node:crypto";
import type { KubeApi } from "./client.js";
import { isApiError } from "./errors.js";
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

/** Writes generated objects with server-side apply and deletes them. */
export class Applier {
  constructor(private readonly api: KubeApi) {}

  /** PATCH application/apply-patch+yaml (JSON is YAML), fieldManager servicelevel-operator, force: the operator owns these objects. */
  apply<T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T> {
    const { namespace, name } = desired.metadata;
    return this.api.request<T>("PATCH", resourcePath(resource, namespace, name), {
      query: { fieldManager, force: true },
      body: desired,
      contentType: "application/apply-patch+yaml",
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
