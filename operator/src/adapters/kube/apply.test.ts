import { describe, expect, it } from "vitest";
import { canonicalJson, containsAll, dataKeysOf, desiredObject, isUpToDate, managedFieldsForApply, otherController, ownsByUpdate, specHashAnnotation, unionFieldSets } from "./apply.js";
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

describe("otherController", () => {
  // The API server's message (apimachinery ValidateOwnerReferences), as a 422 carries it.
  const message = 'prometheusrules.monitoring.coreos.com "sla-checkout" is invalid: metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"apps/v1", Kind:"Deployment", Name:"rules-sync"}}: ' +
    'Only one reference can have Controller set to true. Found "true" in references for Deployment/rules-sync and ServiceLevelAgreement/checkout';
  it("names the controller that is not the desired owner, whichever comes first", () => {
    const desired = desiredObject(generated, owner);
    expect(otherController(message, desired)).toBe("Deployment rules-sync");
    expect(otherController(message.replace("Deployment/rules-sync and ServiceLevelAgreement/checkout", "ServiceLevelAgreement/checkout and Deployment/rules-sync"), desired)).toBe("Deployment rules-sync");
    expect(otherController("something else", desired)).toBeUndefined();
  });
});

describe("dataKeysOf", () => {
  it("lists the keys of data and binaryData, sorted", () => {
    expect(dataKeysOf({ metadata: { name: "x" }, data: { "b.json": "", "a.json": "" }, binaryData: { z: "" } })).toEqual(["binaryData.z", "data.a.json", "data.b.json"]);
    expect(dataKeysOf({ metadata: { name: "x" } })).toEqual([]);
  });
});

describe("managedFieldsForApply", () => {
  const created = { manager: "servicelevel-operator", operation: "Update", apiVersion: "monitoring.coreos.com/v1", time: "2026-12-02T10:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:spec": { "f:groups": { 'k:{"name":"a"}': { ".": {}, "f:name": {} } } } } };
  const other = { manager: "kubectl-edit", operation: "Update", apiVersion: "monitoring.coreos.com/v1", time: "2026-12-02T10:05:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:metadata": { "f:labels": { "f:team": {} } } } };
  const status = { ...created, subresource: "status", fieldsV1: { "f:status": {} } };

  it("turns the entry of a create by POST into the apply's, and leaves other managers and subresources alone", () => {
    expect(managedFieldsForApply([other, created, status])).toEqual([other, status, { ...created, operation: "Apply" }]);
  });

  it("merges it into an apply entry that is there already, keeping the later time", () => {
    const applied = { ...created, operation: "Apply", time: "2026-12-02T09:00:00Z", fieldsV1: { "f:spec": { "f:groups": { 'k:{"name":"b"}': { ".": {} } } } } };
    expect(managedFieldsForApply([applied, created])).toEqual([{
      ...applied,
      time: "2026-12-02T10:00:00Z",
      fieldsV1: { "f:spec": { "f:groups": { 'k:{"name":"b"}': { ".": {} }, 'k:{"name":"a"}': { ".": {}, "f:name": {} } } } },
    }]);
  });

  it("is undefined when our manager holds nothing by Update", () => {
    expect(managedFieldsForApply([other, { ...created, operation: "Apply" }, status])).toBeUndefined();
    expect(managedFieldsForApply([])).toBeUndefined();
  });

  it("ownsByUpdate says whether there is such an entry", () => {
    expect(ownsByUpdate({ metadata: { name: "r", managedFields: [created] } } as KubeObject)).toBe(true);
    expect(ownsByUpdate({ metadata: { name: "r", managedFields: [other, status] } } as KubeObject)).toBe(false);
    expect(ownsByUpdate({ metadata: { name: "r" } })).toBe(false);
  });

  it("unionFieldSets keeps every path of both sets", () => {
    expect(unionFieldSets({ "f:a": { "f:b": {} } }, { "f:a": { "f:c": {} }, "f:d": {} })).toEqual({ "f:a": { "f:b": {}, "f:c": {} }, "f:d": {} });
    expect(unionFieldSets(undefined, { "f:a": {} })).toEqual({ "f:a": {} });
  });
});
