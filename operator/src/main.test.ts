import { describe, expect, it } from "vitest";
import { metadataOnly, withoutFieldSets } from "./main.js";

const written = {
  apiVersion: "servicelevel.dev/v1alpha1",
  kind: "ServiceLevelAgreement",
  metadata: {
    name: "checkout", namespace: "shop", resourceVersion: "7", labels: { team: "payments" },
    managedFields: [
      { manager: "kubectl", operation: "Apply", time: "2026-12-01T00:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:spec": { "f:service": {} } } },
      { manager: "servicelevel-operator", operation: "Update", subresource: "status", time: "2026-12-01T00:01:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:status": {} } },
    ],
  },
  spec: { service: "checkout" },
  status: { state: "Compliant" },
};

describe("what the operator's caches keep", () => {
  it("keeps an SLA whole but for the field sets of managedFields: who wrote it, how and when stay", () => {
    expect(withoutFieldSets(written)).toEqual({
      ...written,
      metadata: {
        name: "checkout", namespace: "shop", resourceVersion: "7", labels: { team: "payments" },
        managedFields: [
          { manager: "kubectl", operation: "Apply", time: "2026-12-01T00:00:00Z" },
          { manager: "servicelevel-operator", operation: "Update", time: "2026-12-01T00:01:00Z" },
        ],
      },
    });
    const plain = { ...written, metadata: { name: "checkout" } };
    expect(withoutFieldSets(plain)).toBe(plain);
  });

  it("keeps of a generated object its metadata only", () => {
    expect(metadataOnly(written)).toEqual({ apiVersion: written.apiVersion, kind: written.kind, metadata: withoutFieldSets(written).metadata });
  });
});
