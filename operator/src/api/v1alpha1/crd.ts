// Builds the CustomResourceDefinition of ServiceLevelAgreement from schema.ts. Kubernetes wants a
// structural schema: no additionalProperties:false (pruning does that job), no patternProperties,
// no $id, and string enums instead of anyOf-of-const. The conversion lives here so the committed
// crds/*.yaml is always a function of the one schema.
import type { TSchema } from "@sinclair/typebox";
import { ServiceLevelAgreementSpec, ServiceLevelAgreementStatus, apiVersion, kind } from "./schema.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Turns a TypeBox/JSON schema into a Kubernetes structural schema. */
export function toStructural(schema: TSchema | JsonObject): JsonObject {
  const source = JSON.parse(JSON.stringify(schema)) as JsonObject;
  return convert(source);
}

function convert(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  const anyOf = node["anyOf"];
  if (Array.isArray(anyOf) && anyOf.every((s) => isObject(s) && "const" in s)) {
    out["type"] = "string";
    out["enum"] = anyOf.map((s) => (s as JsonObject)["const"] as Json);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "anyOf" || key === "$id" || key === "const") continue;
    if (key === "additionalProperties" && value === false) continue;
    if (key === "additionalProperties" && value === true) {
      out["x-kubernetes-preserve-unknown-fields"] = true;
      continue;
    }
    if (key === "exclusiveMinimum" && typeof value === "number") {
      out["minimum"] = value;
      out["exclusiveMinimum"] = true;
      continue;
    }
    if (key === "exclusiveMaximum" && typeof value === "number") {
      out["maximum"] = value;
      out["exclusiveMaximum"] = true;
      continue;
    }
    if (key === "patternProperties" && isObject(value)) {
      const [valueSchema] = Object.values(value);
      out["additionalProperties"] = isObject(valueSchema) ? convert(valueSchema) : {};
      continue;
    }
    if (key === "properties" && isObject(value)) {
      out["properties"] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, isObject(child) ? convert(child) : child]),
      );
      continue;
    }
    if (key === "items" && isObject(value)) {
      out["items"] = convert(value);
      continue;
    }
    out[key] = value;
  }
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const [group, version] = apiVersion.split("/") as [string, string];

/** The ServiceLevelAgreement CRD as a plain object, keys in a stable order. */
export function serviceLevelAgreementCrd(): JsonObject {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `servicelevelagreements.${group}` },
    spec: {
      group,
      names: {
        kind,
        listKind: `${kind}List`,
        plural: "servicelevelagreements",
        singular: "servicelevelagreement",
        shortNames: ["sla", "slas"],
        categories: ["servicelevel"],
      },
      scope: "Namespaced",
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            { name: "Service", type: "string", jsonPath: ".spec.service", description: "The service the agreement covers." },
            { name: "State", type: "string", jsonPath: ".status.state", description: "Compliant, AtRisk, Breached, NoData or Invalid." },
            { name: "Compliance", type: "number", jsonPath: ".status.compliance", description: "Worst objective's attained level this period, percent." },
            { name: "Budget", type: "number", jsonPath: ".status.budgetRemaining", description: "Error budget left of the worst objective, percent." },
            { name: "Credit", type: "number", jsonPath: ".status.credit", description: "Service credit owed if the period ended now, percent." },
            { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
          ],
          schema: {
            openAPIV3Schema: {
              type: "object",
              description:
                "A service level agreement: objectives for a service, how they are measured from Prometheus, " +
                "how they alert, and the service credits owed when they are missed.",
              required: ["spec"],
              properties: {
                apiVersion: { type: "string", description: "APIVersion defines the versioned schema of this representation of an object." },
                kind: { type: "string", description: "Kind is a string value representing the REST resource this object represents." },
                metadata: { type: "object" },
                spec: toStructural(ServiceLevelAgreementSpec),
                status: toStructural(ServiceLevelAgreementStatus),
              },
            },
          },
        },
      ],
    },
  };
}
