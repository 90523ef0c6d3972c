import { describe, expect, it } from "vitest";
import { canonicalJson, containsAll, desiredObject, isUpToDate, specHashAnnotation } from "./apply.js";
import type { KubeObject, OwnerReference } from "./resources.js";

const owner: OwnerReference = { apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", name: "checkout", uid: "u-1", controller: true, blockOwnerDeletion: true };
const generated = {
  apiVersion: "monitoring.coreos.com/v1",
  kind: "PrometheusRule",
  metadata: { name: "sla-checkout", namespace: "shop", labels: { "app.kubernetes.io/managed-by": "servicelevel-operator" } },
  spec: { groups: [{ name: "g", interval: "30s", rules: [{ record: "r", expr: "1", labels: { a: "b" } }] }] },
};

/** What the API server returns: everything desired plus server fields, keys sorted. */
function asStored(desired: KubeObject): KubeObject {
  return JSON.parse(canonicalJson({
    ...desired,
    metadata: { ...desired.metadata, uid: "x", resourceVersion: "42", generation: 1, creationTimestamp: "2026-11-27T10:00:00Z", managedFields: [{ manager: "servicelevel-operator" }] },
  })) as KubeObject;
}

describe("desiredObject", () => {
  it("adds the owner reference and a hash that changes with the content", () => {
    const a = desiredObject(generated, owner);
    expect(a.metadata.ownerReferences).toEqual([owner]);
    expect(a.metadata.annotations?.[specHashAnnotation]).toMatch(/^[0-9a-f]{32}$/);
    const b = desiredObject({ ...generated, spec: { groups: [] } }, owner);
    expect(b.metadata.annotations?.[specHashAnnotation]).not.toBe(a.metadata.annotations?.[specHashAnnotation]);
    expect(desiredObject(generated, owner)).toEqual(a);
  });
});

describe("isUpToDate", () => {
  const desired = desiredObject(generated, owner);

  it("is true for the object as the API server stores it, so nothing is written", () => {
    expect(isUpToDate(asStored(desired), desired)).toBe(true);
  });

  it("is false when there is no object yet", () => {
    expect(isUpToDate(undefined, desired)).toBe(false);
  });

  it("is false when the desired object changed", () => {
    const next = desiredObject({ ...generated, spec: { groups: [] } }, owner);
    expect(isUpToDate(asStored(desired), next)).toBe(false);
  });

  it("is false when someone edited the object (drift is put right)", () => {
    const stored = asStored(desired) as KubeObject & { spec: { groups: { rules: { expr: string }[] }[] } };
    const edited = structuredClone(stored);
    edited.spec.groups[0]!.rules[0]!.expr = "0";
    expect(isUpToDate(edited, desired)).toBe(false);
    const unlabelled = { ...stored, metadata: { ...stored.metadata, labels: {} } };
    expect(isUpToDate(unlabelled, desired)).toBe(false);
  });

  it("ignores fields others added (defaults, other managers' labels)", () => {
    const stored = asStored(desired);
    const extra = { ...stored, metadata: { ...stored.metadata, labels: { ...stored.metadata.labels, team: "x" } }, spec: { ...(stored["spec"] as object), extra: true } };
    expect(isUpToDate(extra, desired)).toBe(true);
  });

  it("is false for an object being deleted", () => {
    const stored = asStored(desired);
    expect(isUpToDate({ ...stored, metadata: { ...stored.metadata, deletionTimestamp: "2026-11-27T10:00:00Z" } }, desired)).toBe(false);
  });
});

describe("containsAll", () => {
  it("compares arrays element by element and by length", () => {
    expect(containsAll([{ a: 1, b: 2 }], [{ a: 1 }])).toBe(true);
    expect(containsAll([{ a: 1 }, { a: 2 }], [{ a: 1 }])).toBe(false);
    expect(containsAll({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(containsAll({ a: null }, { a: null })).toBe(true);
  });
});
